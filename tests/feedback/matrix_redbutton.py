from ..matrix import MEMBERS_OF_A, form, post_only, read_only, signed_in
from .factories import ServicePointFactory


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _point_a(cast):
    return {"organisation_pk": cast.org_a.pk, "pk": ServicePointFactory(organisation=cast.org_a).pk}


# Service points are managed by the representative and the head (and administrators); other members,
# evaluators and lead evaluators are refused (403); other organisations' people get 404.
MANAGE_POINTS = signed_in(
    404,
    **{
        **dict.fromkeys(MEMBERS_OF_A, 403),
        "rep_a": 200,
        "head_a": 200,
        "admin": 200,
        "evaluator": 403,
        "evaluator_a": 403,
        "lead": 403,
    },
)
DEACTIVATE = {**MANAGE_POINTS, "rep_a": 302, "head_a": 302, "admin": 302}

CASES = {
    "workspace:feedback:point_list": read_only(MANAGE_POINTS, kwargs=_org_a),
    "workspace:feedback:point_create": form(MANAGE_POINTS, kwargs=_org_a),
    "workspace:feedback:point_detail": read_only(MANAGE_POINTS, kwargs=_point_a),
    "workspace:feedback:point_edit": form(MANAGE_POINTS, kwargs=_point_a),
    "workspace:feedback:point_deactivate": post_only(DEACTIVATE, kwargs=_point_a),
    "workspace:feedback:point_poster": read_only(MANAGE_POINTS, kwargs=_point_a),
}
