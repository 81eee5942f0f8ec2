"""Access helpers for charters, action plans and consultations: every view fetches its objects through these.

Built on organisations.access: 404 for another organisation's things (whatever organisation the
URL names), 403 for the wrong role, and no reviewing of one's own organisation.
"""

from organisations import roles
from organisations.access import get_organisation_object_for_user

from .models import ActionPlan

# --- plan: customer action plans ---------------------------------------------------------------


def get_plan_for_user(request, organisation_pk, pk, permission=roles.VIEW):
    """An action plan of the organisation the user may see (404 otherwise), if their roles allow this (403)."""
    plans = ActionPlan.objects.select_related("organisation")
    return get_organisation_object_for_user(request, plans, organisation_pk, pk, permission)
