"""Who must take which module: assignment rules and individual assignments.

Decisions (see docs/decisions.md, "Training assignment rules"):
- A rule assigns a module (the organisation's own, or a shared module it adopted, with a published version)
  to every member holding a role, or to every member. Creating it assigns the module at once, set-based, to
  the current members who have no live assignment of it; with ``applies_to_new_members`` the organisations
  services call ``assignments_on_joining`` when someone is given a role later.
- Due dates: "N days after joining" gives existing members today + N days when the rule is created (their
  joining date is often years back) and new members their joining day + N. A fixed date is the same for
  everyone, but never earlier than the day a person joins.
- Deactivating a rule stops future assignments; the head chooses whether the open assignments it made are
  withdrawn too. An assignment is never deleted: withdrawing sets ``withdrawn_at``.
- One audit event per rule (with the number of people assigned), not one per assignment.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record, snapshot
from organisations.models import Membership, Organisation
from organisations.roles import OrganisationRole

from ..models import Assignment, AssignmentRule, DueKind, Module, VersionStatus

RULE_FIELDS = ["module", "role", "due_kind", "due_days", "due_date", "applies_to_new_members", "is_active"]
MAX_DUE_DAYS = 3650
BATCH = 1000


def assignable_modules(organisation: Organisation):
    """Modules a head may assign: the organisation's own and the shared ones it adopted, with a published version."""
    return (
        Module.objects.filter(
            Q(organisation=organisation) | Q(organisation__isnull=True, adoptions__organisation=organisation)
        )
        .filter(versions__status=VersionStatus.PUBLISHED)
        .distinct()
    )


def _check_module(organisation, module):
    if module is None or not assignable_modules(organisation).filter(pk=module.pk).exists():
        raise ServiceError(
            _("Choose one of your organisation's modules or an adopted shared module that is published."),
            field="module",
        )


def _check_due(*, due_kind, due_days, due_date, today):
    if due_kind == DueKind.AFTER_JOINING:
        if due_days is None or not 1 <= due_days <= MAX_DUE_DAYS:
            raise ServiceError(
                _("Give the number of days after joining, from 1 to %(max)s.") % {"max": MAX_DUE_DAYS},
                field="due_days",
            )
    elif due_kind == DueKind.FIXED:
        if due_date is None or due_date < today:
            raise ServiceError(_("Give a due date that is today or later."), field="due_date")
    else:
        raise ServiceError(_("Choose when the module is due."), field="due_kind")


def rule_due_date(rule: AssignmentRule, joined_on: datetime.date) -> datetime.date:
    """The due date a rule gives a person counted from a day (the day they joined, or today for existing members)."""
    if rule.due_kind == DueKind.AFTER_JOINING:
        return joined_on + datetime.timedelta(days=rule.due_days)
    return max(rule.due_date, joined_on)


def _assign_many(*, organisation, module, user_ids, due_date, rule=None, actor=None) -> int:
    """Live assignments for the people who have none of this module in this organisation; how many were made."""
    taken = set(
        Assignment.objects.filter(
            organisation=organisation, module=module, user_id__in=user_ids, withdrawn_at__isnull=True
        ).values_list("user_id", flat=True)
    )
    new = [
        Assignment(
            organisation=organisation, module=module, user_id=user_id, rule=rule, due_date=due_date, assigned_by=actor
        )
        for user_id in sorted(set(user_ids) - taken)
    ]
    # A concurrent assignment of the same person is left to the unique constraint (one live assignment).
    Assignment.objects.bulk_create(new, batch_size=BATCH, ignore_conflicts=True)
    return len(new)


@transaction.atomic
def rule_create(
    *,
    actor,
    organisation: Organisation,
    module: Module,
    role: str = "",
    due_kind: str = DueKind.AFTER_JOINING,
    due_days: int | None = None,
    due_date: datetime.date | None = None,
    applies_to_new_members: bool = True,
) -> AssignmentRule:
    """Create a rule and assign its module at once to the current members it covers."""
    today = timezone.localdate()
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)  # one rule change at a time
    _check_module(organisation, module)
    if role and role not in OrganisationRole.values:
        raise ServiceError(_("Unknown role: %(role)s.") % {"role": role}, field="role")
    _check_due(due_kind=due_kind, due_days=due_days, due_date=due_date, today=today)
    if AssignmentRule.objects.filter(organisation=organisation, module=module, role=role, is_active=True).exists():
        raise ServiceError(_("An active rule already assigns this module to these people."), field="module")
    rule = AssignmentRule.objects.create(
        organisation=organisation,
        module=module,
        role=role,
        due_kind=due_kind,
        due_days=due_days if due_kind == DueKind.AFTER_JOINING else None,
        due_date=due_date if due_kind == DueKind.FIXED else None,
        applies_to_new_members=applies_to_new_members,
        created_by=actor,
    )
    members = Membership.objects.filter(organisation=organisation, user__is_active=True)
    if role:
        members = members.filter(role=role)
    assigned = _assign_many(
        organisation=organisation,
        module=module,
        user_ids=list(members.values_list("user_id", flat=True).distinct()),
        due_date=rule_due_date(rule, today),
        rule=rule,
        actor=actor,
    )
    audit_record(
        actor=actor,
        verb="training.rule.create",
        target=rule,
        organisation=organisation,
        after={**snapshot(rule, RULE_FIELDS), "assigned": assigned},
    )
    rule.assigned_now = assigned
    return rule


