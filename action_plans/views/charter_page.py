"""The charter page's context: sections with their forms, changes and comments; the checklist; the standards;
the life cycle buttons each role may use. Shared by the views that show the page again with errors."""

from django.shortcuts import render

from organisations import roles
from organisations.access import organisation_permissions, user_can
from standards.analytics.latest import latest_results
from standards.models import ServiceStandard

from ..access import charters_for_user
from ..checklists import charter_hints, charter_missing, section_anchor
from ..diff import section_changes, standards_changes
from ..forms.charters import CharterStandardForm, CharterStandardWordingForm, SectionForm
from ..lifecycle import DocumentFlow
from ..models import DocumentState, ReviewComment
from ..services.lifecycle import state_message

ACTIONS = ("sign_off", "reopen", "submit", "request_changes", "approve", "publish")


def allowed_actions(user, charter):
    """The life cycle buttons this person may press now (the representative's submit also while drafting)."""
    flow = DocumentFlow(charter)
    allowed = {name for name in ACTIONS if getattr(flow, name).can_proceed() and getattr(flow, name).has_perm(user)}
    if charter.state == DocumentState.DRAFT and user_can(user, roles.MANAGE_CHARTER, charter.organisation):
        allowed.add("submit")  # submitting checks the checklist first and says the head signs off before
    return allowed


def charter_context(
    request, charter, *, forms=None, previews=None, stale=(), standard_form=None, wording_forms=None, blocked=None
):
    """Everything the charter page shows; ``forms`` etc. replace the fresh forms of the sections being re-shown."""
    user, organisation = request.user, charter.organisation
    granted = organisation_permissions(user, organisation)
    can_edit = roles.MANAGE_CHARTER in granted and charter.is_editable
    forms, previews, wording_forms = forms or {}, previews or {}, wording_forms or {}
    comments = list(ReviewComment.objects.filter(charter=charter).select_related("author").order_by("created_at", "pk"))
    changes = section_changes(charter)
    sections = []
    for section in charter.sections.prefetch_related("consultations"):
        sections.append(
            {
                "section": section,
                "anchor": section_anchor(section.kind, section.principle),
                "form": forms.get(section.pk) or (SectionForm(section=section) if can_edit else None),
                "preview": previews.get(section.pk),
                "stale": section.pk in stale,
                "change": changes.get(section.pk),
                "comments": [comment for comment in comments if comment.section_id == section.pk],
            }
        )
    items = list(charter.standards.select_related("standard"))
    results = latest_results(organisation, {item.standard_id for item in items})
    standards = [
        {
            "item": item,
            "result": results.get(item.standard_id),
            "form": wording_forms.get(item.pk) or (CharterStandardWordingForm(item=item) if can_edit else None),
        }
        for item in items
    ]
    if can_edit and standard_form is None:
        available = ServiceStandard.objects.filter(organisation=organisation).exclude(
            pk__in=[item.standard_id for item in items]
        )
        standard_form = CharterStandardForm(standards=available)
    versions = charters_for_user(user, organisation).order_by("-number")
    return {
        "charter": charter,
        "organisation": organisation,
        "sections": sections,
        "general_comments": [comment for comment in comments if comment.section_id is None],
        "standards": standards,
        "standard_form": standard_form if can_edit else None,
        "standards_changes": standards_changes(charter),
        "can_edit": can_edit,
        "actions": allowed_actions(user, charter),
        "state_message": state_message(charter),
        "missing": charter_missing(charter) if charter.state in DocumentState.OPEN_STATES else [],
        "hints": charter_hints(charter) if can_edit else [],
        "blocked": blocked,
        "versions": versions,
    }


def render_charter(request, charter, status=200, **overrides):
    return render(
        request, "action_plans/charter/detail.html", charter_context(request, charter, **overrides), status=status
    )
