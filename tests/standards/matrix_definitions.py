from ..matrix import MEMBERS_OF_A, form, org_a_view, read_only, signed_in
from .factories import standard_with_target


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _library_export_a(cast):
    return {"organisation_pk": cast.org_a.pk, "kind": "xlsx"}


def _standard_a(cast):
    return {"organisation_pk": cast.org_a.pk, "pk": standard_with_target(cast.org_a).pk}


# An unassigned evaluator holds nothing on any organisation: the Standards area is closed to them (403).
# Lead evaluators and A's evaluator view A's standards; only representatives and administrators change them.
VIEW_A = org_a_view(evaluator=403, lead=200)
MANAGE_A = signed_in(
    404,
    **{
        **dict.fromkeys(MEMBERS_OF_A, 403),
        "rep_a": 200,
        "admin": 200,
        "evaluator": 403,
        "evaluator_a": 403,
        "lead": 403,
    },
)

CASES = {
    "workspace:standards:index": read_only(signed_in(200, evaluator=403)),
    "workspace:standards:standard_list": read_only(VIEW_A, kwargs=_org_a),
    "workspace:standards:standard_create": form(MANAGE_A, kwargs=_org_a),
    "workspace:standards:standard_detail": read_only(VIEW_A, kwargs=_standard_a),
    "workspace:standards:standard_edit": form(MANAGE_A, kwargs=_standard_a),
    "workspace:standards:standard_target": form(MANAGE_A, kwargs=_standard_a),
    "workspace:standards:library_export": read_only(VIEW_A, kwargs=_library_export_a),
    "workspace:standards:library_import": form(MANAGE_A, kwargs=_org_a),
}
