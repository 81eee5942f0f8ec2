"""Adding, changing and removing a plan's actions, and reporting progress on the published plan.

An action is addressed as ``organisations/<organisation>/plan-actions/<action>/``: an id of another
organisation's action gives 404, and the services look the action up again inside its locked plan.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.errors import ServiceError
from common.forms import run_service
from common.principles import Principle
from organisations import roles
from organisations.access import organisation_permissions
from standards.models import ServiceStandard

from ..access import get_plan_action_for_user, get_plan_for_user
from ..checklists import section_anchor
from ..forms.plans import ActionDeleteForm, ActionForm, ProgressForm
from ..models import DocumentState, SectionKind
from ..services import plans as services
from ..services.lifecycle import state_message
from .plans import plan_url


def _editable_or_back(request, plan):
    if plan.is_editable:
        return None
    messages.error(request, state_message(plan))
    return plan_url(plan)


def _anchored(plan, principle):
    response = plan_url(plan)
    response["Location"] += "#" + section_anchor(SectionKind.PRINCIPLE, principle)
    return response


def _action_page(request, plan, form, action=None):
    return render(
        request,
        "action_plans/plan/action_form.html",
        {"organisation": plan.organisation, "plan": plan, "form": form, "plan_action": action},
    )


def _save(request, plan, form, action=None):
    data = form.cleaned_data
    saved = run_service(
        form,
        services.action_save,
        actor=request.user,
        plan=plan,
        fields={name: data[name] for name in services.ACTION_FIELDS},
        standard_ids=data["standards"],
        action_id=action.pk if action else None,
        edit_version=data.get("edit_version"),
    )
    if saved:
        messages.success(request, _("Action saved."))
        return _anchored(plan, saved.principle)
    return None


@login_required
def action_add(request, organisation_pk, pk):
    plan = get_plan_for_user(request, organisation_pk, pk, roles.MANAGE_CHARTER)
    back = _editable_or_back(request, plan)
    if back:
        return back
    standards = ServiceStandard.objects.filter(organisation=plan.organisation).order_by("code")
    principle = request.GET.get("principle")
    initial = {"principle": principle} if principle in Principle.values else {}
    form = ActionForm(request.POST if request.method == "POST" else None, standards=standards, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = _save(request, plan, form)
        if done:
            return done
    return _action_page(request, plan, form)


@login_required
def action_edit(request, organisation_pk, pk):
    action = get_plan_action_for_user(request, organisation_pk, pk, roles.MANAGE_CHARTER)
    plan = action.plan
    back = _editable_or_back(request, plan)
    if back:
        return back
    standards = ServiceStandard.objects.filter(organisation=plan.organisation).order_by("code")
    form = ActionForm(
        request.POST if request.method == "POST" else None, standards=standards, initial=ActionForm.initial_for(action)
    )
    if request.method == "POST" and form.is_valid():
        done = _save(request, plan, form, action)
        if done:
            return done
    return _action_page(request, plan, form, action)


@login_required
@require_POST
def action_delete(request, organisation_pk, pk):
    action = get_plan_action_for_user(request, organisation_pk, pk, roles.MANAGE_CHARTER)
    plan = action.plan
    form = ActionDeleteForm(request.POST)
    try:
        if not form.is_valid():
            raise ServiceError(_("That action could not be removed: reload the page and try again."))
        services.action_delete(
            actor=request.user,
            plan=plan,
            action_id=action.pk,
            edit_version=form.cleaned_data["edit_version"],
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Action removed."))
    return plan_url(plan)


@login_required
def progress_add(request, organisation_pk, pk):
    """A progress update on one action of the published plan (representative and head of organisation)."""
    action = get_plan_action_for_user(request, organisation_pk, pk)
    plan = action.plan
    if not {roles.MANAGE_CHARTER, roles.APPROVE_SUBMISSIONS} & organisation_permissions(
        request.user, plan.organisation
    ):
        raise PermissionDenied
    if plan.state != DocumentState.PUBLISHED:
        messages.error(request, _("Progress is reported on the published plan only."))
        return plan_url(plan)
    form = ProgressForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        update = run_service(
            form,
            services.progress_add,
            actor=request.user,
            plan=plan,
            action_id=action.pk,
            status=form.cleaned_data["status"],
            reported_on=form.cleaned_data["reported_on"],
            note=form.cleaned_data["note"],
        )
        if update:
            messages.success(request, _("Progress update added."))
            return _anchored(plan, action.principle)
    history = action.progress.select_related("created_by").order_by("-reported_on", "-pk")
    return render(
        request,
        "action_plans/plan/progress_form.html",
        {"organisation": plan.organisation, "plan": plan, "plan_action": action, "form": form, "history": history},
    )
