"""Action-plan work for "My work" (organisations/todo.py): overdue and at-risk actions; registered in apps.ready()."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations import roles
from organisations.models import Organisation
from organisations.todo import TodoItem

from . import progress
from .checklists import section_anchor
from .models import DocumentState, PlanAction, ProgressStatus, SectionKind

# --- plan: overdue and at-risk actions of the published plan, for the head of organisation -------------


def headed_organisations(user):
    """Organisations whose plan is this person's to watch: those they sign off for, through their membership."""
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=roles.roles_granting(roles.APPROVE_SUBMISSIONS)
    )


def flagged_plan_actions(organisations, today):
    """Overdue or at-risk actions of the organisations' published plans (one query)."""
    actions = PlanAction.objects.filter(plan__state=DocumentState.PUBLISHED, plan__organisation__in=organisations)
    return (
        progress.flagged(actions, today)
        .select_related("plan__organisation")
        .order_by("plan__organisation__name", "target_date", "pk")
    )


def action_url(action):
    path = reverse(
        "workspace:action_plans:plan_detail",
        kwargs={"organisation_pk": action.plan.organisation_id, "pk": action.plan_id},
    )
    return f"{path}#{section_anchor(SectionKind.PRINCIPLE, action.principle)}"


def action_kind(action, today):
    """ "Overdue action" when its target date has passed undone, else "Action at risk"."""
    if progress.is_overdue(action.target_date, action.latest_status or "", today):
        return _("Overdue action")
    return _("Action at risk") if action.latest_status == ProgressStatus.AT_RISK else _("Late action")


def plan_actions_to_watch(user):
    today = timezone.localdate()
    return [
        TodoItem(
            kind=action_kind(action, today),
            title=action.objective,
            organisation=action.plan.organisation.name,
            due=action.target_date,
            url=action_url(action),
        )
        for action in flagged_plan_actions(headed_organisations(user), today)
    ]


def register_plan_sources(register):
    register(plan_actions_to_watch)
