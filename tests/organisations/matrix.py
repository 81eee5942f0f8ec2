from organisations.models import EvaluatorAssignment
from organisations.roles import CentralRole

from ..factories import central
from ..matrix import MEMBERS_OF_A, Case, everyone, form, org_a_view, post_only, read_only, signed_in


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _org_a_kind(cast):
    return {"organisation_pk": cast.org_a.pk, "kind": "csv"}


def _membership_a(cast):
    return {"organisation_pk": cast.org_a.pk, "pk": cast.staff_a.memberships.get().pk}


def _assignment_a(cast):
    other_evaluator = central(CentralRole.EVALUATOR)
    assignment = EvaluatorAssignment.objects.create(evaluator=other_evaluator, organisation=cast.org_a)
    return {"organisation_pk": cast.org_a.pk, "pk": assignment.pk}


MEMBERS_OF_A_REFUSED = dict.fromkeys(MEMBERS_OF_A, 403)
# An unassigned evaluator holds nothing on any organisation: the Organisations area is closed (403).
# The evaluator assigned to A sees A (and is refused what it may not do); the one assigned to B gets 404 on A.
# Lead evaluators may view, review and assign on every organisation, but not manage it.
EVALUATORS_REFUSED = {"evaluator": 403, "evaluator_a": 403, "lead": 403}
# Member management belongs to administrators: members of A get 403, others 404.
ADMIN_ONLY_ON_A = signed_in(404, admin=200, **MEMBERS_OF_A_REFUSED, **EVALUATORS_REFUSED)
ASSIGNERS_ON_A = signed_in(404, lead=200, admin=200, evaluator=403, evaluator_a=403, **MEMBERS_OF_A_REFUSED)

CASES = {
    "workspace:index": Case(get=everyone(302), post=everyone(302)),
    "workspace:my_work:index": read_only(signed_in(200)),
    "workspace:organisations:index": read_only(signed_in(200, evaluator=403)),
    "workspace:organisations:create": form(signed_in(403, admin=200)),
    "workspace:organisations:detail": read_only(org_a_view(evaluator=403, lead=200), kwargs=_org_a),
    "workspace:organisations:edit": form(ADMIN_ONLY_ON_A, kwargs=_org_a),
    "workspace:organisations:member_add": form(ADMIN_ONLY_ON_A, kwargs=_org_a),
    "workspace:organisations:member_role": form(ADMIN_ONLY_ON_A, kwargs=_membership_a),
    # A confirmation page; the POST removes the role and goes back to the organisation.
    "workspace:organisations:member_remove": form(
        ADMIN_ONLY_ON_A, kwargs=_membership_a, post={**ADMIN_ONLY_ON_A, "admin": 302}
    ),
    "workspace:organisations:audit": read_only(
        signed_in(404, head_a=200, admin=200, rep_a=403, staff_a=403, complaints_a=403, **EVALUATORS_REFUSED),
        kwargs=_org_a,
    ),
    "workspace:organisations:audit_export": read_only(
        signed_in(404, head_a=200, admin=200, rep_a=403, staff_a=403, complaints_a=403, **EVALUATORS_REFUSED),
        kwargs=_org_a_kind,
    ),
    "workspace:organisations:directory_export": read_only(
        signed_in(403, admin=200), kwargs=lambda cast: {"kind": "xlsx"}
    ),
    "workspace:organisations:directory_import": form(signed_in(403, admin=200)),
    "workspace:organisations:members_export": read_only(ADMIN_ONLY_ON_A, kwargs=_org_a_kind),
    "workspace:organisations:members_import": form(ADMIN_ONLY_ON_A, kwargs=_org_a),
    "workspace:organisations:evaluator_assign": form(ASSIGNERS_ON_A, kwargs=_org_a),
    "workspace:organisations:evaluator_unassign": post_only(
        {**ASSIGNERS_ON_A, "lead": 302, "admin": 302}, kwargs=_assignment_a
    ),
}
