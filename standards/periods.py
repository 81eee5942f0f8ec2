"""Period arithmetic: monthly, quarterly and yearly reporting periods, financial years, and their labels.

The dates are the truth. A stored ReportingPeriod is shared by every organisation and keeps an
organisation-free label: "2026-03" (a month), "2026-Q1" (a calendar quarter), "2026" (a calendar
year), and "2019-04..2020-03" for a quarter or year that does not start on the calendar grid (a
financial year starting in April, say). What people see is `display_label`: the label in their
organisation's convention (`Convention`: the month its financial year starts and the label style
it uses), e.g. "2019-20", "2019/20" or "FY2020" for the year from April 2019 to March 2020, and
"2019-20 Q1" for its first quarter. All three name the financial year that STARTS in 2019.

Monthly periods are always calendar months. A yearly or quarterly standard follows the calendar year
or its organisation's financial year (`ServiceStandard.year_basis`); its quarters start at its year start.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from common.errors import ServiceError

from .models import Frequency, ReportingPeriod

MONTHS_PER_PERIOD = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}
FIRST_YEAR, LAST_YEAR = 1900, 2999
LABEL_STYLES = ("dash", "slash", "fy")

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_SLASH = re.compile(r"^(\d{1,2})/(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*Q([1-9])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
_FINANCIAL = re.compile(r"^(\d{4})\s*[-/]\s*(\d{2}|\d{4})(?:\s*-?\s*Q([1-9]))?$", re.IGNORECASE)
_FINANCIAL_FY = re.compile(r"^FY\s*(\d{4})(?:\s*-?\s*Q([1-9]))?$", re.IGNORECASE)


@dataclass(frozen=True)
class Convention:
    """How an organisation names its years: the month its financial year starts (1 = January) and the style."""

    start_month: int = 1
    style: str = "dash"

    @classmethod
    def of(cls, organisation):
        if organisation is None:
            return CALENDAR
        return cls(
            int(getattr(organisation, "financial_year_start_month", 1) or 1),
            getattr(organisation, "financial_year_label_style", "dash") or "dash",
        )

    @property
    def is_calendar(self):
        return self.start_month == 1


CALENDAR = Convention()


@dataclass(frozen=True)
class Bounds:
    """A period not (yet) stored: its frequency, first and last day, and stored label."""

    frequency: str
    start: datetime.date
    end: datetime.date
    label: str


def _months(day):
    return day.year * 12 + day.month - 1


def _bounds(frequency, year, first_month):
    frequency = Frequency(frequency)
    size = MONTHS_PER_PERIOD[frequency]
    start = datetime.date(year, first_month, 1)
    last = _months(start) + size - 1
    end_year, end_month = last // 12, last % 12 + 1
    end = datetime.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return Bounds(frequency.value, start, end, stored_label(frequency, start, end))


def stored_label(frequency, start, end):
    """The organisation-free label kept on ReportingPeriod (see the module docstring)."""
    frequency = Frequency(frequency)
    if frequency == Frequency.MONTHLY:
        return f"{start.year}-{start.month:02d}"
    if frequency == Frequency.QUARTERLY and start.month in (1, 4, 7, 10):
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if frequency == Frequency.YEARLY and start.month == 1:
        return str(start.year)
    return f"{start.year}-{start.month:02d}..{end.year}-{end.month:02d}"


def period_label(frequency, start):
    """The stored label of the period of this frequency starting on `start`."""
    return _bounds(frequency, start.year, start.month).label


def financial_year_name(start_year, convention):
    """ "2019-20", "2019/20" or "FY2020" for the financial year starting in 2019, in the convention's style."""
    if convention.style == "fy":
        return f"FY{start_year + 1}"
    separator = "/" if convention.style == "slash" else "-"
    return f"{start_year}{separator}{(start_year + 1) % 100:02d}"


def year_name(year, convention):
    """The name of the organisation's year starting in `year`: "2019" for a calendar year, else "2019-20"."""
    return str(year) if convention.is_calendar else financial_year_name(year, convention)


def display_label(frequency, start, convention=CALENDAR):
    """The label people see for the period starting on `start`, in their organisation's convention."""
    frequency = Frequency(frequency)
    size = MONTHS_PER_PERIOD[frequency]
    bounds = _bounds(frequency, start.year, start.month)
    if frequency == Frequency.MONTHLY or convention.is_calendar:
        return bounds.label
    offset = (start.month - convention.start_month) % 12
    if offset % size:
        return bounds.label
    name = financial_year_name(start.year - (1 if start.month < convention.start_month else 0), convention)
    if frequency == Frequency.YEARLY:
        return name
    return f"{name} Q{offset // 3 + 1}"


def label_for(period, organisation):
    """The label of a stored period (or Bounds) as `organisation` names it."""
    return display_label(period.frequency, period.start, Convention.of(organisation))


