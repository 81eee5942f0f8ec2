from decimal import Decimal

import pytest

from common.errors import ServiceError
from organisations.models import AuditEvent
from organisations.system import system_actor
from standards.models import Measure, MetricReturn, MetricValue, ReturnState, ValueSource
from standards.periods import period_for_label
from standards.services.feeds import metric_values_feed
from standards.services.returns import return_accept, return_correct, return_query, return_save_values, return_submit

from .factories import standard_with_target


@pytest.fixture
def standards(cast):
    on_time = standard_with_target(cast.org_a, code="ONTIME")
    score = standard_with_target(
        cast.org_a, code="SAT", measure=Measure.SATISFACTION, threshold=None, threshold_unit="", target="4"
    )
    return on_time, score, period_for_label("2026-Q1")


def feed(cast, period, source=ValueSource.FEEDBACK, **values):
    return metric_values_feed(
        actor=system_actor(), organisation=cast.org_a, period=period, values=values, source=source
    )


def test_feed_creates_the_return_and_records_the_source(cast, standards):
    on_time, score, period = standards
    metric_return = feed(cast, period, ONTIME={"numerator": 45, "denominator": "50", "note": "50 closed cases"})
    assert metric_return.state == ReturnState.DRAFT and metric_return.version == 1
    value = MetricValue.objects.get(standard=on_time)
    assert (value.value, value.source, value.note) == (Decimal("90"), ValueSource.FEEDBACK, "50 closed cases")
    feed(cast, period, source=ValueSource.SURVEY, SAT={"value": "4.4"})
    assert MetricReturn.objects.count() == 1
    assert MetricValue.objects.get(standard=score).source == ValueSource.SURVEY
    events = AuditEvent.objects.filter(verb="metric_return.feed")
    assert events.count() == 2 and events.first().actor == system_actor()


def test_feed_writes_into_a_queried_return(cast, standards):
    on_time, score, period = standards
    metric_return = feed(cast, period, ONTIME={"numerator": 45, "denominator": 50}, SAT={"value": 4})
    return_submit(actor=cast.rep_a, metric_return=metric_return)
    with pytest.raises(ServiceError, match="submitted"):
        feed(cast, period, ONTIME={"numerator": 1, "denominator": 50})
    return_query(actor=cast.lead, metric_return=metric_return, question="Check the cases")
    feed(cast, period, ONTIME={"numerator": 40, "denominator": 50})
    assert MetricValue.objects.get(standard=on_time).value == Decimal("80")


def test_feed_refuses_accepted_return_but_fills_a_correction(cast, standards):
    on_time, score, period = standards
    metric_return = feed(cast, period, ONTIME={"numerator": 45, "denominator": 50}, SAT={"value": 4})
    return_submit(actor=cast.rep_a, metric_return=metric_return)
    return_accept(actor=cast.lead, metric_return=metric_return)
    with pytest.raises(ServiceError, match="accepted and is locked"):
        feed(cast, period, ONTIME={"numerator": 1, "denominator": 50})
    correction = return_correct(actor=cast.rep_a, metric_return=metric_return, reason="Late cases")
    assert feed(cast, period, ONTIME={"numerator": 44, "denominator": 50}) == correction
    assert MetricValue.objects.get(metric_return=metric_return, standard=on_time).value == Decimal("90")
    assert MetricValue.objects.get(metric_return=correction, standard=on_time).value == Decimal("88")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"NOPE": {"value": 1}}, "no standard with the code NOPE"),
        ({"ONTIME": {"numerator": 60, "denominator": 50}}, "more than the total"),
        ({"ONTIME": {"numerator": "abc", "denominator": 50}}, "is not a number"),
        ({"SAT": {"value": float("nan")}}, "is not a number"),
        ({}, "no values"),
    ],
)
def test_bad_feeds_change_nothing(cast, standards, values, message):
    on_time, score, period = standards
    with pytest.raises(ServiceError, match=message):
        feed(cast, period, **values)
    assert not MetricReturn.objects.exists()
    assert not MetricValue.objects.exists()


def test_feed_must_name_its_source(cast, standards):
    on_time, score, period = standards
    with pytest.raises(ServiceError, match="where its values come from"):
        feed(cast, period, source=ValueSource.MANUAL, SAT={"value": 4})


def test_manual_values_are_kept_when_a_feed_fills_others(cast, standards):
    on_time, score, period = standards
    metric_return = feed(cast, period, ONTIME={"numerator": 45, "denominator": 50})
    return_save_values(actor=cast.rep_a, metric_return=metric_return, values={score: {"value": Decimal("3.9")}})
    feed(cast, period, ONTIME={"numerator": 46, "denominator": 50})
    assert MetricValue.objects.get(standard=score).source == ValueSource.MANUAL
