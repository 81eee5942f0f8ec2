from organisations.models import EvaluatorAssignment
from organisations.roles import CentralRole

from ..factories import central
from ..matrix import Case, org_a_view, signed_in


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _membership_a(cast):
    return {"organisation_pk": cast.org_a.pk, "pk": cast.staff_a.memberships.get().pk}


def _assignment_a(cast):
    other_evaluator = central(CentralRole.EVALUATOR)
    assignment = EvaluatorAssignment.objects.create(evaluator=other_evaluator, organisation=cast.org_a)
    return {"organisation_pk": cast.org_a.pk, "pk": assignment.pk}


# An unassigned evaluator holds nothing on any organisation: the Organisations area is closed (403).
# Lead evaluators may view, review and assign on every organisation, but not manage it.
NO_EVALUATORS = {"evaluator": 403, "lead": 403}
# Member management belongs to administrators: members of A get 403, others 404.
ADMIN_ONLY_ON_A = signed_in(404, rep_a=403, head_a=403, staff_a=403, admin=200, **NO_EVALUATORS)
ASSIGNERS_ON_A = {"rep_a": 403, "head_a": 403, "staff_a": 403, "evaluator": 403}

CASES = {
    "workspace:index": Case(expect={**signed_in(302), "anonymous": 302}),
    "workspace:my_work:index": Case(expect=signed_in(200)),
    "workspace:organisations:index": Case(expect=signed_in(200, evaluator=403)),
    "workspace:organisations:create": Case(expect=signed_in(403, admin=200)),
    "workspace:organisations:detail": Case(kwargs=_org_a, expect=org_a_view(evaluator=403, lead=200)),
    "workspace:organisations:edit": Case(kwargs=_org_a, expect=ADMIN_ONLY_ON_A),
    "workspace:organisations:member_add": Case(kwargs=_org_a, expect=ADMIN_ONLY_ON_A),
    "workspace:organisations:member_role": Case(kwargs=_membership_a, expect=ADMIN_ONLY_ON_A),
    "workspace:organisations:member_remove": Case(kwargs=_membership_a, expect=ADMIN_ONLY_ON_A),
    "workspace:organisations:audit": Case(
        kwargs=_org_a, expect=signed_in(404, rep_a=403, head_a=200, staff_a=403, admin=200, **NO_EVALUATORS)
    ),
    "workspace:organisations:evaluator_assign": Case(
        kwargs=_org_a, expect=signed_in(404, lead=200, admin=200, **ASSIGNERS_ON_A)
    ),
    "workspace:organisations:evaluator_unassign": Case(
        kwargs=_assignment_a, method="post", expect=signed_in(404, lead=302, admin=302, **ASSIGNERS_ON_A)
    ),
}
