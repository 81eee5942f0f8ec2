"""Customer action plans: every URL, every role (see tests/matrix.py)."""

from ..matrix import MEMBERS_OF_A, form, org_a_view, post_only, read_only, signed_in
from .factories import plan_in_state

# An unassigned evaluator holds nothing on any organisation: the area is closed to them (403).
VIEW_A = org_a_view(evaluator=403, lead=200)
# An unsubmitted (draft or signed-off) version is the organisation's own: reviewers get 404, as for charters.
VIEW_A_DRAFT = org_a_view(evaluator=403, evaluator_a=404, lead=404)
_NOT_A = {"rep_b": 404, "evaluator_b": 404, "evaluator": 403}


def _only(status, *roles):
    """``status`` for the given roles of A (and administrators), 403 for A's other people, 404 for outsiders."""
    return signed_in(403, **{**_NOT_A, **dict.fromkeys(MEMBERS_OF_A, 403), **dict.fromkeys((*roles, "admin"), status)})


MANAGE_A = _only(200, "rep_a")
MANAGE_A_DONE = _only(302, "rep_a")
SIGN_OFF_A_DONE = _only(302, "head_a")
PROGRESS_A = _only(200, "rep_a", "head_a")
# Reviewing: A's evaluator, lead evaluators, administrators; never A's own members (403).
REVIEW_A = _only(200, "evaluator_a", "lead")
REVIEW_A_DONE = _only(302, "evaluator_a", "lead")


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _plan_a(state):
    def build(cast):
        return {"organisation_pk": cast.org_a.pk, "pk": plan_in_state(cast.org_a, state).pk}

    return build


def _action_a(state):
    def build(cast):
        return {"organisation_pk": cast.org_a.pk, "pk": plan_in_state(cast.org_a, state).actions.first().pk}

    return build


def _report_a(cast):
    return {**_plan_a("published")(cast), "year": 2026}


def _edit_version(cast):
    return {"edit_version": 0}


CASES = {
    "workspace:action_plans:plan_list": read_only(VIEW_A, kwargs=_org_a),
    "workspace:action_plans:plan_start": form(MANAGE_A, kwargs=_org_a),
    "workspace:action_plans:plan_detail": read_only(VIEW_A_DRAFT, kwargs=_plan_a("draft")),
    "workspace:action_plans:plan_new_version": post_only(MANAGE_A_DONE, kwargs=_plan_a("published")),
    "workspace:action_plans:plan_action_add": form(MANAGE_A, kwargs=_plan_a("draft")),
    "workspace:action_plans:plan_action_edit": form(MANAGE_A, kwargs=_action_a("draft")),
    "workspace:action_plans:plan_action_delete": post_only(
        MANAGE_A_DONE, kwargs=_action_a("draft"), data=_edit_version
    ),
    "workspace:action_plans:plan_progress_add": form(PROGRESS_A, kwargs=_action_a("published")),
    "workspace:action_plans:plan_sign_off": post_only(SIGN_OFF_A_DONE, kwargs=_plan_a("draft")),
    "workspace:action_plans:plan_reopen": post_only(MANAGE_A_DONE, kwargs=_plan_a("signed_off")),
    "workspace:action_plans:plan_submit": post_only(MANAGE_A_DONE, kwargs=_plan_a("signed_off")),
    "workspace:action_plans:plan_request_changes": form(REVIEW_A, kwargs=_plan_a("submitted")),
    "workspace:action_plans:plan_approve": post_only(REVIEW_A_DONE, kwargs=_plan_a("submitted")),
    "workspace:action_plans:plan_publish": post_only(MANAGE_A_DONE, kwargs=_plan_a("approved")),
    "workspace:action_plans:plan_report": read_only(VIEW_A, kwargs=_report_a),
    "workspace:action_plans:plan_report_pdf": read_only(VIEW_A, kwargs=_report_a),
}
