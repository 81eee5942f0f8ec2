from ..matrix import Case, org_a_view, signed_in
from .factories import standard_with_target


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _standard_a(cast):
    return {"organisation_pk": cast.org_a.pk, "pk": standard_with_target(cast.org_a).pk}


# An unassigned evaluator holds nothing on any organisation: the Standards area is closed to them (403).
# Lead evaluators view every organisation's standards; only representatives and administrators change them.
VIEW_A = org_a_view(evaluator=403, lead=200)
MANAGE_A = signed_in(404, rep_a=200, head_a=403, staff_a=403, evaluator=403, lead=403, admin=200)

CASES = {
    "workspace:standards:index": Case(expect=signed_in(200, evaluator=403)),
    "workspace:standards:standard_list": Case(kwargs=_org_a, expect=VIEW_A),
    "workspace:standards:standard_create": Case(kwargs=_org_a, expect=MANAGE_A),
    "workspace:standards:standard_detail": Case(kwargs=_standard_a, expect=VIEW_A),
    "workspace:standards:standard_edit": Case(kwargs=_standard_a, expect=MANAGE_A),
    "workspace:standards:standard_target": Case(kwargs=_standard_a, expect=MANAGE_A),
}
