"""Access helpers. Every view fetches its objects through these.

A user reaches an organisation's data only through a membership (object
permissions granted per role), an evaluator assignment, or a central role
(administrators: everything; lead evaluators: view, review and assign everywhere). An
object of an organisation the user cannot see gives 404; a member whose roles
do not allow the action gets 403.

Segregation of duties: nobody reviews, assigns reviewers to, scores or decides on an
organisation they belong to. ``organisation_permissions`` drops the reviewing
permissions (``roles.REVIEW_PERMISSIONS``) on the user's own organisations, so every
helper below, and every app built on them, inherits the rule.

URLs about one organisation carry ``organisation_pk`` and the thing's ``pk``;
``get_organisation_object_for_user`` is the one way to fetch such a thing.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import get_objects_for_user

from . import roles
from .models import EvaluatorAssignment, Membership, Organisation, OrganisationUserObjectPermission


def member_organisation_ids(user):
    """Ids of the organisations the user belongs to (any role), cached on the user for the request."""
    if not user.is_authenticated:
        return frozenset()
    if "_member_of" not in user.__dict__:
        user._member_of = frozenset(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))
    return user._member_of


def is_member(user, organisation):
    """Whether the organisation is the user's own: they hold a role in it."""
    return organisation.pk in member_organisation_ids(user)


def may_review(user, organisation):
    """Segregation of duties: nobody reviews, scores or decides on an organisation they belong to."""
    return not is_member(user, organisation)


def organisation_permissions(user, organisation):
    """Codenames the user holds on the organisation, cached on the user for the request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_administrator:
        granted = frozenset(roles.ALL_PERMISSIONS)
    else:
        central = roles.LEAD_EVALUATOR_PERMISSIONS if user.is_lead_evaluator else frozenset()
        cache = user.__dict__.setdefault("_organisation_permissions", {})
        if organisation.pk not in cache:
            checker = ObjectPermissionChecker(user)
            cache[organisation.pk] = frozenset(checker.get_user_perms(organisation))
        granted = cache[organisation.pk] | central
    if granted & roles.REVIEW_PERMISSIONS and not may_review(user, organisation):
        granted -= roles.REVIEW_PERMISSIONS
    return granted


def prefetch_organisation_permissions(user, organisations):
    """Load the user's permissions on many organisations in one query (for list pages)."""
    if not user.is_authenticated or user.is_administrator:
        return
    cache = user.__dict__.setdefault("_organisation_permissions", {})
    wanted = {organisation.pk for organisation in organisations} - cache.keys()
    if not wanted:
        return
    granted = {pk: set() for pk in wanted}
    rows = OrganisationUserObjectPermission.objects.filter(user=user, content_object_id__in=wanted).values_list(
        "content_object_id", "permission__codename"
    )
    for organisation_pk, codename in rows:
        granted[organisation_pk].add(codename)
    cache.update({pk: frozenset(codenames) for pk, codenames in granted.items()})


def user_can(user, permission, organisation):
    return permission in organisation_permissions(user, organisation)


def check_organisation_access(user, organisation, permission=roles.VIEW):
    """404 unless the user may see the organisation; 403 if they may see it but not do this."""
    granted = organisation_permissions(user, organisation)
    if roles.VIEW not in granted:
        raise Http404
    if permission in roles.REVIEW_PERMISSIONS and not may_review(user, organisation):
        raise PermissionDenied(
            _("You belong to %(organisation)s, so you cannot review or decide on its work.")
            % {"organisation": organisation.name}
        )
    if permission not in granted:
        raise PermissionDenied


def get_organisation_for_user(request, pk, permission=roles.VIEW):
    """The organisation if the user may act on it; 404 for outsiders, 403 for the wrong role."""
    organisation = Organisation.objects.filter(pk=pk).select_related("parent").first()
    if organisation is None:
        raise Http404
    check_organisation_access(request.user, organisation, permission)
    return organisation


def get_organisation_object_for_user(request, queryset, organisation_pk, pk, permission=roles.VIEW):
    """A thing of the organisation in the URL: 404 unless it belongs to that organisation.

    The organisation is checked first (404 for outsiders, 403 for the wrong role), so an id
    of another organisation's thing gives 404 whatever organisation the URL names.
    """
    organisation = get_organisation_for_user(request, organisation_pk, permission)
    return get_object_or_404(queryset, pk=pk, organisation=organisation)


def get_membership_for_user(request, organisation_pk, pk):
    """A membership of an organisation whose members the user may manage, or 404/403."""
    memberships = Membership.objects.select_related("user", "organisation")
    return get_organisation_object_for_user(request, memberships, organisation_pk, pk, roles.MANAGE_MEMBERS)


def get_assignment_for_user(request, organisation_pk, pk):
    """An evaluator assignment of an organisation the user may assign evaluators to, or 404/403."""
    assignments = EvaluatorAssignment.objects.select_related("evaluator", "organisation")
    return get_organisation_object_for_user(request, assignments, organisation_pk, pk, roles.ASSIGN_EVALUATORS)


def organisations_for_user(user, permission=roles.VIEW):
    """Organisations on which the user holds the permission (never their own for reviewing ones)."""
    if not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    if user.is_administrator or (user.is_lead_evaluator and permission in roles.LEAD_EVALUATOR_PERMISSIONS):
        organisations = Organisation.objects.all()
    else:
        organisations = get_objects_for_user(
            user,
            f"organisations.{permission}",
            klass=Organisation,
            use_groups=False,
            with_superuser=False,
            accept_global_perms=False,
        )
    if permission in roles.REVIEW_PERMISSIONS:
        organisations = organisations.exclude(pk__in=member_organisation_ids(user))
    return organisations


def has_any_organisation(user):
    """Whether the user may see at least one organisation (cached for the request)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_administrator or user.is_lead_evaluator:
        return True
    cached = getattr(user, "_has_any_organisation", None)
    if cached is None:
        cached = OrganisationUserObjectPermission.objects.filter(user=user, permission__codename=roles.VIEW).exists()
        user._has_any_organisation = cached
    return cached


def require_central_role(request, *central_roles):
    """403 unless the user holds one of the central roles (administrators hold all)."""
    user = request.user
    if user.is_administrator or set(central_roles) & user.central_roles:
        return
    raise PermissionDenied
