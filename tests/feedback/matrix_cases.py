"""Permission matrix: the case workspace (feedback/urls_cases.py)."""

from feedback.models import CaseCategory, CaseState, ClosureDay, ConductDelegate

from ..matrix import Case, form, post_only, read_only, signed_in
from .factories import CaseFactory, ServicePointFactory, case_photo

# Case handlers of A (head, complaints officer). Other members of A and central roles (lead evaluators,
# administrators, A's evaluator) see the organisation but no case: 403. Other organisations: 404.
HANDLERS_A = signed_in(
    404,
    head_a=200,
    complaints_a=200,
    rep_a=403,
    staff_a=403,
    evaluator=403,
    evaluator_a=403,
    lead=403,
    admin=403,
)
HANDLE_ACTION_A = {**HANDLERS_A, "head_a": 302, "complaints_a": 302}
# Only the head of organisation manages delegates, deadlines and closure days.
HEAD_A = {**HANDLERS_A, "complaints_a": 403}
HEAD_ACTION_A = {**HEAD_A, "head_a": 302}


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _case_a(state=CaseState.RECEIVED, **fields):
    def build(cast):
        return {"organisation_pk": cast.org_a.pk, "pk": CaseFactory(organisation=cast.org_a, state=state, **fields).pk}

    return build


def _conduct_case_a(cast):
    point = ServicePointFactory(organisation=cast.org_a)
    case = CaseFactory(organisation=cast.org_a, category=CaseCategory.CONDUCT, service_point=point)
    return {"organisation_pk": cast.org_a.pk, "pk": case.pk}


def _photo_a(cast):
    return {"organisation_pk": cast.org_a.pk, "pk": case_photo(CaseFactory(organisation=cast.org_a)).pk}


def _delegate_a(cast):
    delegate = ConductDelegate.objects.create(organisation=cast.org_a, user=cast.staff_a, delegated_by=cast.head_a)
    return {"organisation_pk": cast.org_a.pk, "pk": delegate.pk}


def _closure_a(cast):
    import datetime

    closure = ClosureDay.objects.create(organisation=cast.org_a, day=datetime.date(2030, 7, 1))
    return {"organisation_pk": cast.org_a.pk, "pk": closure.pk}


CONDUCT_A = {**HANDLERS_A, "complaints_a": 404}

CASES = {
    # The inbox: handlers of exactly one organisation go straight to it.
    "workspace:feedback:index": read_only(signed_in(200, head_a=302, complaints_a=302, evaluator=403)),
    "workspace:feedback:case_list": read_only(HANDLERS_A, kwargs=_org_a),
    "workspace:feedback:case_log": form(HANDLERS_A, kwargs=_org_a),
    "workspace:feedback:case_detail": read_only(HANDLERS_A, kwargs=_case_a()),
    "workspace:feedback:case_acknowledge": post_only(HANDLE_ACTION_A, kwargs=_case_a()),
    "workspace:feedback:case_start": post_only(HANDLE_ACTION_A, kwargs=_case_a(CaseState.ACKNOWLEDGED)),
    "workspace:feedback:case_resolve": post_only(
        HANDLE_ACTION_A, kwargs=_case_a(CaseState.IN_PROGRESS), data=lambda cast: {"resolve-resolution": "Fixed."}
    ),
    "workspace:feedback:case_close": post_only(HANDLE_ACTION_A, kwargs=_case_a(CaseState.RESOLVED)),
    "workspace:feedback:case_assign": post_only(
        HANDLE_ACTION_A, kwargs=_case_a(), data=lambda cast: {"assign-officer": cast.complaints_a.pk}
    ),
    "workspace:feedback:case_note": post_only(HANDLE_ACTION_A, kwargs=_case_a(), data=lambda cast: {"note-text": "N"}),
    "workspace:feedback:case_message": post_only(
        HANDLE_ACTION_A, kwargs=_case_a(), data=lambda cast: {"message-text": "Hello"}
    ),
    "workspace:feedback:case_photo": read_only(HANDLERS_A, kwargs=_photo_a),
    "workspace:feedback:conduct_delegates": form(HEAD_A, kwargs=_org_a),
    "workspace:feedback:conduct_delegate_remove": post_only(HEAD_ACTION_A, kwargs=_delegate_a),
    "workspace:feedback:case_settings": form(HEAD_A, kwargs=_org_a),
    "workspace:feedback:closure_day_remove": post_only(HEAD_ACTION_A, kwargs=_closure_a),
}

# A conduct report is not a separate URL; tests/feedback/test_cases_access.py checks it for every role.
__all__ = ["CASES", "CONDUCT_A", "Case", "_conduct_case_a"]
