"""The audit log: one call at the place where a change happens."""

import datetime
import decimal
import uuid

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import models
from django.dispatch import receiver

from .models import AuditEvent, User
from .system import SYSTEM_ACTOR_LABEL, is_system_actor


def snapshot(instance, fields):
    """The named fields of a model instance as JSON-ready values."""
    return {name: _json_value(getattr(instance, _attname(instance, name))) for name in fields}


def _attname(instance, name):
    field = instance._meta.get_field(name)
    return field.attname if isinstance(field, models.ForeignKey) else name


def _json_value(value):
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


def audit_record(*, actor, verb, target, organisation=None, before=None, after=None):
    """Record who (actor) did what (verb) to which object (target), with before/after data."""
    actor_is_person = actor is not None and getattr(actor, "is_authenticated", False)
    label = str(actor.email) if actor_is_person else ""
    if is_system_actor(actor):
        label = str(SYSTEM_ACTOR_LABEL)  # a name, not the account's placeholder address
    return AuditEvent.objects.create(
        actor=actor if actor_is_person else None,
        actor_label=label,
        verb=verb,
        organisation=organisation,
        target_type=target._meta.label_lower,
        target_id=str(target.pk or ""),
        target_label=str(target)[:300],
        before=before,
        after=after,
    )


def audit_authentication(*, verb, user=None, email="", reason=""):
    """An authentication event: no organisation (administrators see these), never a password.

    With a user it is that person's own action; without one, ``email`` is the address that was
    tried (it may belong to nobody), recorded as typed, truncated.
    """
    if user is not None:
        return audit_record(actor=user, verb=verb, target=user, after={"reason": reason} if reason else None)
    email = (email or "").strip()[:254]
    known = User.objects.filter(email__iexact=email).only("pk").first() if email else None
    return AuditEvent.objects.create(
        actor_label=email,
        verb=verb,
        target_type=User._meta.label_lower,
        target_id=str(known.pk) if known else "",
        target_label=email,
    )


# Django's authentication signals only record here; they decide nothing.
@receiver(user_logged_in, dispatch_uid="audit_login")
def _audit_login(sender, request, user, **kwargs):
    audit_authentication(verb="auth.login", user=user)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def _audit_login_failed(sender, credentials, request=None, **kwargs):
    audit_authentication(verb="auth.login_failed", email=credentials.get("username") or credentials.get("email"))


@receiver(user_logged_out, dispatch_uid="audit_logout")
def _audit_logout(sender, request, user, **kwargs):
    if user is not None:
        reason = getattr(request, "session_end_reason", "")
        audit_authentication(verb="auth.session_end" if reason else "auth.logout", user=user, reason=reason)
