"""The metric-return life cycle: services (transitions, locking, versions, is_current)."""

import datetime
from decimal import Decimal

import pytest

from common.errors import ServiceError
from organisations.models import AuditEvent
from organisations.services import evaluator_assign
from standards.models import Measure, MetricReturn, MetricValue, ReturnState, ValueSource
from standards.periods import period_for_label
from standards.services.return_flow import ReturnFlow
from standards.services.returns import (
    return_accept,
    return_correct,
    return_create,
    return_query,
    return_save_values,
    return_submit,
)

from .factories import standard_with_target

D = datetime.date


@pytest.fixture
def setup(cast):
    evaluator_assign(actor=cast.admin, organisation=cast.org_a, evaluator=cast.evaluator)
    calls = standard_with_target(cast.org_a, code="CALLS")
    letters = standard_with_target(
        cast.org_a, code="LETTERS", measure=Measure.MEAN_DURATION, threshold=Decimal("10"), threshold_unit="days"
    )
    standard_with_target(cast.org_a, code="MONTHLY", frequency="monthly")
    standard_with_target(cast.org_a, code="ENDED", applies_to=D(2025, 12, 31))
    period = period_for_label("2026-Q1")
    metric_return = return_create(actor=cast.rep_a, organisation=cast.org_a, period=period)
    return cast, metric_return, calls, letters


def complete(calls, letters, numerator="45", denominator="50", days="7.5"):
    return {
        calls: {"numerator": Decimal(numerator), "denominator": Decimal(denominator), "note": "From the phone system"},
        letters: {"value": Decimal(days), "note": ""},
    }


def submitted(setup):
    cast, metric_return, calls, letters = setup
    return_save_values(actor=cast.rep_a, metric_return=metric_return, values=complete(calls, letters))
    return return_submit(actor=cast.rep_a, metric_return=metric_return)


def test_create_lists_active_standards_of_the_frequency(setup):
    cast, metric_return, calls, letters = setup
    from standards.services.returns import active_standards

    assert [s.code for s in active_standards(metric_return).order_by("code")] == ["CALLS", "LETTERS"]
    assert metric_return.state == ReturnState.DRAFT
    assert AuditEvent.objects.filter(verb="metric_return.create").count() == 1


def test_create_refuses_duplicate_and_periods_without_standards(setup):
    cast, metric_return, calls, letters = setup
    with pytest.raises(ServiceError, match="already a return"):
        return_create(actor=cast.rep_a, organisation=cast.org_a, period=metric_return.period)
    with pytest.raises(ServiceError, match="no standard"):
        return_create(actor=cast.rep_a, organisation=cast.org_a, period=period_for_label("2026"))
    with pytest.raises(ServiceError, match="may not"):
        return_create(actor=cast.staff_a, organisation=cast.org_a, period=period_for_label("2025-Q4"))


def test_percentage_is_computed_from_numerator_and_denominator(setup):
    cast, metric_return, calls, letters = setup
    return_save_values(actor=cast.rep_a, metric_return=metric_return, values=complete(calls, letters, "2", "3"))
    value = MetricValue.objects.get(standard=calls)
    assert value.value == Decimal("66.6667")
    assert value.source == ValueSource.MANUAL
    assert MetricValue.objects.get(standard=letters).value == Decimal("7.5")
    event = AuditEvent.objects.get(verb="metric_return.save_values")
    assert event.after["values"]["CALLS"]["numerator"] == "2"


@pytest.mark.parametrize(
    ("numerator", "denominator", "message"),
    [("51", "50", "more than the total"), ("1", "0", "more than 0"), ("-1", "50", "negative")],
)
def test_bad_percentages_are_refused(setup, numerator, denominator, message):
    cast, metric_return, calls, letters = setup
    with pytest.raises(ServiceError, match=message):
        return_save_values(
            actor=cast.rep_a, metric_return=metric_return, values=complete(calls, letters, numerator, denominator)
        )
    assert not MetricValue.objects.exists()


def test_submit_needs_every_value(setup):
    cast, metric_return, calls, letters = setup
    return_save_values(actor=cast.rep_a, metric_return=metric_return, values={letters: {"value": Decimal("3")}})
    with pytest.raises(ServiceError, match="CALLS"):
        return_submit(actor=cast.rep_a, metric_return=metric_return)
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.DRAFT


def test_submit_is_for_managers_and_only_once(setup):
    cast, metric_return, calls, letters = setup
    return_save_values(actor=cast.rep_a, metric_return=metric_return, values=complete(calls, letters))
    for role in ["head_a", "staff_a", "evaluator", "rep_b"]:
        with pytest.raises(ServiceError, match="may not"):
            return_submit(actor=cast.user(role), metric_return=metric_return)
    return_submit(actor=cast.rep_a, metric_return=metric_return)
    events = AuditEvent.objects.filter(verb="metric_return.submit").count()
    with pytest.raises(ServiceError, match="already been submitted"):
        return_submit(actor=cast.rep_a, metric_return=metric_return)
    assert AuditEvent.objects.filter(verb="metric_return.submit").count() == events
    event = AuditEvent.objects.get(verb="metric_return.submit")
    assert (event.before["state"], event.after["state"]) == ("draft", "submitted")


