"""Handling a case: the life cycle (feedback/lifecycle.py), assignment, notes and messages to the reporter.

Each service locks the case (select_for_update), checks the transition applies to its current state
and that the actor may take it (``has_perm``), and writes an audit event. A second click on the same
button finds the state already moved and gets a clear message, and nothing changes twice.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.errors import ServiceError
from organisations.audit import audit_record

from ..access import cases_visible_to, may_handle_cases
from ..lifecycle import CaseFlow
from ..models import Case, CaseState, MessageDirection
from .intake import case_receive

STATE_MESSAGES = {
    CaseState.RECEIVED: gettext_lazy("This case has not been acknowledged yet."),
    CaseState.ACKNOWLEDGED: gettext_lazy("This case has already been acknowledged."),
    CaseState.IN_PROGRESS: gettext_lazy("This case is already in progress."),
    CaseState.ESCALATED: gettext_lazy("This case has been escalated."),
    CaseState.RESOLVED: gettext_lazy("This case has already been resolved."),
    CaseState.CLOSED: gettext_lazy("This case is closed: nothing more can be done to it."),
}
MAX_TEXT = 10000


def lock(case):
    return Case.objects.select_for_update().select_related("organisation").get(pk=case.pk)


def state_message(case):
    return str(STATE_MESSAGES[CaseState(case.state)])


def _check_visible(actor, case):
    if not cases_visible_to(actor, case.organisation).filter(pk=case.pk).exists():
        raise ServiceError(_("You may not handle this case."))


def _transition(actor, case, name):
    transition = getattr(CaseFlow(case), name)
    if not transition.can_proceed():
        raise ServiceError(state_message(case))
    if not transition.has_perm(actor):
        raise ServiceError(_("You may not handle this case."))
    return transition


def _audit(actor, case, verb, before_state=None, **details):
    audit_record(
        actor=actor,
        verb=f"case.{verb}",
        target=case,
        organisation=case.organisation,
        before={"state": before_state} if before_state else None,
        after={"state": case.state, **details},
    )


def _text(value, field, empty_message):
    value = (value or "").strip()
    if not value:
        raise ServiceError(empty_message, field=field)
    if len(value) > MAX_TEXT:
        raise ServiceError(_("Keep it under %(limit)s characters.") % {"limit": MAX_TEXT}, field=field)
    return value


@transaction.atomic
def case_acknowledge(*, actor, case):
    case = lock(case)
    before = case.state
    if case.acknowledged_at is not None:
        raise ServiceError(str(STATE_MESSAGES[CaseState.ACKNOWLEDGED]))
    _transition(actor, case, "acknowledge")()
    case.acknowledged_at = timezone.now()
    case.save(update_fields=["state", "acknowledged_at"])
    _audit(actor, case, "acknowledge", before)
    return case


@transaction.atomic
def case_start(*, actor, case):
    case = lock(case)
    before = case.state
    _transition(actor, case, "start")()
    fields = ["state"]
    if case.acknowledged_at is None:  # starting work acknowledges the case too
        case.acknowledged_at = timezone.now()
        fields.append("acknowledged_at")
    if case.assigned_to_id is None:
        case.assigned_to = actor
        fields.append("assigned_to")
    case.save(update_fields=fields)
    _audit(actor, case, "start", before)
    return case


@transaction.atomic
def case_resolve(*, actor, case, resolution):
    case = lock(case)
    before = case.state
    transition = _transition(actor, case, "resolve")
    case.resolution = _text(resolution, "resolution", _("Say how the case was resolved."))
    transition()
    case.resolved_at = timezone.now()
    case.save(update_fields=["state", "resolution", "resolved_at"])
    _audit(actor, case, "resolve", before)
    return case


@transaction.atomic
def case_close(*, actor, case):
    case = lock(case)
    before = case.state
    _transition(actor, case, "close")()
    case.closed_at = timezone.now()
    case.save(update_fields=["state", "closed_at"])
    _audit(actor, case, "close", before)
    return case


@transaction.atomic
def case_escalate(*, actor, case, reason):
    """The scheduled task escalates an overdue case (actor: the system actor). Returns None if not applicable."""
    case = lock(case)
    before = case.state
    transition = CaseFlow(case).escalate
    if not transition.can_proceed() or not transition.has_perm(actor):
        return None
    transition()
    case.escalated_at = timezone.now()
    case.save(update_fields=["state", "escalated_at"])
    _audit(actor, case, "escalate", before, reason=reason)
    return case


@transaction.atomic
def case_assign(*, actor, case, officer):
    """Give the case to an officer who may see it (None: nobody)."""
    case = lock(case)
    _check_visible(actor, case)
    if not case.is_open:
        raise ServiceError(state_message(case))
    if officer is not None and not cases_visible_to(officer, case.organisation).filter(pk=case.pk).exists():
        raise ServiceError(_("That person may not handle this case."), field="officer")
    before = case.assigned_to_id
    case.assigned_to = officer
    case.save(update_fields=["assigned_to"])
    audit_record(
        actor=actor,
        verb="case.assign",
        target=case,
        organisation=case.organisation,
        before={"assigned_to": before},
        after={"assigned_to": officer.pk if officer else None},
    )
    return case


def _message(actor, case, direction, text, verb):
    from ..models import CaseMessage

    message = CaseMessage.objects.create(case=case, direction=direction, text=text, author=actor)
    audit_record(
        actor=actor,
        verb=f"case.{verb}",
        target=case,
        organisation=case.organisation,
        after={"message": message.pk, "direction": direction},
    )
    return message


@transaction.atomic
def case_add_note(*, actor, case, text):
    """An internal note: never shown to the reporter."""
    case = lock(case)
    _check_visible(actor, case)
    return _message(actor, case, MessageDirection.INTERNAL, _text(text, "text", _("Write the note.")), "note")


@transaction.atomic
def case_message_reporter(*, actor, case, text):
    """A message the reporter reads on the follow-a-case page, and by e-mail when they gave an address."""
    case = lock(case)
    _check_visible(actor, case)
    if case.state == CaseState.CLOSED:
        raise ServiceError(state_message(case))
    message = _message(
        actor, case, MessageDirection.TO_REPORTER, _text(text, "text", _("Write the message.")), "message"
    )
    if case.reporter_email and not case.is_anonymous:
        from ..tasks import send_reporter_message

        transaction.on_commit(lambda: send_reporter_message.delay(message.pk))
    return message


def case_log_contact(*, actor, organisation, **fields):
    """An officer logs a contact from another channel (phone, letter, counter...): a case like any other."""
    if not may_handle_cases(actor, organisation):
        raise ServiceError(_("You may not log contacts for this organisation."))
    return case_receive(organisation=organisation, actor=actor, **fields)
