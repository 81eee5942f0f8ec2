"""Who manages service points: "an organisation defines service points", so its representative
(MANAGE_CHARTER: the public-facing commitments) and its head (RECEIVE_ESCALATIONS: the reports arrive
with them), plus administrators. Other members, evaluators and lead evaluators get 403; outsiders 404."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from organisations import roles
from organisations.access import get_organisation_for_user, user_can

from .models import ServicePoint

MANAGING_PERMISSIONS = (roles.MANAGE_CHARTER, roles.RECEIVE_ESCALATIONS)


def may_manage_points(user, organisation):
    return any(user_can(user, permission, organisation) for permission in MANAGING_PERMISSIONS)


def get_points_organisation_for_user(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk)
    if not may_manage_points(request.user, organisation):
        raise PermissionDenied
    return organisation


def get_point_for_user(request, organisation_pk, pk):
    organisation = get_points_organisation_for_user(request, organisation_pk)
    return get_object_or_404(ServicePoint.objects.select_related("organisation"), organisation=organisation, pk=pk)