def test_submitted_and_accepted_returns_are_locked(setup):
    cast, metric_return, calls, letters = setup
    submitted(setup)
    with pytest.raises(ServiceError, match="already been submitted"):
        return_save_values(actor=cast.rep_a, metric_return=metric_return, values=complete(calls, letters, "1", "2"))
    return_accept(actor=cast.evaluator, metric_return=metric_return)
    with pytest.raises(ServiceError, match="accepted and is locked"):
        return_save_values(actor=cast.rep_a, metric_return=metric_return, values=complete(calls, letters, "1", "2"))
    assert MetricValue.objects.get(standard=calls).numerator == Decimal("45")


def test_review_needs_review_permission(setup):
    cast, metric_return, calls, letters = setup
    submitted(setup)
    for role in ["rep_a", "head_a", "rep_b"]:
        with pytest.raises(ServiceError, match="may not"):
            return_accept(actor=cast.user(role), metric_return=metric_return)
        with pytest.raises(ServiceError, match="may not"):
            return_query(actor=cast.user(role), metric_return=metric_return, question="Why?")
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.SUBMITTED


def test_forbidden_transitions(setup):
    cast, metric_return, calls, letters = setup
    with pytest.raises(ServiceError, match="still a draft"):
        return_accept(actor=cast.evaluator, metric_return=metric_return)
    with pytest.raises(ServiceError, match="still a draft"):
        return_query(actor=cast.evaluator, metric_return=metric_return, question="?")
    with pytest.raises(ServiceError, match="accepted, current"):
        return_correct(actor=cast.rep_a, metric_return=metric_return, reason="typo")
    flow = ReturnFlow(metric_return)
    assert flow.submit.can_proceed() and not flow.accept.can_proceed()
    assert flow.submit.has_perm(cast.rep_a) and not flow.submit.has_perm(cast.evaluator)


def test_query_answer_resubmit_accept(setup):
    cast, metric_return, calls, letters = setup
    submitted(setup)
    with pytest.raises(ServiceError, match="question") as refused:
        return_query(actor=cast.evaluator, metric_return=metric_return, question="  ")
    assert refused.value.field == "question"
    return_query(actor=cast.evaluator, metric_return=metric_return, question="Why did calls drop?")
    metric_return.refresh_from_db()
    assert (metric_return.state, metric_return.query) == (ReturnState.QUERIED, "Why did calls drop?")
    with pytest.raises(ServiceError, match="has been queried"):
        return_accept(actor=cast.evaluator, metric_return=metric_return)
    return_save_values(actor=cast.rep_a, metric_return=metric_return, values=complete(calls, letters, "46", "50"))
    with pytest.raises(ServiceError, match="Answer the evaluator") as refused:
        return_submit(actor=cast.rep_a, metric_return=metric_return)
    assert refused.value.field == "response"
    return_submit(actor=cast.rep_a, metric_return=metric_return, response="A strike in February.")
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.SUBMITTED and metric_return.was_resubmitted
    return_accept(actor=cast.evaluator, metric_return=metric_return)
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.ACCEPTED and metric_return.is_current
    assert metric_return.reviewed_by == cast.evaluator
    assert MetricValue.objects.get(standard=calls).value == Decimal("92")


def test_correction_creates_new_version_and_moves_is_current(setup):
    cast, first, calls, letters = setup
    submitted(setup)
    return_accept(actor=cast.lead, metric_return=first)
    with pytest.raises(ServiceError, match="why") as refused:
        return_correct(actor=cast.rep_a, metric_return=first, reason="")
    assert refused.value.field == "reason"
    second = return_correct(actor=cast.rep_a, metric_return=first, reason="Calls were double counted")
    assert (second.version, second.state, second.supersedes, second.is_current) == (2, "draft", first, False)
    assert MetricValue.objects.filter(metric_return=second).count() == 2
    with pytest.raises(ServiceError, match="already under way"):
        return_correct(actor=cast.rep_a, metric_return=first, reason="again")
    first.refresh_from_db()
    assert first.is_current and first.state == ReturnState.ACCEPTED

    return_save_values(actor=cast.rep_a, metric_return=second, values=complete(calls, letters, "40", "50"))
    return_submit(actor=cast.rep_a, metric_return=second)
    first.refresh_from_db()
    assert first.is_current  # the accepted version counts until the correction is accepted
    return_accept(actor=cast.evaluator, metric_return=second)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, first.is_current) == (ReturnState.SUPERSEDED, False)
    assert (second.state, second.is_current) == (ReturnState.ACCEPTED, True)
    assert MetricReturn.objects.filter(organisation=cast.org_a, period=first.period, is_current=True).count() == 1
    assert MetricValue.objects.get(metric_return=first, standard=calls).value == Decimal("90")
    assert MetricValue.objects.get(metric_return=second, standard=calls).value == Decimal("80")
    assert AuditEvent.objects.filter(verb="metric_return.supersede").count() == 1
    with pytest.raises(ServiceError, match="accepted, current"):
        return_correct(actor=cast.rep_a, metric_return=first, reason="old one")
    third = return_correct(actor=cast.rep_a, metric_return=second, reason="Another fix")
    assert third.version == 3


def test_values_of_other_standards_are_refused(setup):
    cast, metric_return, calls, letters = setup
    other = standard_with_target(cast.org_b, code="B1")
    with pytest.raises(ServiceError, match="not reported"):
        return_save_values(actor=cast.rep_a, metric_return=metric_return, values={other: {"value": Decimal("1")}})
