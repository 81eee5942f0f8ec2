"""The status rule (met → green, within tolerance → amber, else red) and the on-time rate."""

from decimal import Decimal

import numpy as np
import pytest

from standards.analytics.status import Status, evaluate, evaluate_arrays, on_time_rate, rule_text, tolerance_for
from standards.models import Measure

G, A, R, N = Status.GREEN, Status.AMBER, Status.RED, Status.NO_DATA

# measure, higher is better, target, own tolerance, value, expected
RULE_TABLE = [
    # percentages: default 2 percentage points
    (Measure.PERCENT_WITHIN, True, "80", None, "80", G),
    (Measure.PERCENT_WITHIN, True, "80", None, "92.5", G),
    (Measure.PERCENT_WITHIN, True, "80", None, "79.99", A),
    (Measure.PERCENT_WITHIN, True, "80", None, "78", A),
    (Measure.PERCENT_WITHIN, True, "80", None, "77.99", R),
    (Measure.PERCENT_WITHIN, False, "5", None, "6.5", A),  # e.g. share of calls abandoned: lower is better
    (Measure.PERCENT_WITHIN, False, "5", None, "7.5", R),
    # durations: lower is better, default 10% of the target
    (Measure.MEAN_DURATION, False, "10", None, "9", G),
    (Measure.MEAN_DURATION, False, "10", None, "10", G),
    (Measure.MEAN_DURATION, False, "10", None, "11", A),
    (Measure.MEAN_DURATION, False, "10", None, "11.01", R),
    (Measure.MEDIAN_DURATION, False, "20", None, "21.5", A),
    (Measure.MEDIAN_DURATION, False, "20", None, "23", R),
    # counts: 10% of the target, either direction
    (Measure.COUNT, True, "1000", None, "900", A),
    (Measure.COUNT, True, "1000", None, "899", R),
    (Measure.COUNT, False, "50", None, "55", A),
    (Measure.COUNT, False, "50", None, "56", R),
    # satisfaction scores: 5% of the target
    (Measure.SATISFACTION, True, "4", None, "4.2", G),
    (Measure.SATISFACTION, True, "4", None, "3.8", A),
    (Measure.SATISFACTION, True, "4", None, "3.79", R),
    # the standard's own tolerance overrides the default
    (Measure.PERCENT_WITHIN, True, "80", "5", "75", A),
    (Measure.PERCENT_WITHIN, True, "80", "5", "74.9", R),
    (Measure.PERCENT_WITHIN, True, "80", "0", "79.9", R),
    (Measure.MEAN_DURATION, False, "10", "3", "13", A),
    (Measure.MEAN_DURATION, False, "10", "0.5", "10.6", R),
    # missing target or value: no data
    (Measure.PERCENT_WITHIN, True, None, None, "80", N),
    (Measure.PERCENT_WITHIN, True, "80", None, None, N),
    (Measure.MEAN_DURATION, False, None, None, None, N),
]


def _decimal(text):
    return None if text is None else Decimal(text)


@pytest.mark.parametrize(("measure", "higher", "target", "tolerance", "value", "expected"), RULE_TABLE)
def test_status_rule(measure, higher, target, tolerance, value, expected):
    status = evaluate(
        _decimal(value), _decimal(target), measure=measure, higher_is_better=higher, tolerance=_decimal(tolerance)
    )
    assert status == expected


def test_vectorised_rule_agrees_with_the_table():
    def nan(text):
        return np.nan if text is None else float(text)

    statuses = evaluate_arrays(
        [nan(row[4]) for row in RULE_TABLE],
        [nan(row[2]) for row in RULE_TABLE],
        [row[0] for row in RULE_TABLE],
        [row[1] for row in RULE_TABLE],
        [nan(row[3]) for row in RULE_TABLE],
    )
    assert list(statuses) == [row[5].value for row in RULE_TABLE]


def test_default_tolerances():
    assert tolerance_for(Measure.PERCENT_WITHIN, Decimal("80")) == Decimal("2")
    assert tolerance_for(Measure.MEAN_DURATION, Decimal("10")) == Decimal("1.00")
    assert tolerance_for(Measure.SATISFACTION, Decimal("4")) == Decimal("0.20")
    assert tolerance_for(Measure.COUNT, Decimal("10"), Decimal("3")) == Decimal("3")


def test_rule_text_states_the_bands():
    assert rule_text(Measure.PERCENT_WITHIN, Decimal("80")) == (
        "Met at 80% or more; nearly met down to 78%; missed below 78%."
    )
    assert rule_text(Measure.MEAN_DURATION, Decimal("10"), higher_is_better=False, unit="working days") == (
        "Met at 10 working days or less; nearly met up to 11 working days; missed above 11 working days."
    )
    assert rule_text(Measure.PERCENT_WITHIN, None) == "No target in force."


@pytest.mark.parametrize(
    ("on_time", "closed", "open_overdue", "expected"),
    [
        (8, 10, 0, Decimal("0.8")),
        (8, 10, 6, Decimal("0.5")),  # open overdue cases count as late
        (0, 0, 4, Decimal("0")),
        (10, 10, 0, Decimal("1")),
        (0, 0, 0, None),
    ],
)
def test_on_time_rate(on_time, closed, open_overdue, expected):
    assert on_time_rate(on_time=on_time, closed=closed, open_overdue=open_overdue) == expected


@pytest.mark.parametrize(("on_time", "closed", "open_overdue"), [(11, 10, 0), (-1, 10, 0), (1, 10, -2)])
def test_on_time_rate_refuses_impossible_counts(on_time, closed, open_overdue):
    with pytest.raises(ValueError):
        on_time_rate(on_time=on_time, closed=closed, open_overdue=open_overdue)


def test_rule_text_prints_float_targets_as_written():
    from standards.analytics.status import rule_text
    from standards.models import Measure

    text = rule_text(Measure.SATISFACTION, 4.2)
    assert "4.2 or more" in text and "3.99" in text and "000000" not in text
