"""Changes to organisations and memberships. Each is atomic and audited."""

from django.db import transaction
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm

from common.errors import ServiceError
from common.sessions import sessions_end_without_role
from training.services.assignments import assignments_on_joining

from .access import may_review
from .audit import audit_record, snapshot
from .models import EvaluatorAssignment, Membership, Organisation, OrganisationUserObjectPermission, User
from .roles import CentralRole, OrganisationRole, permissions_for_roles
from .tasks import send_invitation

ORGANISATION_FIELDS = ["name", "short_name", "sector", "parent", "website", "email", "phone", "is_active"]
# Audited too, but not columns of the organisations import (see resources.py).
AUDITED_FIELDS = [*ORGANISATION_FIELDS, "financial_year_start_month", "financial_year_label_style"]


def member_permissions_sync(*, user: User, organisation: Organisation) -> None:
    """Make the user's object permissions on the organisation match their current roles."""
    current_roles = Membership.objects.filter(user=user, organisation=organisation).values_list("role", flat=True)
    assigned = EvaluatorAssignment.objects.filter(evaluator=user, organisation=organisation).exists()
    wanted = permissions_for_roles(current_roles, assigned_evaluator=assigned)
    OrganisationUserObjectPermission.objects.filter(user=user, content_object=organisation).exclude(
        permission__codename__in=wanted
    ).delete()
    held = set(
        OrganisationUserObjectPermission.objects.filter(user=user, content_object=organisation).values_list(
            "permission__codename", flat=True
        )
    )
    for codename in sorted(wanted - held):
        assign_perm(f"organisations.{codename}", user, organisation)
    user.__dict__.pop("_organisation_permissions", None)
    user.__dict__.pop("_member_of", None)


@transaction.atomic
def organisation_create(*, actor: User, **fields) -> Organisation:
    _check_parent(None, fields.get("parent"))
    organisation = Organisation.objects.create(**fields)
    audit_record(
        actor=actor,
        verb="organisation.create",
        target=organisation,
        organisation=organisation,
        after=snapshot(organisation, AUDITED_FIELDS),
    )
    return organisation


@transaction.atomic
def organisation_update(*, actor: User, organisation: Organisation, **fields) -> Organisation:
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    _check_parent(organisation, fields.get("parent"))
    before = snapshot(organisation, AUDITED_FIELDS)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.save()
    after = snapshot(organisation, AUDITED_FIELDS)
    if before != after:
        audit_record(
            actor=actor,
            verb="organisation.update",
            target=organisation,
            organisation=organisation,
            before=before,
            after=after,
        )
    return organisation


def _check_parent(organisation, parent):
    ancestor = parent
    while ancestor is not None and organisation is not None:
        if ancestor.pk == organisation.pk:
            raise ServiceError(_("An organisation cannot be its own parent body."), field="parent")
        ancestor = ancestor.parent


@transaction.atomic
def member_add(
    *, actor: User, organisation: Organisation, email: str, role: str, first_name: str = "", last_name: str = ""
) -> Membership:
    """Give a person a role in an organisation, creating and inviting them if they are new."""
    role = _valid_role(role)
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(email=email, first_name=first_name, last_name=last_name)
    elif Membership.objects.filter(user=user, organisation=organisation, role=role).exists():
        raise ServiceError(
            _("%(email)s already has the role %(role)s in %(organisation)s.")
            % {"email": email, "role": role.label, "organisation": organisation},
            field="email",
        )
    membership = Membership.objects.create(user=user, organisation=organisation, role=role, invited_by=actor)
    member_permissions_sync(user=user, organisation=organisation)
    assignments_on_joining(membership=membership, actor=actor)  # the training rules for new members
    audit_record(
        actor=actor,
        verb="membership.add",
        target=membership,
        organisation=organisation,
        after={"user": user.email, "role": role.value, "new_account": created},
    )
    transaction.on_commit(lambda: send_invitation.delay(membership.pk, created))
    return membership


@transaction.atomic
def membership_change_role(*, actor: User, membership: Membership, role: str) -> Membership:
    role = _valid_role(role)
    membership = Membership.objects.select_for_update().select_related("user", "organisation").get(pk=membership.pk)
    if membership.role == role:
        return membership
    duplicate = Membership.objects.filter(user=membership.user, organisation=membership.organisation, role=role)
    if duplicate.exists():
        raise ServiceError(
            _("%(email)s already has the role %(role)s here.") % {"email": membership.user.email, "role": role.label},
            field="role",
        )
    before = {"user": membership.user.email, "role": membership.role}
    membership.role = role
    membership.save(update_fields=["role"])
    member_permissions_sync(user=membership.user, organisation=membership.organisation)
    assignments_on_joining(membership=membership, actor=actor)  # a new role is joining that role's rules
    audit_record(
        actor=actor,
        verb="membership.change_role",
        target=membership,
        organisation=membership.organisation,
        before=before,
        after={"user": membership.user.email, "role": role.value},
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership) -> None:
    membership = Membership.objects.select_for_update().select_related("user", "organisation").get(pk=membership.pk)
    before = {"user": membership.user.email, "role": membership.role}
    audit_record(
        actor=actor,
        verb="membership.remove",
        target=membership,
        organisation=membership.organisation,
        before=before,
    )
    membership.delete()
    member_permissions_sync(user=membership.user, organisation=membership.organisation)
    sessions_end_without_role(user=membership.user)


def _valid_role(role):
    try:
        return OrganisationRole(role)
    except ValueError:
        raise ServiceError(_("Unknown role: %(role)s.") % {"role": role}, field="role") from None


@transaction.atomic
def evaluator_assign(*, actor: User, organisation: Organisation, evaluator: User) -> EvaluatorAssignment:
    """Assign an evaluator to review an organisation's work (never one of its own members)."""
    if not evaluator.is_evaluator:
        raise ServiceError(_("%(email)s is not an evaluator.") % {"email": evaluator.email}, field="evaluator")
    if not may_review(evaluator, organisation):
        raise ServiceError(
            _("%(email)s belongs to %(organisation)s, so they cannot review it.")
            % {"email": evaluator.email, "organisation": organisation},
            field="evaluator",
        )
    assignment, created = EvaluatorAssignment.objects.get_or_create(
        evaluator=evaluator, organisation=organisation, defaults={"assigned_by": actor}
    )
    if not created:
        raise ServiceError(
            _("%(email)s is already assigned to %(organisation)s.")
            % {"email": evaluator.email, "organisation": organisation},
            field="evaluator",
        )
    member_permissions_sync(user=evaluator, organisation=organisation)
    audit_record(
        actor=actor,
        verb="evaluator.assign",
        target=assignment,
        organisation=organisation,
        after={"evaluator": evaluator.email},
    )
    return assignment


@transaction.atomic
def evaluator_unassign(*, actor: User, assignment: EvaluatorAssignment) -> None:
    organisation, evaluator = assignment.organisation, assignment.evaluator
    audit_record(
        actor=actor,
        verb="evaluator.unassign",
        target=assignment,
        organisation=organisation,
        before={"evaluator": evaluator.email},
    )
    assignment.delete()
    member_permissions_sync(user=evaluator, organisation=organisation)


def evaluators(*, organisation):
    """People who may be assigned to review the organisation: evaluators who do not belong to it."""
    return (
        User.objects.filter(is_active=True, groups__name__in=[CentralRole.EVALUATOR, CentralRole.LEAD_EVALUATOR])
        .exclude(memberships__organisation=organisation)
        .distinct()
    )
