from ..matrix import MEMBERS_OF_A, form, post_only, read_only
from .factories import MetricReturnFactory, standard_with_target
from .matrix_definitions import MANAGE_A, VIEW_A


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _return_a(state):
    def build(cast):
        standard_with_target(cast.org_a)
        return {"organisation_pk": cast.org_a.pk, "pk": MetricReturnFactory(organisation=cast.org_a, state=state).pk}

    return build


# Review actions redirect back to the return once done: A's evaluator, lead evaluators, administrators.
# Nobody reviews their own organisation's return (members of A: 403).
REVIEW_A = {**MANAGE_A, **dict.fromkeys(MEMBERS_OF_A, 403), "evaluator_a": 302, "lead": 302, "admin": 302}

CASES = {
    "workspace:standards:return_list": read_only(VIEW_A, kwargs=_org_a),
    "workspace:standards:return_create": form(MANAGE_A, kwargs=_org_a),
    "workspace:standards:return_detail": read_only(VIEW_A, kwargs=_return_a("submitted")),
    "workspace:standards:return_edit": form(MANAGE_A, kwargs=_return_a("draft")),
    "workspace:standards:return_query": post_only(
        REVIEW_A, kwargs=_return_a("submitted"), data=lambda cast: {"question": "Why?"}
    ),
    "workspace:standards:return_accept": post_only(REVIEW_A, kwargs=_return_a("submitted")),
    "workspace:standards:return_correct": form(MANAGE_A, kwargs=_return_a("accepted")),
}
