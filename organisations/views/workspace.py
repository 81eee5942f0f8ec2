from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..access import organisation_permissions, prefetch_organisation_permissions
from ..models import EvaluatorAssignment, Membership, Organisation


@login_required
@require_GET
def my_work(request):
    """A person's home in the workspace: their organisations, roles and what those allow."""
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("organisation")
        .order_by("organisation__name", "role")
    )
    by_organisation = {}
    for membership in memberships:
        entry = by_organisation.setdefault(
            membership.organisation_id, {"organisation": membership.organisation, "roles": []}
        )
        entry["roles"].append(membership.get_role_display())
    permission_names = dict(Organisation._meta.permissions)
    prefetch_organisation_permissions(request.user, [entry["organisation"] for entry in by_organisation.values()])
    for entry in by_organisation.values():
        granted = organisation_permissions(request.user, entry["organisation"])
        entry["abilities"] = [permission_names[c] for c, _ in Organisation._meta.permissions if c in granted]
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
            "organisations": list(by_organisation.values()),
            "central_roles": sorted(role.label for role in user.central_roles),
            "assignments": assignments,
            "unassigned_count": unassigned_count,
        },
    )
