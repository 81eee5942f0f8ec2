from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..access import organisation_permissions, prefetch_organisation_permissions
from ..models import Membership, Organisation


@login_required
def my_work(request):
    """A person's home in the workspace: their organisations, roles and what those allow."""
    memberships = Membership.objects.filter(user=request.user).select_related("organisation").order_by(
        "organisation__name", "role"
    )
    by_organisation = {}
    for membership in memberships:
        entry = by_organisation.setdefault(membership.organisation_id, {"organisation": membership.organisation, "roles": []})
        entry["roles"].append(membership.get_role_display())
    permission_names = dict(Organisation._meta.permissions)
    prefetch_organisation_permissions(request.user, [entry["organisation"] for entry in by_organisation.values()])
    for entry in by_organisation.values():
        granted = organisation_permissions(request.user, entry["organisation"])
        entry["abilities"] = [permission_names[c] for c, _ in Organisation._meta.permissions if c in granted]
    return render(
        request,
        "organisations/my_work.html",
        {"organisations": list(by_organisation.values()), "central_roles": sorted(r.label for r in request.user.central_roles)},
    )
