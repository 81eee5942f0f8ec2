"""Escalating overdue cases (run by Celery beat, or `manage.py escalate_overdue_cases`).

An open case is overdue when it was not acknowledged by its acknowledge-by date, or not resolved by
its resolve-by date (the deadline day itself is still on time). Each overdue case is escalated once,
as the system actor, and the organisation's head (RECEIVE_ESCALATIONS) is told by e-mail once per
escalation. Running it again changes nothing: an escalated case is not escalated again.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from organisations.system import system_actor

from ..models import Case, CaseState
from .cases import case_escalate

ESCALATABLE = (CaseState.RECEIVED, CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS)


def past_deadline(done_field, due_field, today):
    """Not done by its deadline day, which is over (the deadline day itself is still on time).

    The one rule for "overdue": escalation uses it, and so do the timeliness figures (feedback/figures.py).
    """
    return Q(**{f"{done_field}__isnull": True, f"{due_field}__lt": today})


def overdue_cases(today=None):
    today = today or timezone.localdate()
    not_acknowledged = past_deadline("acknowledged_at", "acknowledge_by", today)
    not_resolved = past_deadline("resolved_at", "resolve_by", today)
    return Case.objects.filter(state__in=ESCALATABLE).filter(not_acknowledged | not_resolved)


def overdue_reason(case, today):
    if case.acknowledged_at is None and case.acknowledge_by < today:
        return "not_acknowledged"
    return "not_resolved"


def escalate_overdue_cases(today=None):
    """Escalate every overdue case; returns the escalated cases."""
    from ..tasks import notify_escalation

    today = today or timezone.localdate()
    actor = system_actor()
    escalated = []
    for case in overdue_cases(today).order_by("pk"):
        with transaction.atomic():
            done = case_escalate(actor=actor, case=case, reason=overdue_reason(case, today))
            if done is not None:
                escalated.append(done)
                transaction.on_commit(lambda pk=done.pk: notify_escalation.delay(pk))
    return escalated
