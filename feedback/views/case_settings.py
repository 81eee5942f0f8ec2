"""The head of organisation's case settings: conduct delegates, case deadlines and closure days."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.forms import run_service
from organisations.models import User

from ..access import get_head_organisation_for_user
from ..forms.cases import ClosureDayForm, DeadlineForm, DelegateForm
from ..models import CaseCategory, CaseDeadline, ClosureDay, ConductDelegate
from ..services import case_settings as services
from ..working_days import DEFAULT_ACKNOWLEDGE_DAYS, DEFAULT_RESOLVE_DAYS


def _members(organisation):
    return User.objects.filter(memberships__organisation=organisation, is_active=True).distinct().order_by("email")


@login_required
def conduct_delegates(request, organisation_pk):
    organisation = get_head_organisation_for_user(request, organisation_pk)
    form = DelegateForm(request.POST or None, members=_members(organisation))
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            services.conduct_delegate_add,
            actor=request.user,
            organisation=organisation,
            user=form.cleaned_data["user"],
        )
    ):
        messages.success(request, _("Delegate added."))
        return redirect("workspace:feedback:conduct_delegates", organisation_pk=organisation.pk)
    delegates = ConductDelegate.objects.filter(organisation=organisation).select_related("user").order_by("user__email")
    return render(
        request, "feedback/conduct_delegates.html", {"organisation": organisation, "form": form, "delegates": delegates}
    )


@login_required
@require_POST
def conduct_delegate_remove(request, organisation_pk, pk):
    organisation = get_head_organisation_for_user(request, organisation_pk)
    delegate = get_object_or_404(ConductDelegate, pk=pk, organisation=organisation)
    services.conduct_delegate_remove(actor=request.user, delegate=delegate)
    messages.success(request, _("Delegate removed."))
    return redirect("workspace:feedback:conduct_delegates", organisation_pk=organisation.pk)


def _settings_context(organisation, deadline_form=None, closure_form=None):
    rows = {row.category: row for row in CaseDeadline.objects.filter(organisation=organisation)}
    deadlines = [
        {
            "category": label,
            "acknowledge_days": rows[value].acknowledge_days if value in rows else DEFAULT_ACKNOWLEDGE_DAYS,
            "resolve_days": rows[value].resolve_days if value in rows else DEFAULT_RESOLVE_DAYS,
        }
        for value, label in CaseCategory.choices
    ]
    return {
        "organisation": organisation,
        "deadlines": deadlines,
        "closure_days": ClosureDay.objects.filter(organisation=organisation).order_by("day"),
        "deadline_form": deadline_form or DeadlineForm(prefix="deadline"),
        "closure_form": closure_form or ClosureDayForm(prefix="closure"),
    }


@login_required
def case_settings(request, organisation_pk):
    """Deadlines per category and closure days; POST with `deadline-*` or `closure-*` fields."""
    organisation = get_head_organisation_for_user(request, organisation_pk)
    deadline_form = closure_form = None
    if request.method == "POST":
        if "closure-day" in request.POST:
            closure_form = ClosureDayForm(request.POST, prefix="closure")
            if closure_form.is_valid() and run_service(
                closure_form,
                services.closure_day_add,
                actor=request.user,
                organisation=organisation,
                **closure_form.cleaned_data,
            ):
                messages.success(request, _("Closure day added."))
                return redirect("workspace:feedback:case_settings", organisation_pk=organisation.pk)
        else:
            deadline_form = DeadlineForm(request.POST, prefix="deadline")
            if deadline_form.is_valid() and run_service(
                deadline_form,
                services.case_deadline_set,
                actor=request.user,
                organisation=organisation,
                **deadline_form.cleaned_data,
            ):
                messages.success(request, _("Deadlines saved. They apply to cases received from now on."))
                return redirect("workspace:feedback:case_settings", organisation_pk=organisation.pk)
    return render(request, "feedback/case_settings.html", _settings_context(organisation, deadline_form, closure_form))


@login_required
@require_POST
def closure_day_remove(request, organisation_pk, pk):
    organisation = get_head_organisation_for_user(request, organisation_pk)
    closure = get_object_or_404(ClosureDay, pk=pk, organisation=organisation)
    services.closure_day_remove(actor=request.user, closure=closure)
    messages.success(request, _("Closure day removed."))
    return redirect("workspace:feedback:case_settings", organisation_pk=organisation.pk)