def period_bounds(frequency, day, start_month=1):
    """The period of this frequency that contains the day; quarters and years start in `start_month`."""
    frequency = Frequency(frequency)
    size = MONTHS_PER_PERIOD[frequency]
    first = _months(day) - (day.month - start_month) % size
    return _bounds(frequency, first // 12, first % 12 + 1)


def shift(bounds, steps):
    """The period `steps` periods after (negative: before) the given one, of the same frequency."""
    frequency = Frequency(bounds.frequency)
    months = _months(bounds.start) + steps * MONTHS_PER_PERIOD[frequency]
    return _bounds(frequency, months // 12, months % 12 + 1)


def recent_periods(frequency, day, count, start_month=1):
    """The `count` periods up to and including the one containing the day, newest first."""
    current = period_bounds(frequency, day, start_month)
    return [shift(current, -step) for step in range(count)]


def year_window(year, convention=CALENDAR):
    """The organisation's year that starts in `year` (calendar or financial), as yearly Bounds."""
    return _bounds(Frequency.YEARLY, year, convention.start_month)


def year_ending_in(year, convention=CALENDAR):
    """The organisation's year whose last day falls in the calendar year `year`."""
    return year_window(year if convention.is_calendar else year - 1, convention)


def accepted_forms(convention=CALENDAR):
    """The label forms an organisation may type, for error messages and help texts."""
    if convention.is_calendar:
        return _("2026-03 for a month, 2026-Q1 for a quarter or 2026 for a year")
    month = str(MONTHS[convention.start_month])
    return _(
        "2026-03 or 03/2026 for a month, 2026-Q1 for a calendar quarter, 2026 for a calendar year, "
        "%(year)s for the financial year from %(month)s 2026 (2026-27, 2026/27 and FY2027 all name it) "
        "and %(quarter)s for its first quarter"
    ) % {
        "year": financial_year_name(2026, convention),
        "month": month,
        "quarter": f"{financial_year_name(2026, convention)} Q1",
    }


def _refuse(text, convention):
    message = _("“%(label)s” is not a reporting period. Use %(forms)s.")
    return ServiceError(message % {"label": text, "forms": accepted_forms(convention)}, field="period")


def _financial(start_year, quarter, convention):
    if quarter is None:
        return _bounds(Frequency.YEARLY, start_year, convention.start_month)
    if not 1 <= quarter <= 4:
        return None
    months = start_year * 12 + convention.start_month - 1 + (quarter - 1) * 3
    return _bounds(Frequency.QUARTERLY, months // 12, months % 12 + 1)


def _parse(text, convention):
    if not convention.is_calendar:
        match = _FINANCIAL.match(text)
        if match:
            start_year, second = int(match.group(1)), match.group(2)
            following = start_year + 1 if len(second) == 4 else (start_year + 1) % 100
            if int(second) == following:
                return _financial(start_year, match.group(3) and int(match.group(3)), convention)
        match = _FINANCIAL_FY.match(text)
        if match:
            return _financial(int(match.group(1)) - 1, match.group(2) and int(match.group(2)), convention)
    for pattern, year_group, month_group in ((_MONTH, 1, 2), (_MONTH_SLASH, 2, 1)):
        match = pattern.match(text)
        if match:
            month = int(match.group(month_group))
            return _bounds(Frequency.MONTHLY, int(match.group(year_group)), month) if 1 <= month <= 12 else None
    match = _QUARTER.match(text)
    if match:
        quarter = int(match.group(2))
        return _bounds(Frequency.QUARTERLY, int(match.group(1)), (quarter - 1) * 3 + 1) if quarter <= 4 else None
    match = _YEAR.match(text)
    if match:
        return _bounds(Frequency.YEARLY, int(match.group(1)), 1)
    return None


def parse_period_label(label, convention=CALENDAR):
    """The bounds of the period a label names, read in the organisation's convention; ServiceError if none.

    Always: "2026-03" or "03/2026" (a month), "2026-Q1" (a calendar quarter), "2026" (a calendar year).
    When the financial year starts in another month than January, also "2019-20", "2019/20", "2019-2020"
    and "FY2020" (the financial year starting in 2019) and "2019-20 Q1" (its first quarter). There,
    "2011-12" names the financial year 2011-12; write the month December 2011 as "12/2011".
    """
    text = " ".join(str(label or "").split())
    bounds = _parse(text, convention)
    if bounds is None or not FIRST_YEAR <= bounds.start.year <= LAST_YEAR:
        raise _refuse(text, convention)
    return bounds


def period_store(bounds):
    """The stored ReportingPeriod for these bounds, created on first use."""
    period, _created = ReportingPeriod.objects.get_or_create(
        frequency=bounds.frequency, start=bounds.start, defaults={"end": bounds.end, "label": bounds.label}
    )
    return period


def period_for_date(frequency, day, start_month=1):
    """The stored period of this frequency containing the day, created on first use."""
    return period_store(period_bounds(frequency, day, start_month))


def period_for_label(label, organisation=None):
    """The stored period a label names in the organisation's convention, created on first use; ServiceError if none."""
    return period_store(parse_period_label(label, Convention.of(organisation)))
