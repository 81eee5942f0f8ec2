"""Period arithmetic: monthly, quarterly and yearly reporting periods and their labels.

Labels are unique across frequencies: "2026-03" (a month), "2026-Q1" (a quarter), "2026" (a year).
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from common.errors import ServiceError

from .models import Frequency, ReportingPeriod

MONTHS_PER_PERIOD = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}
LABEL_PATTERNS = [
    (Frequency.MONTHLY, re.compile(r"^(\d{4})-(\d{2})$")),
    (Frequency.QUARTERLY, re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)),
    (Frequency.YEARLY, re.compile(r"^(\d{4})$")),
]


@dataclass(frozen=True)
class Bounds:
    """A period not (yet) stored: its frequency, first and last day, and label."""

    frequency: str
    start: datetime.date
    end: datetime.date
    label: str


def period_bounds(frequency, day):
    """The period of this frequency that contains the day."""
    frequency = Frequency(frequency)
    size = MONTHS_PER_PERIOD[frequency]
    first_month = (day.month - 1) // size * size + 1
    return _bounds(frequency, day.year, first_month)


def _bounds(frequency, year, first_month):
    size = MONTHS_PER_PERIOD[frequency]
    last_month = first_month + size - 1
    start = datetime.date(year, first_month, 1)
    end = datetime.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Bounds(frequency.value, start, end, period_label(frequency, start))


def period_label(frequency, start):
    frequency = Frequency(frequency)
    if frequency == Frequency.MONTHLY:
        return f"{start.year}-{start.month:02d}"
    if frequency == Frequency.QUARTERLY:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def shift(bounds, steps):
    """The period `steps` periods after (negative: before) the given one, of the same frequency."""
    frequency = Frequency(bounds.frequency)
    months = bounds.start.year * 12 + bounds.start.month - 1 + steps * MONTHS_PER_PERIOD[frequency]
    return _bounds(frequency, months // 12, months % 12 + 1)


def recent_periods(frequency, day, count):
    """The `count` periods up to and including the one containing the day, newest first."""
    current = period_bounds(frequency, day)
    return [shift(current, -step) for step in range(count)]


def parse_period_label(label):
    """The bounds of the period a label names ("2026-03", "2026-Q1", "2026"); ServiceError if it names none."""
    text = (label or "").strip()
    for frequency, pattern in LABEL_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        year = int(match.group(1))
        if frequency == Frequency.YEARLY:
            return _bounds(frequency, year, 1)
        number = int(match.group(2))
        if frequency == Frequency.QUARTERLY:
            return _bounds(frequency, year, (number - 1) * 3 + 1)
        if 1 <= number <= 12:
            return _bounds(frequency, year, number)
    raise ServiceError(
        _("“%(label)s” is not a reporting period. Use 2026-03 for a month, 2026-Q1 for a quarter or 2026 for a year.")
        % {"label": text},
        field="period",
    )


def period_store(bounds):
    """The stored ReportingPeriod for these bounds, created on first use."""
    period, _created = ReportingPeriod.objects.get_or_create(
        frequency=bounds.frequency, start=bounds.start, defaults={"end": bounds.end, "label": bounds.label}
    )
    return period


def period_for_date(frequency, day):
    """The stored period of this frequency containing the day, created on first use."""
    return period_store(period_bounds(frequency, day))


def period_for_label(label):
    """The stored period a label names, created on first use; ServiceError for a label that names none."""
    return period_store(parse_period_label(label))
