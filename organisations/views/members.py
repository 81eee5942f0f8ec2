from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.forms import run_service

from .. import roles, services
from ..access import get_organisation_for_user
from ..forms import MemberAddForm, MembershipRoleForm
from ..models import Membership


def get_membership_for_user(request, organisation_pk, pk):
    """A membership of an organisation whose members the user may manage, or 404/403."""
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_MEMBERS)
    return get_object_or_404(
        Membership.objects.select_related("user", "organisation"), pk=pk, organisation=organisation
    )


@login_required
def member_add(request, pk):
    organisation = get_organisation_for_user(request, pk, roles.MANAGE_MEMBERS)
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        membership = run_service(
            form, services.member_add, actor=request.user, organisation=organisation, **form.cleaned_data
        )
        if membership:
            messages.success(
                request,
                _("%(email)s is now %(role)s. An e-mail has been sent to them.")
                % {"email": membership.user.email, "role": membership.get_role_display()},
            )
            return redirect("workspace:organisations:detail", pk=organisation.pk)
    return render(request, "organisations/member_add.html", {"form": form, "organisation": organisation})


@login_required
def membership_change_role(request, pk, membership_pk):
    membership = get_membership_for_user(request, pk, membership_pk)
    form = MembershipRoleForm(request.POST or None, initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        changed = run_service(
            form,
            services.membership_change_role,
            actor=request.user,
            membership=membership,
            role=form.cleaned_data["role"],
        )
        if changed:
            messages.success(request, _("Role changed."))
            return redirect("workspace:organisations:detail", pk=membership.organisation_id)
    return render(request, "organisations/membership_role.html", {"form": form, "membership": membership})


@login_required
@require_http_methods(["GET", "POST"])
def membership_remove(request, pk, membership_pk):
    membership = get_membership_for_user(request, pk, membership_pk)
    if request.method == "POST":
        services.membership_remove(actor=request.user, membership=membership)
        messages.success(
            request,
            _("%(email)s no longer has the role %(role)s.")
            % {"email": membership.user.email, "role": membership.get_role_display()},
        )
        return redirect("workspace:organisations:detail", pk=membership.organisation_id)
    return render(request, "organisations/membership_remove.html", {"membership": membership})
