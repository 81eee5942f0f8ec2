from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.forms import run_service

from .. import roles, services
from ..access import get_membership_for_user, get_organisation_for_user
from ..forms import MemberAddForm, MembershipRoleForm


@login_required
def member_add(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_MEMBERS)
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
            return redirect("workspace:organisations:detail", organisation_pk=organisation.pk)
    return render(request, "organisations/member_add.html", {"form": form, "organisation": organisation})


@login_required
def membership_change_role(request, organisation_pk, pk):
    membership = get_membership_for_user(request, organisation_pk, pk)
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
            return redirect("workspace:organisations:detail", organisation_pk=membership.organisation_id)
    return render(request, "organisations/membership_role.html", {"form": form, "membership": membership})


@login_required
@require_http_methods(["GET", "POST"])
def membership_remove(request, organisation_pk, pk):
    membership = get_membership_for_user(request, organisation_pk, pk)
    if request.method == "POST":
        services.membership_remove(actor=request.user, membership=membership)
        messages.success(
            request,
            _("%(email)s no longer has the role %(role)s.")
            % {"email": membership.user.email, "role": membership.get_role_display()},
        )
        return redirect("workspace:organisations:detail", organisation_pk=membership.organisation_id)
    return render(request, "organisations/membership_remove.html", {"membership": membership})
