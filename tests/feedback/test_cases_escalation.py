"""Escalation with time moved forward: overdue cases are escalated once and the head is told once."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from feedback.models import CaseState
from feedback.services import cases as services
from feedback.services.escalation import escalate_overdue_cases
from feedback.services.intake import case_receive
from organisations.models import AuditEvent

pytestmark = pytest.mark.django_db

MONDAY = datetime.datetime(2026, 3, 9, 10, 0, tzinfo=datetime.UTC)


def _at(moment):
    """Move the clock: timezone.now and timezone.localdate everywhere."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def _receive(cast):
    case, _receipt = case_receive(
        organisation=cast.org_a,
        service_point=None,
        category="complaint",
        channel="phone",
        description="Slow service",
        happened_on=None,
        is_anonymous=True,
    )
    return case


def test_not_acknowledged_in_time_is_escalated_once_and_the_head_is_told_once(cast, django_capture_on_commit_callbacks):
    with _at(MONDAY):
        case = _receive(cast)
    assert case.acknowledge_by == datetime.date(2026, 3, 12)
    with _at(MONDAY + datetime.timedelta(days=3)), django_capture_on_commit_callbacks(execute=True):
        assert escalate_overdue_cases() == []  # the deadline day itself is on time
    with _at(MONDAY + datetime.timedelta(days=4)), django_capture_on_commit_callbacks(execute=True):
        assert [c.pk for c in escalate_overdue_cases()] == [case.pk]
        assert escalate_overdue_cases() == []  # idempotent
    case.refresh_from_db()
    assert case.state == CaseState.ESCALATED and case.escalated_at
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [cast.head_a.email]
    assert case.reference in mail.outbox[0].subject
    assert "Slow service" not in mail.outbox[0].body  # no case contents by e-mail
    event = AuditEvent.objects.get(verb="case.escalate")
    assert event.after["reason"] == "not_acknowledged"


def test_acknowledged_but_not_resolved_in_time_is_escalated(cast, django_capture_on_commit_callbacks):
    with _at(MONDAY):
        case = _receive(cast)
        services.case_acknowledge(actor=cast.complaints_a, case=case)
    with _at(MONDAY + datetime.timedelta(days=10)):
        assert escalate_overdue_cases() == []
    with _at(MONDAY + datetime.timedelta(days=40)), django_capture_on_commit_callbacks(execute=True):
        call_command("escalate_overdue_cases", stdout=mock.Mock())
    case.refresh_from_db()
    assert case.state == CaseState.ESCALATED
    assert AuditEvent.objects.get(verb="case.escalate").after["reason"] == "not_resolved"


def test_resolved_and_closed_cases_are_never_escalated(cast):
    with _at(MONDAY):
        case = _receive(cast)
        services.case_acknowledge(actor=cast.head_a, case=case)
        services.case_resolve(actor=cast.head_a, case=case, resolution="Done")
    with _at(MONDAY + datetime.timedelta(days=100)):
        assert escalate_overdue_cases() == []


def test_a_closure_day_moves_the_deadline(cast):
    from feedback.models import ClosureDay

    ClosureDay.objects.create(organisation=cast.org_a, day=datetime.date(2026, 3, 10))
    with _at(MONDAY):
        case = _receive(cast)
    assert case.acknowledge_by == datetime.date(2026, 3, 13)
    with _at(MONDAY + datetime.timedelta(days=4)):
        assert escalate_overdue_cases() == []


def test_the_celery_task_escalates(cast):
    from feedback.tasks import escalate_overdue_cases_task

    with _at(MONDAY):
        _receive(cast)
    with _at(MONDAY + datetime.timedelta(days=30)):
        assert escalate_overdue_cases_task() == 1
    assert timezone.now() > MONDAY
