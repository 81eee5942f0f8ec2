"""Permission matrix for training assignments, the staff list import and the completions export.

Heads (manage training) and administrators; the other members of A, A's assigned evaluator and the lead
evaluator see the organisation but may not do this (403); everyone else gets 404.
"""

from training.models import AssignmentRule

from ..matrix import form, read_only, signed_in
from .factories import AssignmentFactory, ModuleFactory

MANAGE_A = signed_in(404, rep_a=403, staff_a=403, complaints_a=403, evaluator_a=403, lead=403, head_a=200, admin=200)
MANAGE_A_DONE = {**MANAGE_A, "head_a": 302, "admin": 302}


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _rule_a(cast):
    rule = AssignmentRule.objects.create(
        organisation=cast.org_a, module=ModuleFactory(organisation=cast.org_a), due_days=30
    )
    return {"organisation_pk": cast.org_a.pk, "pk": rule.pk}


def _assignment_a(cast):
    assignment = AssignmentFactory(
        organisation=cast.org_a, module=ModuleFactory(organisation=cast.org_a), user=cast.staff_a
    )
    return {"organisation_pk": cast.org_a.pk, "pk": assignment.pk}


def _kind(kind):
    return lambda cast: {"organisation_pk": cast.org_a.pk, "kind": kind}


CASES = {
    "workspace:training:rule_list": read_only(MANAGE_A, kwargs=_org_a),
    "workspace:training:rule_create": form(MANAGE_A, kwargs=_org_a),
    "workspace:training:rule_deactivate": form(MANAGE_A, kwargs=_rule_a, post=MANAGE_A_DONE),
    "workspace:training:assignment_list": read_only(MANAGE_A, kwargs=_org_a),
    "workspace:training:assignment_create": form(MANAGE_A, kwargs=_org_a),
    "workspace:training:assignment_withdraw": form(MANAGE_A, kwargs=_assignment_a, post=MANAGE_A_DONE),
    "workspace:training:staff_import": form(MANAGE_A, kwargs=_org_a),
    "workspace:training:staff_import_template": read_only(MANAGE_A, kwargs=_kind("csv")),
    "workspace:training:completions_export": read_only(MANAGE_A, kwargs=_kind("xlsx")),
}
