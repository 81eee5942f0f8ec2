"""The head of organisation's case settings: conduct delegates, case deadlines, closure days."""

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record

from ..access import may_manage_conduct_delegates, member_permissions
from ..models import CaseDeadline, ClosureDay, ConductDelegate


def _check_head(actor, organisation):
    if not may_manage_conduct_delegates(actor, organisation):
        raise ServiceError(_("Only the head of organisation may change this."))


@transaction.atomic
def conduct_delegate_add(*, actor, organisation, user):
    _check_head(actor, organisation)
    if not member_permissions(user, organisation):
        raise ServiceError(_("Only a member of the organisation can be a delegate."), field="user")
    delegate, created = ConductDelegate.objects.get_or_create(
        organisation=organisation, user=user, defaults={"delegated_by": actor}
    )
    if not created:
        raise ServiceError(_("%(email)s is already a delegate.") % {"email": user.email}, field="user")
    audit_record(
        actor=actor, verb="conduct_delegate.add", target=delegate, organisation=organisation, after={"user": user.pk}
    )
    return delegate


@transaction.atomic
def conduct_delegate_remove(*, actor, delegate):
    _check_head(actor, delegate.organisation)
    audit_record(
        actor=actor,
        verb="conduct_delegate.remove",
        target=delegate,
        organisation=delegate.organisation,
        before={"user": delegate.user_id},
    )
    ConductDelegate.objects.filter(pk=delegate.pk).delete()


@transaction.atomic
def case_deadline_set(*, actor, organisation, category, acknowledge_days, resolve_days):
    """Working days for a category; applies to cases received from now on."""
    _check_head(actor, organisation)
    if resolve_days < acknowledge_days:
        raise ServiceError(_("Resolving cannot take fewer days than acknowledging."), field="resolve_days")
    row = CaseDeadline.objects.select_for_update().filter(organisation=organisation, category=category).first()
    before = {"acknowledge_days": row.acknowledge_days, "resolve_days": row.resolve_days} if row else None
    row, _created = CaseDeadline.objects.update_or_create(
        organisation=organisation,
        category=category,
        defaults={"acknowledge_days": acknowledge_days, "resolve_days": resolve_days},
    )
    audit_record(
        actor=actor,
        verb="case_deadline.set",
        target=row,
        organisation=organisation,
        before=before,
        after={"acknowledge_days": acknowledge_days, "resolve_days": resolve_days},
    )
    return row


@transaction.atomic
def closure_day_add(*, actor, organisation, day, reason=""):
    _check_head(actor, organisation)
    closure, created = ClosureDay.objects.get_or_create(organisation=organisation, day=day, defaults={"reason": reason})
    if not created:
        raise ServiceError(_("That day is already a closure day."), field="day")
    audit_record(
        actor=actor, verb="closure_day.add", target=closure, organisation=organisation, after={"day": day.isoformat()}
    )
    return closure


@transaction.atomic
def closure_day_remove(*, actor, closure):
    _check_head(actor, closure.organisation)
    audit_record(
        actor=actor,
        verb="closure_day.remove",
        target=closure,
        organisation=closure.organisation,
        before={"day": closure.day.isoformat()},
    )
    ClosureDay.objects.filter(pk=closure.pk).delete()
