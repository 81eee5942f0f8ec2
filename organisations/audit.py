"""The audit log: one call at the place where a change happens."""

import datetime
import decimal
import uuid

from django.db import models

from .models import AuditEvent
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
