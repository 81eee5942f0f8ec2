from ..matrix import Case, org_a_view, signed_in
from .factories import MetricReturnFactory, standard_with_target


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _return_a(state):
    def build(cast):
        standard_with_target(cast.org_a)
        return {"organisation_pk": cast.org_a.pk, "pk": MetricReturnFactory(organisation=cast.org_a, state=state).pk}

    return build


VIEW_A = org_a_view(evaluator=403, lead=200)
MANAGE_A = signed_in(404, rep_a=200, head_a=403, staff_a=403, evaluator=403, lead=403, admin=200)
# Review actions redirect back to the return once done.
REVIEW_A = signed_in(404, rep_a=403, head_a=403, staff_a=403, evaluator=403, lead=302, admin=302)

CASES = {
    "workspace:standards:return_list": Case(kwargs=_org_a, expect=VIEW_A),
    "workspace:standards:return_create": Case(kwargs=_org_a, expect=MANAGE_A),
    "workspace:standards:return_detail": Case(kwargs=_return_a("submitted"), expect=VIEW_A),
    "workspace:standards:return_edit": Case(kwargs=_return_a("draft"), expect=MANAGE_A),
    "workspace:standards:return_query": Case(
        kwargs=_return_a("submitted"), method="post", data=lambda cast: {"question": "Why?"}, expect=REVIEW_A
    ),
    "workspace:standards:return_accept": Case(kwargs=_return_a("submitted"), method="post", expect=REVIEW_A),
    "workspace:standards:return_correct": Case(kwargs=_return_a("accepted"), expect=MANAGE_A),
}
