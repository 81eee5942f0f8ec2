"""Working days: public holidays from the `holidays` package (Ireland unless FEEDBACK_HOLIDAY_COUNTRY says
otherwise), the organisation's own closure days, weekends (Saturday and Sunday), counted with numpy's
business-day functions. No holiday is written down here.

A deadline of N working days counts from the day a case is received: received on a working day, the
deadline is the N-th working day after it; received on a weekend, holiday or closure day, counting
starts from the next working day. A case is overdue from the day after its deadline.
"""

import datetime

import holidays
import numpy
from django.conf import settings

DEFAULT_ACKNOWLEDGE_DAYS = 3
DEFAULT_RESOLVE_DAYS = 20
WEEKMASK = "1111100"


def holiday_country():
    return getattr(settings, "FEEDBACK_HOLIDAY_COUNTRY", "IE")


def public_holidays(years, country=None):
    """The public holidays of the country in these years, as dates."""
    return sorted(holidays.country_holidays(country or holiday_country(), years=sorted(set(years))).keys())


def closed_days(organisation, years):
    """Public holidays plus the organisation's closure days in these years."""
    from .models import ClosureDay

    days = set(public_holidays(years))
    if organisation is not None:
        days.update(
            ClosureDay.objects.filter(organisation=organisation, day__year__in=sorted(set(years))).values_list(
                "day", flat=True
            )
        )
    return sorted(days)


def _calendar(organisation, start, span_days):
    """A numpy business-day calendar covering ``start`` and ``span_days`` calendar days either side."""
    years = range(start.year - 1, start.year + 2 + span_days // 365)
    return numpy.busdaycalendar(
        weekmask=WEEKMASK, holidays=[numpy.datetime64(day) for day in closed_days(organisation, years)]
    )


def add_working_days(organisation, start, days):
    """The date ``days`` working days after ``start`` (counting from the next working day if it is not one)."""
    calendar = _calendar(organisation, start, days * 2 + 30)
    result = numpy.busday_offset(numpy.datetime64(start), days, roll="forward", busdaycal=calendar)
    return result.astype(datetime.date)


def working_days_between(organisation, start, end):
    """Working days from ``start`` (included) to ``end`` (excluded); negative when ``end`` is earlier."""
    calendar = _calendar(organisation, min(start, end), abs((end - start).days) + 30)
    return int(numpy.busday_count(numpy.datetime64(start), numpy.datetime64(end), busdaycal=calendar))


def is_working_day(organisation, day):
    return bool(numpy.is_busday(numpy.datetime64(day), busdaycal=_calendar(organisation, day, 0)))


def deadline_days(organisation, category):
    """(acknowledge, resolve) working days for the category: the organisation's row, or 3 and 20."""
    from .models import CaseDeadline

    row = CaseDeadline.objects.filter(organisation=organisation, category=category).first()
    if row is None:
        return DEFAULT_ACKNOWLEDGE_DAYS, DEFAULT_RESOLVE_DAYS
    return row.acknowledge_days, row.resolve_days


def deadlines_for(organisation, category, received_on):
    """(acknowledge_by, resolve_by) for a case of the category received on ``received_on``."""
    acknowledge, resolve = deadline_days(organisation, category)
    return add_working_days(organisation, received_on, acknowledge), add_working_days(
        organisation, received_on, resolve
    )
