from decimal import Decimal

from ..matrix import org_a_view, read_only, signed_in
from .factories import ServiceStandardFactory, StandardTargetFactory, current_value, quarter_period

YEAR = 2025


def _with_results(cast):
    standard = ServiceStandardFactory(organisation=cast.org_a)
    StandardTargetFactory(standard=standard, target=Decimal("80"))
    current_value(standard, quarter_period(YEAR, 1), numerator=79, denominator=100)
    return standard


def _results(cast):
    _with_results(cast)
    return {"organisation_pk": cast.org_a.pk}


def _report(cast):
    _with_results(cast)
    return {"organisation_pk": cast.org_a.pk, "year": YEAR}


# Members of A, its evaluator, lead evaluators and administrators read A's results; outsiders get 404.
# The unassigned evaluator holds no organisation at all: the Standards area is closed (403).
READERS_OF_A = org_a_view(lead=200, evaluator=403)

CASES = {
    "workspace:standards:results": read_only(READERS_OF_A, kwargs=_results),
    "workspace:standards:annual_report": read_only(READERS_OF_A, kwargs=_report),
    "workspace:standards:annual_report_pdf": read_only(READERS_OF_A, kwargs=_report),
    "workspace:standards:annual_report_xlsx": read_only(READERS_OF_A, kwargs=_report),
    # Only people with review rights somewhere (assigned evaluators, lead evaluators, administrators).
    "workspace:standards:benchmark": read_only(signed_in(403, evaluator_a=200, evaluator_b=200, lead=200, admin=200)),
}
