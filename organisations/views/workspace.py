from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..access import organisation_permissions, prefetch_organisation_permissions
from ..models import EvaluatorAssignment, Membership, Organisation
from ..todo import todo_for


def _organisations_with_roles(user):
    """The user's organisations, each with the roles held there and what they allow."""
    memberships = (
        Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name", "role")
    )
    by_organisation = {}
    for membership in memberships:
        entry = by_organisation.setdefault(
            membership.organisation_id, {"organisation": membership.organisation, "roles": []}
        )
        entry["roles"].append(membership.get_role_display())
    permission_names = dict(Organisation._meta.permissions)
    prefetch_organisation_permissions(user, [entry["organisation"] for entry in by_organisation.values()])
    for entry in by_organisation.values():
        granted = organisation_permissions(user, entry["organisation"])
        entry["abilities"] = [permission_names[c] for c, _ in Organisation._meta.permissions if c in granted]
    return list(by_organisation.values())


@login_required
@require_GET
def my_work(request):
    """A person's to-do list, then their organisations, roles and what those allow."""
    user = request.user
    assignments = EvaluatorAssignment.objects.filter(evaluator=user).select_related("organisation")
    unassigned_count = (
        Organisation.objects.filter(is_active=True, evaluator_assignments__isnull=True).count()
        if user.is_lead_evaluator or user.is_administrator
        else None
    )
    return render(
        request,
        "organisations/my_work.html",
        {
            "todo": todo_for(user),
            "organisations": _organisations_with_roles(user),
            "central_roles": sorted(role.label for role in user.central_roles),
            "assignments": assignments,
            "unassigned_count": unassigned_count,
        },
    )
