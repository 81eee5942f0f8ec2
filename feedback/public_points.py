"""The service point behind a public code (``r/<code>/``): only an active point takes reports.

The empty form is what every scan of a poster loads, so its lookup is cheap: one query for the three
names the page shows, compiled from the ORM once per process and then run straight on the cursor
(compiling it cost ten times more than running it). It still runs on every request, so a point
that is deactivated answers 404 at once. Sending a report loads the full point through the ORM.
"""

import functools
from dataclasses import dataclass

from django.db import connection

from .models import ServicePoint

# Stands for the code while the query is compiled; replaced by the real code on every run.
_CODE_SLOT = "\x00code\x00"


def normalised_code(code):
    """Codes are printed in capitals; people type them in any case, with stray spaces."""
    return (code or "").strip().upper()


def points_taking_reports():
    return ServicePoint.objects.filter(is_active=True)


def reporting_point(code):
    """The active point with this code, with its organisation, or None."""
    try:
        return points_taking_reports().select_related("organisation").get(code=normalised_code(code))
    except ServicePoint.DoesNotExist:
        return None


@dataclass(frozen=True, slots=True)
class PointHeading:
    """What the report page says about where the report is made."""

    name: str
    name_ga: str
    organisation_name: str

    @classmethod
    def of(cls, point):
        return cls(point.name, point.name_ga, point.organisation.name)


@functools.cache
def _heading_statement(vendor):
    headings = points_taking_reports().filter(code=_CODE_SLOT).order_by()
    return headings.values_list("name", "name_ga", "organisation__name").query.sql_with_params()


def reporting_point_heading(code):
    """The names of the active point with this code and of its organisation, or None."""
    sql, params = _heading_statement(connection.vendor)
    params = [normalised_code(code) if param == _CODE_SLOT else param for param in params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return PointHeading(*row) if row else None
