"""Access helpers for charters, action plans and consultation: every view fetches its objects through these.

Built on organisations.access: 404 for another organisation's things (whatever organisation the URL
names), 403 for the wrong role.
"""

from django.shortcuts import get_object_or_404

from organisations import roles
from organisations.access import get_organisation_for_user, get_organisation_object_for_user

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
