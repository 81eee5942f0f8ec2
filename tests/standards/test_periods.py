import datetime

import pytest

from common.errors import ServiceError
from standards.models import Frequency, ReportingPeriod
from standards.periods import (
    parse_period_label,
    period_bounds,
    period_for_date,
    period_for_label,
    recent_periods,
    shift,
)

D = datetime.date


@pytest.mark.parametrize(
    ("frequency", "day", "start", "end", "label"),
    [
        (Frequency.MONTHLY, D(2026, 3, 15), D(2026, 3, 1), D(2026, 3, 31), "2026-03"),
        (Frequency.MONTHLY, D(2024, 2, 10), D(2024, 2, 1), D(2024, 2, 29), "2024-02"),
        (Frequency.QUARTERLY, D(2026, 3, 31), D(2026, 1, 1), D(2026, 3, 31), "2026-Q1"),
        (Frequency.QUARTERLY, D(2026, 11, 2), D(2026, 10, 1), D(2026, 12, 31), "2026-Q4"),
        (Frequency.YEARLY, D(2026, 7, 1), D(2026, 1, 1), D(2026, 12, 31), "2026"),
    ],
)
def test_period_bounds(frequency, day, start, end, label):
    bounds = period_bounds(frequency, day)
    assert (bounds.start, bounds.end, bounds.label) == (start, end, label)


def test_shift_crosses_years():
    q1 = period_bounds(Frequency.QUARTERLY, D(2026, 2, 1))
    assert shift(q1, -1).label == "2025-Q4"
    assert shift(q1, 4).label == "2027-Q1"
    assert shift(period_bounds(Frequency.MONTHLY, D(2026, 12, 5)), 1).label == "2027-01"


def test_recent_periods_newest_first():
    labels = [bounds.label for bounds in recent_periods(Frequency.QUARTERLY, D(2026, 5, 1), 8)]
    assert labels == ["2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1", "2024-Q4", "2024-Q3"]


@pytest.mark.parametrize(
    ("label", "frequency", "start", "end"),
    [
        ("2026-03", Frequency.MONTHLY, D(2026, 3, 1), D(2026, 3, 31)),
        ("2026-q2", Frequency.QUARTERLY, D(2026, 4, 1), D(2026, 6, 30)),
        (" 2025 ", Frequency.YEARLY, D(2025, 1, 1), D(2025, 12, 31)),
    ],
)
def test_parse_period_label(label, frequency, start, end):
    bounds = parse_period_label(label)
    assert (bounds.frequency, bounds.start, bounds.end) == (frequency, start, end)


@pytest.mark.parametrize("label", ["", "2026-13", "2026-Q5", "Q1 2026", "26-01", None])
def test_bad_labels_are_refused_clearly(label):
    with pytest.raises(ServiceError, match="is not a reporting period"):
        parse_period_label(label)


def test_periods_are_created_once(db):
    first = period_for_date(Frequency.QUARTERLY, D(2026, 2, 1))
    again = period_for_label("2026-Q1")
    assert first == again
    assert (first.start, first.end, first.label) == (D(2026, 1, 1), D(2026, 3, 31), "2026-Q1")
    assert ReportingPeriod.objects.count() == 1
