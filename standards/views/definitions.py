from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from common.forms import run_service
from organisations import roles
from organisations.access import get_organisation_for_user, user_can

from ..access import get_standard_for_user
from ..forms.definitions import StandardCreateForm, StandardForm, TargetChangeForm
from ..models import ServiceStandard
from ..services import definitions as services


@login_required
@require_GET
def standard_list(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk)
    standards = (
        ServiceStandard.objects.filter(organisation=organisation).order_by("code").with_target_on(timezone.localdate())
    )
    return render(
        request,
        "standards/standard_list.html",
        {
            "organisation": organisation,
            "standards": standards,
            "can_manage": user_can(request.user, roles.MANAGE_STANDARDS, organisation),
        },
    )


@login_required
def standard_create(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_STANDARDS)
    form = StandardCreateForm(request.POST or None, initial={"applies_from": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        standard = run_service(
            form,
            services.standard_create,
            actor=request.user,
            organisation=organisation,
            **form.definition_values(),
            **form.target_values(),
        )
        if standard:
            messages.success(request, _("Standard %(code)s created.") % {"code": standard.code})
            return redirect(
                "workspace:standards:standard_detail", organisation_pk=standard.organisation_id, pk=standard.pk
            )
    return render(
        request, "standards/standard_form.html", {"form": form, "organisation": organisation, "standard": None}
    )


@login_required
@require_GET
def standard_detail(request, organisation_pk, pk):
    standard = get_standard_for_user(request, organisation_pk, pk)
    targets = list(standard.targets.select_related("created_by").order_by("-valid_from"))
    return render(
        request,
        "standards/standard_detail.html",
        {
            "standard": standard,
            "organisation": standard.organisation,
            "targets": targets,
            "current_target": standard.target_on(timezone.localdate()),
            "can_manage": user_can(request.user, roles.MANAGE_STANDARDS, standard.organisation),
        },
    )


@login_required
def standard_edit(request, organisation_pk, pk):
    standard = get_standard_for_user(request, organisation_pk, pk, roles.MANAGE_STANDARDS)
    form = StandardForm(request.POST or None, instance=standard)
    if request.method == "POST" and form.is_valid():
        updated = run_service(
            form, services.standard_update, actor=request.user, standard=standard, **form.definition_values()
        )
        if updated:
            messages.success(request, _("Changes saved."))
            return redirect(
                "workspace:standards:standard_detail", organisation_pk=standard.organisation_id, pk=standard.pk
            )
    return render(
        request,
        "standards/standard_form.html",
        {"form": form, "organisation": standard.organisation, "standard": standard},
    )


@login_required
def standard_target(request, organisation_pk, pk):
    standard = get_standard_for_user(request, organisation_pk, pk, roles.MANAGE_STANDARDS)
    current = standard.target_on(timezone.localdate())
    initial = {}
    if current is not None:
        initial = {
            "target": current.target,
            "direction": "higher" if current.higher_is_better else "lower",
            "tolerance": current.tolerance,
        }
    form = TargetChangeForm(request.POST or None, standard=standard, initial=initial)
    if request.method == "POST" and form.is_valid():
        changed = run_service(
            form,
            services.standard_target_change,
            actor=request.user,
            standard=standard,
            valid_from=form.cleaned_data["valid_from"],
            reason=form.cleaned_data["reason"],
            **form.target_values(),
        )
        if changed:
            messages.success(
                request,
                _("The new target is in force from %(date)s. Earlier periods keep their target.")
                % {"date": changed.valid_from.isoformat()},
            )
            return redirect(
                "workspace:standards:standard_detail", organisation_pk=standard.organisation_id, pk=standard.pk
            )
    return render(
        request, "standards/standard_target.html", {"form": form, "standard": standard, "current_target": current}
    )
