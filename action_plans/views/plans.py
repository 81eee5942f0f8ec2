"""Action plans: the versions of an organisation's plan, starting one, and the plan page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.errors import ServiceError
from common.forms import run_service
from common.principles import Principle
from organisations import roles
from organisations.access import get_organisation_for_user, organisation_permissions

from .. import progress
from ..access import get_plan_for_user, plans_for_user
from ..checklists import plan_missing, section_anchor
from ..forms.plans import PlanStartForm
from ..lifecycle import DocumentFlow
from ..models import ActionPlan, DocumentState, SectionKind
from ..services import plans as services
from ..services.lifecycle import state_message

TRANSITIONS = ("sign_off", "reopen", "submit", "request_changes", "approve", "publish")


def plan_url(plan):
    return redirect("workspace:action_plans:plan_detail", organisation_pk=plan.organisation_id, pk=plan.pk)


@login_required
@require_GET
def plan_list(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk)
    plans = plans_for_user(request.user, organisation).order_by("-number")
    granted = organisation_permissions(request.user, organisation)
    has_open = ActionPlan.objects.filter(organisation=organisation, state__in=DocumentState.OPEN_STATES).exists()
    return render(
        request,
        "action_plans/plan/plan_list.html",
        {
            "organisation": organisation,
            "plans": plans,
            "can_start": roles.MANAGE_CHARTER in granted and not has_open,
            "has_open": has_open,
        },
    )


@login_required
def plan_start(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_CHARTER)
    form = PlanStartForm(
        request.POST if request.method == "POST" else None,
        initial={"starts_on": timezone.localdate().replace(month=1, day=1)},
    )
    if request.method == "POST" and form.is_valid():
        plan = run_service(
            form,
            services.plan_start,
            actor=request.user,
            organisation=organisation,
            starts_on=form.cleaned_data["starts_on"],
            ends_on=form.cleaned_data["ends_on"],
        )
        if plan:
            messages.success(request, _("Action plan version %(number)s started.") % {"number": plan.number})
            return plan_url(plan)
    return render(request, "action_plans/plan/plan_start.html", {"organisation": organisation, "form": form})


@login_required
@require_POST
def plan_new_version(request, organisation_pk, pk):
    plan = get_plan_for_user(request, organisation_pk, pk, roles.MANAGE_CHARTER)
    try:
        copy = services.plan_new_version(actor=request.user, plan=plan)
    except ServiceError as error:
        messages.error(request, error.message)
        return plan_url(plan)
    messages.success(
        request, _("Version %(number)s started as a copy of the published plan.") % {"number": copy.number}
    )
    return plan_url(copy)


def available_transitions(plan, user):
    flow = DocumentFlow(plan)
    names = set()
    for name in TRANSITIONS:
        transition = getattr(flow, name)
        if transition.can_proceed() and transition.has_perm(user):
            names.add(name)
    return names


def principle_blocks(plan, actions, comments):
    today = timezone.localdate()
    by_principle = {principle.value: [] for principle in Principle}
    for action in actions:
        updates = list(action.progress.all())
        latest = progress.latest_update(updates)
        status = latest.status if latest else ""
        action.latest = latest
        action.history = sorted(updates, key=lambda u: (u.reported_on, u.pk), reverse=True)
        action.overdue = progress.is_overdue(action.target_date, status, today)
        action.at_risk = progress.is_at_risk(status)
        by_principle[action.principle].append(action)
    comments_by = {}
    for comment in comments:
        comments_by.setdefault(comment.principle, []).append(comment)
    return [
        {
            "principle": principle,
            "anchor": section_anchor(SectionKind.PRINCIPLE, principle.value),
            "actions": by_principle[principle.value],
            "comments": comments_by.get(principle.value, []),
        }
        for principle in Principle
    ], comments_by.get("", [])


@login_required
@require_GET
def plan_detail(request, organisation_pk, pk):
    plan = get_plan_for_user(request, organisation_pk, pk)
    granted = organisation_permissions(request.user, plan.organisation)
    actions = plan.actions.prefetch_related("standards", "progress", "consultations").order_by("principle", "position")
    comments = plan.review_comments.select_related("author")
    blocks, general_comments = principle_blocks(plan, actions, comments)
    is_published = plan.state == DocumentState.PUBLISHED
    can_manage = roles.MANAGE_CHARTER in granted
    has_open = ActionPlan.objects.filter(organisation=plan.organisation, state__in=DocumentState.OPEN_STATES).exists()
    years = list(range(plan.starts_on.year, min(plan.ends_on.year, timezone.localdate().year) + 1))
    return render(
        request,
        "action_plans/plan/plan_detail.html",
        {
            "organisation": plan.organisation,
            "plan": plan,
            "blocks": blocks,
            "general_comments": general_comments,
            "state_message": state_message(plan),
            "missing": plan_missing(plan) if plan.is_editable else [],
            "can_edit": can_manage and plan.is_editable,
            "can_progress": is_published and bool({roles.MANAGE_CHARTER, roles.APPROVE_SUBMISSIONS} & granted),
            "can_new_version": can_manage and is_published and not has_open,
            "transitions": available_transitions(plan, request.user),
            "report_years": years if plan.state in (DocumentState.PUBLISHED, DocumentState.SUPERSEDED) else [],
        },
    )
