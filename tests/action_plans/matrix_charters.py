"""Permission matrix of the charter pages: drafting (representatives), sign-off (heads), review (evaluators)."""

from standards.models import ServiceStandard

from ..matrix import MEMBERS_OF_A, form, org_a_view, post_only, read_only, signed_in
from .factories import CharterFactory, charter_sections, complete_charter


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _charter_a(state):
    def build(cast):
        return {"organisation_pk": cast.org_a.pk, "pk": complete_charter(cast.org_a, state=state).pk}

    return build


def _section_a(cast):
    charter = CharterFactory(organisation=cast.org_a)
    return {"organisation_pk": cast.org_a.pk, "pk": charter_sections(charter, filled=False)[0].pk}


def _section_data(cast):
    from action_plans.models import CharterSection

    section = CharterSection.objects.filter(charter__organisation=cast.org_a, kind="about").latest("pk")
    return {f"section-{section.pk}-body": "We are the Revenue Test Office.", f"section-{section.pk}-edit_version": "0"}


def _charter_standard_a(cast):
    charter = complete_charter(cast.org_a)
    return {"organisation_pk": cast.org_a.pk, "pk": charter.standards.get().pk}


def _standard_data(cast):
    item = ServiceStandard.objects.filter(organisation=cast.org_a).latest("pk")
    return {"add-standard-standard": str(item.pk), "add-standard-wording": "We answer within 5 days."}


def _wording_data(cast):
    from action_plans.models import CharterStandard

    item = CharterStandard.objects.filter(charter__organisation=cast.org_a).latest("pk")
    return {f"standard-{item.pk}-wording": "We answer letters within 15 days."}


def _draft_with_standard(cast):
    from tests.standards.factories import ServiceStandardFactory

    charter = CharterFactory(organisation=cast.org_a)
    ServiceStandardFactory(organisation=cast.org_a)
    return {"organisation_pk": cast.org_a.pk, "pk": charter.pk}


# An unassigned evaluator holds nothing on any organisation: the area is closed to them (403).
VIEW_A = org_a_view(evaluator=403, lead=200)
_NOT_A = {"rep_b": 404, "evaluator_b": 404, "evaluator": 403}
# Representatives (and administrators) draft; the action redirects back to the charter.
MANAGE_A = signed_in(403, **_NOT_A, rep_a=302, admin=302)
# Heads (and administrators) sign off.
SIGN_OFF_A = signed_in(403, **_NOT_A, head_a=302, admin=302)
# A's evaluator, lead evaluators and administrators review; members never review their own organisation.
REVIEW_A = signed_in(403, **_NOT_A, **dict.fromkeys(MEMBERS_OF_A, 403), evaluator_a=302, lead=302, admin=302)
REVIEW_FORM_A = signed_in(403, **_NOT_A, evaluator_a=200, lead=200, admin=200)

CASES = {
    "workspace:action_plans:index": read_only(signed_in(200, evaluator=403)),
    "workspace:action_plans:charter_list": read_only(VIEW_A, kwargs=_org_a),
    "workspace:action_plans:charter_start": post_only(MANAGE_A, kwargs=_org_a),
    "workspace:action_plans:charter_new_version": post_only(MANAGE_A, kwargs=_org_a),
    # A submitted version: the assigned evaluator sees it (a draft would be 404 for them).
    "workspace:action_plans:charter_detail": read_only(VIEW_A, kwargs=_charter_a("submitted")),
    "workspace:action_plans:charter_section_save": post_only(MANAGE_A, kwargs=_section_a, data=_section_data),
    "workspace:action_plans:charter_standard_add": post_only(
        MANAGE_A, kwargs=_draft_with_standard, data=_standard_data
    ),
    "workspace:action_plans:charter_standard_edit": post_only(MANAGE_A, kwargs=_charter_standard_a, data=_wording_data),
    "workspace:action_plans:charter_standard_remove": post_only(MANAGE_A, kwargs=_charter_standard_a),
    "workspace:action_plans:charter_sign_off": post_only(SIGN_OFF_A, kwargs=_charter_a("draft")),
    "workspace:action_plans:charter_reopen": post_only(MANAGE_A, kwargs=_charter_a("signed_off")),
    "workspace:action_plans:charter_submit": post_only(MANAGE_A, kwargs=_charter_a("signed_off")),
    "workspace:action_plans:charter_request_changes": form(
        REVIEW_FORM_A,
        kwargs=_charter_a("submitted"),
        post=REVIEW_A,
        data=lambda cast: {"general": "Name the appeals officer."},
    ),
    "workspace:action_plans:charter_approve": post_only(REVIEW_A, kwargs=_charter_a("submitted")),
    "workspace:action_plans:charter_publish": post_only(MANAGE_A, kwargs=_charter_a("approved")),
}
