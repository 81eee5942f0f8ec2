"""Action plans: starting a plan or a new version, its actions, and progress on a published plan.

The life cycle (sign off, submit, review, publish) is `services/lifecycle.py`; these services change
the text of an editable plan (optimistic `edit_version` checks, so a stale save is refused and
nothing is lost) and add progress updates (append-only) once it is published. All are audited.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.errors import ServiceError
from organisations import roles
from organisations.access import user_can
from organisations.audit import audit_record
from organisations.models import Organisation
from standards.models import ServiceStandard

from ..models import ActionPlan, ActionProgress, DocumentState, PlanAction, ProgressStatus
from .lifecycle import check_editable, lock

ACTION_FIELDS = ("principle", "objective", "action", "owner", "target_date", "indicator")
STALE = gettext_lazy(
    "Someone else changed this action while you were editing it. Your text is kept below: check the "
    "current version and save again."
)


def _require(actor, permission, organisation):
    if not user_can(actor, permission, organisation):
        raise ServiceError(_("You may not change the action plan of %(name)s.") % {"name": organisation})


def _audit(actor, verb, target, organisation, before=None, after=None):
    audit_record(
        actor=actor, verb=f"action_plan.{verb}", target=target, organisation=organisation, before=before, after=after
    )


def _refuse_second_open(organisation):
    if ActionPlan.objects.filter(organisation=organisation, state__in=DocumentState.OPEN_STATES).exists():
        raise ServiceError(
            _("%(name)s already has a plan being prepared: finish or publish it first.") % {"name": organisation}
        )


def _next_number(organisation):
    return (ActionPlan.objects.filter(organisation=organisation).aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def plan_start(*, actor, organisation, starts_on, ends_on):
    """A new, empty draft plan (one open version at a time per organisation)."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    _require(actor, roles.MANAGE_CHARTER, organisation)
    if ends_on <= starts_on:
        raise ServiceError(_("The plan must end after it starts."), field="ends_on")
    _refuse_second_open(organisation)
    plan = ActionPlan.objects.create(
        organisation=organisation,
        number=_next_number(organisation),
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=actor,
    )
    _audit(
        actor,
        "start",
        plan,
        organisation,
        after={"version": plan.number, "starts_on": str(starts_on), "ends_on": str(ends_on)},
    )
    return plan


@transaction.atomic
def plan_new_version(*, actor, plan):
    """A draft copy of a published plan: its dates and actions (each remembers the action it carries on)."""
    organisation = Organisation.objects.select_for_update().get(pk=plan.organisation_id)
    _require(actor, roles.MANAGE_CHARTER, organisation)
    plan = lock(plan)
    if plan.state != DocumentState.PUBLISHED:
        raise ServiceError(_("Only the published plan can be copied into a new version."))
    _refuse_second_open(organisation)
    copy = ActionPlan.objects.create(
        organisation=organisation,
        number=_next_number(organisation),
        based_on=plan,
        starts_on=plan.starts_on,
        ends_on=plan.ends_on,
        created_by=actor,
    )
    for action in plan.actions.prefetch_related("standards"):
        standards = list(action.standards.all())
        new = PlanAction.objects.create(
            plan=copy,
            position=action.position,
            carried_from=action,
            **{name: getattr(action, name) for name in ACTION_FIELDS},
        )
        new.standards.set(standards)
    _audit(actor, "new_version", copy, organisation, after={"version": copy.number, "based_on": plan.number})
    return copy


def _standards(organisation, standard_ids):
    ids = set()
    for value in standard_ids or ():
        try:
            ids.add(int(value))
        except (TypeError, ValueError):
            raise ServiceError(
                _("That service standard is not one of this organisation's."), field="standards"
            ) from None
    standards = list(ServiceStandard.objects.filter(organisation=organisation, pk__in=ids))
    if len(standards) != len(ids):
        raise ServiceError(_("That service standard is not one of this organisation's."), field="standards")
    return standards


def _action(plan, action_id):
    try:
        return PlanAction.objects.select_for_update().get(plan=plan, pk=int(action_id))
    except (TypeError, ValueError, PlanAction.DoesNotExist):
        raise ServiceError(_("That action is not part of this plan.")) from None


def _snapshot(action):
    return {name: str(getattr(action, name)) for name in ACTION_FIELDS}


@transaction.atomic
def action_save(*, actor, plan, fields, standard_ids=(), action_id=None, edit_version=None):
    """Add an action (no ``action_id``) or change one; a change must name the version the editor started from."""
    plan = lock(plan)
    _require(actor, roles.MANAGE_CHARTER, plan.organisation)
    check_editable(plan)
    standards = _standards(plan.organisation, standard_ids)
    if action_id is None:
        position = (plan.actions.filter(principle=fields["principle"]).aggregate(n=Max("position"))["n"] or 0) + 1
        action = PlanAction.objects.create(
            plan=plan, position=position, **{name: fields[name] for name in ACTION_FIELDS}
        )
        before, verb = None, "action_add"
    else:
        action = _action(plan, action_id)
        if edit_version is None or int(edit_version) != action.edit_version:
            raise ServiceError(str(STALE))
        before, verb = _snapshot(action), "action_edit"
        if fields["principle"] != action.principle:
            action.position = (
                plan.actions.filter(principle=fields["principle"]).aggregate(n=Max("position"))["n"] or 0
            ) + 1
        for name in ACTION_FIELDS:
            setattr(action, name, fields[name])
        action.edit_version += 1
        action.save()
    action.standards.set(standards)
    plan.edit_version += 1
    plan.save(update_fields=["edit_version"])
    _audit(
        actor,
        verb,
        action,
        plan.organisation,
        before=before,
        after={**_snapshot(action), "standards": sorted(s.pk for s in standards), "plan": plan.pk},
    )
    return action


@transaction.atomic
def action_delete(*, actor, plan, action_id, edit_version):
    plan = lock(plan)
    _require(actor, roles.MANAGE_CHARTER, plan.organisation)
    check_editable(plan)
    action = _action(plan, action_id)
    if edit_version is None or int(edit_version) != action.edit_version:
        raise ServiceError(str(STALE))
    _audit(actor, "action_delete", action, plan.organisation, before={**_snapshot(action), "plan": plan.pk})
    action.delete()
    plan.edit_version += 1
    plan.save(update_fields=["edit_version"])


@transaction.atomic
def progress_add(*, actor, plan, action_id, status, reported_on, note=""):
    """A dated progress update on an action of the published plan (never edited afterwards)."""
    plan = lock(plan)
    organisation = plan.organisation
    if not (
        user_can(actor, roles.MANAGE_CHARTER, organisation) or user_can(actor, roles.APPROVE_SUBMISSIONS, organisation)
    ):
        raise ServiceError(_("You may not report progress on the plan of %(name)s.") % {"name": organisation})
    if plan.state != DocumentState.PUBLISHED:
        raise ServiceError(_("Progress is reported on the published plan only."))
    action = _action(plan, action_id)
    if status not in ProgressStatus.values:
        raise ServiceError(_("Choose a status."), field="status")
    if reported_on > timezone.localdate():
        raise ServiceError(_("The date of an update cannot be in the future."), field="reported_on")
    if reported_on < plan.starts_on:
        raise ServiceError(_("The date of an update cannot be before the plan starts."), field="reported_on")
    update = ActionProgress.objects.create(
        action=action, status=status, note=(note or "").strip(), reported_on=reported_on, created_by=actor
    )
    _audit(
        actor,
        "progress",
        update,
        organisation,
        after={"action": action.pk, "status": status, "reported_on": str(reported_on)},
    )
    return update