@transaction.atomic
def rule_deactivate(*, actor, rule: AssignmentRule, withdraw_open: bool = False) -> int:
    """Stop a rule assigning its module; optionally withdraw its open assignments. Returns how many were withdrawn."""
    rule = AssignmentRule.objects.select_for_update().select_related("organisation").get(pk=rule.pk)
    if not rule.is_active:
        raise ServiceError(_("This rule is no longer active."))
    rule.is_active = False
    rule.save(update_fields=["is_active"])
    withdrawn = 0
    if withdraw_open:
        withdrawn = Assignment.objects.filter(rule=rule, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    audit_record(
        actor=actor,
        verb="training.rule.deactivate",
        target=rule,
        organisation=rule.organisation,
        before={"is_active": True},
        after={"is_active": False, "withdrawn": withdrawn},
    )
    return withdrawn


def assignments_on_joining(*, membership: Membership, actor) -> int:
    """Called by the organisations services when a person is given a role: the rules for new members assign.

    Cheap: one query for the rules, one for the person's live assignments, one insert.
    """
    rules = list(
        AssignmentRule.objects.filter(
            organisation_id=membership.organisation_id, is_active=True, applies_to_new_members=True
        )
        .filter(Q(role="") | Q(role=membership.role))
        .order_by("pk")
    )
    if not rules:
        return 0
    joined_on = timezone.localdate()
    live = set(
        Assignment.objects.filter(
            organisation_id=membership.organisation_id, user_id=membership.user_id, withdrawn_at__isnull=True
        ).values_list("module_id", flat=True)
    )
    new = []
    for rule in rules:
        if rule.module_id in live:
            continue
        live.add(rule.module_id)
        new.append(
            Assignment(
                organisation_id=membership.organisation_id,
                module_id=rule.module_id,
                user_id=membership.user_id,
                rule=rule,
                due_date=rule_due_date(rule, joined_on),
                assigned_by=actor,
            )
        )
    Assignment.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


@transaction.atomic
def assignment_create(
    *, actor, organisation: Organisation, user, module: Module, due_date: datetime.date
) -> Assignment:
    """Assign one module to one member of the organisation."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if user is None or not Membership.objects.filter(organisation=organisation, user=user).exists():
        raise ServiceError(_("Give the e-mail address of a member of the organisation."), field="email")
    _check_module(organisation, module)
    if due_date is None or due_date < timezone.localdate():
        raise ServiceError(_("Give a due date that is today or later."), field="due_date")
    current = Assignment.objects.filter(
        organisation=organisation, module=module, user=user, withdrawn_at__isnull=True
    ).first()
    if current:
        raise ServiceError(
            _("%(email)s already has this module to do by %(date)s.")
            % {"email": user.email, "date": current.due_date.isoformat()},
            field="module",
        )
    assignment = Assignment.objects.create(
        organisation=organisation, module=module, user=user, due_date=due_date, assigned_by=actor
    )
    audit_record(
        actor=actor,
        verb="training.assignment.create",
        target=assignment,
        organisation=organisation,
        after={"user": user.email, "module": module.code, "due_date": due_date.isoformat()},
    )
    return assignment


@transaction.atomic
def assignment_withdraw(*, actor, assignment: Assignment) -> Assignment:
    """Withdraw an assignment (it is kept, with the time it was withdrawn)."""
    assignment = Assignment.objects.select_for_update().select_related("user", "module").get(pk=assignment.pk)
    if assignment.withdrawn_at is not None:
        raise ServiceError(_("This assignment was already withdrawn."))
    assignment.withdrawn_at = timezone.now()
    assignment.save(update_fields=["withdrawn_at"])
    audit_record(
        actor=actor,
        verb="training.assignment.withdraw",
        target=assignment,
        organisation=assignment.organisation,
        before={"user": assignment.user.email, "module": assignment.module.code, "withdrawn_at": None},
        after={"withdrawn_at": assignment.withdrawn_at.isoformat()},
    )
    return assignment
