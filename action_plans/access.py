"""Access helpers for charters, action plans and consultations: every view fetches its objects through these.

Built on organisations.access: 404 for another organisation's things (whatever organisation the
URL names), 403 for the wrong role, and no reviewing of one's own organisation.
"""

from django.shortcuts import get_object_or_404

from organisations import roles
from organisations.access import get_organisation_for_user, get_organisation_object_for_user

from .models import ActionPlan, PlanAction

# --- plan: customer action plans ---------------------------------------------------------------


def get_plan_for_user(request, organisation_pk, pk, permission=roles.VIEW):
    """An action plan of the organisation the user may see (404 otherwise), if their roles allow this (403)."""
    plans = ActionPlan.objects.select_related("organisation")
    return get_organisation_object_for_user(request, plans, organisation_pk, pk, permission)


def get_plan_action_for_user(request, organisation_pk, pk, permission=roles.VIEW):
    """An action of one of the organisation's plans (404 for any other action), if the roles allow this (403)."""
    organisation = get_organisation_for_user(request, organisation_pk, permission)
    actions = PlanAction.objects.select_related("plan__organisation").prefetch_related("standards")
    return get_object_or_404(actions, pk=pk, plan__organisation=organisation)


# --- consult: consultations and public comment periods ---


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
