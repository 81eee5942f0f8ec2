"""Stand-in for ``feedback.working_days.deadlines_for`` until that module (part "cases") is merged.

Same rules: Irish public holidays (the ``holidays`` package) and the organisation's closure days,
counted with numpy's business-day functions; CaseDeadline rows or 3 and 20 working days.
"""

import holidays as public_holidays
import numpy

from ..models import CaseDeadline, ClosureDay

DEFAULT_ACKNOWLEDGE_DAYS = 3
DEFAULT_RESOLVE_DAYS = 20


def deadlines_for(organisation, category, received_on):
    row = CaseDeadline.objects.filter(organisation=organisation, category=category).first()
    acknowledge = row.acknowledge_days if row else DEFAULT_ACKNOWLEDGE_DAYS
    resolve = row.resolve_days if row else DEFAULT_RESOLVE_DAYS
    years = range(received_on.year, received_on.year + 2)
    closed = set(public_holidays.country_holidays("IE", years=years))
    closed |= set(ClosureDay.objects.filter(organisation=organisation).values_list("day", flat=True))
    calendar = numpy.busdaycalendar(holidays=sorted(numpy.datetime64(day, "D") for day in closed))
    start = numpy.datetime64(received_on, "D")

    def add(days):
        return numpy.busday_offset(start, days, roll="forward", busdaycal=calendar).astype(object)

    return add(acknowledge), add(resolve)
