"""Access helpers for charters, action plans and consultations: every view fetches its objects through these.

Built on organisations.access: 404 for another organisation's things (whatever organisation the
URL names), 403 for the wrong role, and no reviewing of one's own organisation.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations import roles
from organisations.access import get_organisation_for_user, get_organisation_object_for_user, is_member

from .models import ActionPlan, Charter, CharterSection, CharterStandard, DocumentState, PlanAction

# --- versions only the organisation sees (charters and action plans alike) -----------------------------

# Versions only the organisation itself sees: reviewers see a charter or plan once it has been submitted.
ORGANISATION_ONLY_STATES = frozenset({DocumentState.DRAFT, DocumentState.SIGNED_OFF})


def sees_drafts(user, organisation):
    """Members of the organisation and administrators see its unsubmitted documents; reviewers do not."""
    return user.is_administrator or is_member(user, organisation)


def _documents_for_user(model, user, organisation):
    """The organisation's versions of a charter or plan the user may see (unsubmitted ones left out for reviewers)."""
    documents = model.objects.filter(organisation=organisation)
    if not sees_drafts(user, organisation):
        documents = documents.exclude(state__in=ORGANISATION_ONLY_STATES)
    return documents


def is_visible_to(user, document):
    """Whether the user may see this version of a charter or plan of an organisation they may see."""
    return document.state not in ORGANISATION_ONLY_STATES or sees_drafts(user, document.organisation)


def _visible(request, document):
    """The charter or plan, or 404 if it is an unsubmitted version and the user only reviews its organisation."""
    if not is_visible_to(request.user, document):
        raise Http404
    return document


# --- charter ---------------------------------------------------------------------------------------------


def charters_for_user(user, organisation):
    """The organisation's charter versions the user may see."""
    return _documents_for_user(Charter, user, organisation)


def get_charter_for_user(request, organisation_pk, pk, permission=roles.VIEW):
    """A charter version of the organisation the user may see (404 otherwise), if their roles allow it (403)."""
    charters = Charter.objects.select_related("organisation", "based_on")
    return _visible(request, get_organisation_object_for_user(request, charters, organisation_pk, pk, permission))


def _charter_part_for_user(request, model, organisation_pk, pk, permission):
    """A section or standard of a charter: the charter's organisation and visibility decide, as for the charter."""
    parts = model.objects.select_related("charter__organisation", "charter__based_on").filter(
        charter__organisation_id=organisation_pk
    )
    charter_ids = parts.filter(pk=pk).values_list("charter_id", flat=True)
    charter = get_charter_for_user(request, organisation_pk, charter_ids.first() or 0, permission)
    part = parts.get(pk=pk)
    part.charter = charter
    return part


def get_charter_section_for_user(request, organisation_pk, pk, permission=roles.VIEW):
    """A section of one of the organisation's charters (404 for another organisation's section)."""
    return _charter_part_for_user(request, CharterSection, organisation_pk, pk, permission)


def get_charter_standard_for_user(request, organisation_pk, pk, permission=roles.VIEW):
    """A standard promised in one of the organisation's charters (404 for another organisation's)."""
    return _charter_part_for_user(request, CharterStandard, organisation_pk, pk, permission)


# --- plan: customer action plans ---------------------------------------------------------------


def plans_for_user(user, organisation):
    """The organisation's action-plan versions the user may see (the same rule as charters)."""
    return _documents_for_user(ActionPlan, user, organisation)


def get_plan_for_user(request, organisation_pk, pk, permission=roles.VIEW):
    """An action plan of the organisation the user may see (404 otherwise), if their roles allow this (403)."""
    plans = ActionPlan.objects.select_related("organisation")
    return _visible(request, get_organisation_object_for_user(request, plans, organisation_pk, pk, permission))


def get_plan_action_for_user(request, organisation_pk, pk, permission=roles.VIEW):
    """An action of one of the organisation's plans (404 for any other action, or one of a plan the user may not
    see yet), if the roles allow this (403)."""
    organisation = get_organisation_for_user(request, organisation_pk, permission)
    actions = PlanAction.objects.select_related("plan__organisation").prefetch_related("standards")
    action = get_object_or_404(actions, pk=pk, plan__organisation=organisation)
    _visible(request, action.plan)
    return action


# --- consult: consultations and public comment periods ---


def informed_sections_for_user(user, consultation):
    """The charter sections the consultation informed, in versions the user may see (as for the charter itself)."""
    charters = charters_for_user(user, consultation.organisation)
    return (
        consultation.informed_sections.filter(charter__in=charters)
        .select_related("charter")
        .order_by("-charter__number", "position")
    )


def informed_actions_for_user(user, consultation):
    """The plan actions the consultation informed, in plan versions the user may see (as for the plan itself)."""
    plans = plans_for_user(user, consultation.organisation)
    return (
        consultation.informed_actions.filter(plan__in=plans)
        .select_related("plan")
        .order_by("-plan__number", "principle", "position")
    )


def get_consultation_for_user(request, organisation_pk, pk, permission=roles.VIEW):
    from .models import Consultation

    consultations = Consultation.objects.select_related("organisation", "created_by")
    return get_organisation_object_for_user(request, consultations, organisation_pk, pk, permission)


def get_comment_period_for_user(request, organisation_pk, pk, permission=roles.MANAGE_CHARTER):
    """A comment period on one of the organisation's charters; 404 for another organisation's."""
    from .models import CommentPeriod

    organisation = get_organisation_for_user(request, organisation_pk, permission)
    periods = CommentPeriod.objects.select_related("charter__organisation", "consultation")
    return get_object_or_404(periods, pk=pk, charter__organisation=organisation)
