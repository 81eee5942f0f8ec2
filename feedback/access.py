"""Who sees which case: the one rule, used by every view of every part of feedback.

- Cases belong to an organisation; only its MEMBERS see them. Permissions come from their roles
  (``organisations/roles.py``), never from a central role: administrators operate the platform and
  see no case contents, evaluators (even assigned or lead) see only aggregate figures.
- HANDLE_FEEDBACK (head, complaints officer) sees every case except reports of unethical conduct.
- Unethical-conduct reports: only the head of organisation (RECEIVE_ESCALATIONS) and the people the
  head named as conduct delegates (ConductDelegate), and NEVER an official of the case's service
  point — not even a head or a delegate who works there.
- A case the user may not see is a 404 (its existence is not confirmed); a member who may see no
  case at all gets 403 on the case pages; another organisation's members get 404.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from organisations import roles
from organisations.access import get_organisation_for_user
from organisations.models import Membership

from .models import Case, CaseCategory, ConductDelegate, ServicePoint


def member_permissions(user, organisation):
    """Permissions the user holds on the organisation through their own roles in it (no central role)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cache = user.__dict__.setdefault("_feedback_member_permissions", {})
    if organisation.pk not in cache:
        held = Membership.objects.filter(user=user, organisation=organisation).values_list("role", flat=True)
        cache[organisation.pk] = frozenset(roles.permissions_for_roles(held))
    return cache[organisation.pk]


def is_conduct_delegate(user, organisation):
    return (
        user.is_authenticated
        and roles.VIEW in member_permissions(user, organisation)
        and ConductDelegate.objects.filter(organisation=organisation, user=user).exists()
    )


def may_see_conduct(user, organisation):
    """Head of organisation or a conduct delegate (still never for their own service point's cases)."""
    return roles.RECEIVE_ESCALATIONS in member_permissions(user, organisation) or is_conduct_delegate(
        user, organisation
    )


def may_handle_cases(user, organisation):
    """Whether the user sees any case of the organisation at all (the inbox)."""
    return roles.HANDLE_FEEDBACK in member_permissions(user, organisation) or may_see_conduct(user, organisation)


def cases_visible_to(user, organisation):
    """The organisation's cases this user may see and handle (see the module docstring)."""
    cases = Case.objects.filter(organisation=organisation)
    granted = member_permissions(user, organisation)
    visible = Q(pk__in=[])
    if roles.HANDLE_FEEDBACK in granted:
        visible |= ~Q(category=CaseCategory.CONDUCT)
    if may_see_conduct(user, organisation):
        own_points = list(ServicePoint.objects.filter(officials=user).values_list("pk", flat=True))
        conduct = Q(category=CaseCategory.CONDUCT)
        if own_points:
            conduct &= Q(service_point__isnull=True) | ~Q(service_point__in=own_points)
        visible |= conduct
    return cases.filter(visible)


def check_case_handler(request, organisation):
    """403 for a member (or administrator, evaluator) who handles no cases of this organisation."""
    if not may_handle_cases(request.user, organisation):
        raise PermissionDenied


def get_cases_organisation_for_user(request, organisation_pk):
    """The organisation whose cases the user handles: 404 for outsiders, 403 for members who handle none."""
    organisation = get_organisation_for_user(request, organisation_pk)
    check_case_handler(request, organisation)
    return organisation


def get_case_for_user(request, organisation_pk, pk):
    """A case the user may see: 404 for another organisation's case or a case hidden from them."""
    organisation = get_cases_organisation_for_user(request, organisation_pk)
    cases = cases_visible_to(request.user, organisation).select_related("organisation", "service_point", "assigned_to")
    return get_object_or_404(cases, pk=pk)


def may_manage_conduct_delegates(user, organisation):
    """Only the head of organisation names conduct delegates and sets case deadlines and closure days."""
    return roles.RECEIVE_ESCALATIONS in member_permissions(user, organisation)


def get_head_organisation_for_user(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk)
    if not may_manage_conduct_delegates(request.user, organisation):
        raise PermissionDenied
    return organisation
