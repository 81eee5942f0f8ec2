from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from common.forms import run_service

from .. import roles, services
from ..access import get_organisation_for_user, organisations_for_user, require_central_role, user_can
from ..forms import OrganisationFilterForm, OrganisationForm
from ..models import Membership
from ..roles import CentralRole


@login_required
@require_GET
def organisation_list(request):
    organisations = (
        organisations_for_user(request.user)
        .select_related("parent")
        .annotate(member_count=Count("memberships__user", distinct=True))
    )
    filters = OrganisationFilterForm(request.GET or None)
    if filters.is_valid():
        if filters.cleaned_data["q"]:
            query = filters.cleaned_data["q"]
            organisations = organisations.filter(Q(name__icontains=query) | Q(short_name__icontains=query))
        if filters.cleaned_data["sector"]:
            organisations = organisations.filter(sector=filters.cleaned_data["sector"])
    page = Paginator(organisations.order_by("name"), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/organisation_list.html",
        {"page": page, "filters": filters, "can_create": request.user.is_administrator},
    )


@login_required
def organisation_create(request):
    require_central_role(request, CentralRole.ADMINISTRATOR)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = run_service(form, services.organisation_create, actor=request.user, **form.cleaned_data)
        if organisation:
            messages.success(request, _("Organisation %(name)s created.") % {"name": organisation.name})
            return redirect("workspace:organisations:detail", organisation_pk=organisation.pk)
    return render(request, "organisations/organisation_form.html", {"form": form, "organisation": None})


@login_required
@require_GET
def organisation_detail(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk)
    memberships = (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__last_name", "user__email", "role")
    )
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "memberships": memberships,
            "can_manage": user_can(request.user, roles.MANAGE_MEMBERS, organisation),
            "can_view_audit": user_can(request.user, roles.VIEW_AUDIT_LOG, organisation),
            "can_assign": user_can(request.user, roles.ASSIGN_EVALUATORS, organisation),
            "can_manage_standards": user_can(request.user, roles.MANAGE_STANDARDS, organisation),
            "can_manage_training": user_can(request.user, roles.MANAGE_TRAINING, organisation),
            "can_view_training_compliance": user_can(request.user, roles.VIEW_TRAINING_COMPLIANCE, organisation),
            "assignments": organisation.evaluator_assignments.select_related("evaluator"),
        },
    )


@login_required
def organisation_edit(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_MEMBERS)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        updated = run_service(
            form, services.organisation_update, actor=request.user, organisation=organisation, **form.cleaned_data
        )
        if updated:
            messages.success(request, _("Changes saved."))
            return redirect("workspace:organisations:detail", organisation_pk=organisation.pk)
    return render(request, "organisations/organisation_form.html", {"form": form, "organisation": organisation})
