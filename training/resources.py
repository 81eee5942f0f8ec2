"""Spreadsheets for training: the HR staff list import and the completions export for HR.

The staff list comes from an HR system's export: one row per person and organisation role (columns email,
first_name, last_name, role; headers in any case, "First name" works). Each row goes through the
organisations services (`member_add`), so the person gets their permissions, an invitation and an audit
event, and the training rules for new members assign their modules. A person who already holds the role is
left unchanged, so the same HR list can be imported again. Heads may give the roles that HR lists hold
(staff member, complaints officer); administrators, who manage members, may give any role.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from common.reference_resources import ChoiceWidget
from organisations import roles
from organisations.access import user_can
from organisations.models import Membership
from organisations.resources import MEMBER_COLUMNS, MembershipResource
from organisations.roles import OrganisationRole

from .models import Completion

HEAD_IMPORT_ROLES = [OrganisationRole.STAFF, OrganisationRole.COMPLAINTS_OFFICER]


def staff_import_roles(user, organisation):
    """The roles the user may give through the staff list import."""
    if user_can(user, roles.MANAGE_MEMBERS, organisation):
        return list(OrganisationRole)
    return HEAD_IMPORT_ROLES


class StaffResource(MembershipResource):
    """An HR staff list: new people and new roles are added; roles people already hold are unchanged."""

    class Meta(MembershipResource.Meta):
        report_skipped = True

    def __init__(self, *, organisation, actor):
        super().__init__(organisation=organisation, actor=actor)
        allowed = staff_import_roles(actor, organisation)
        self.fields["role"] = fields.Field(
            attribute="role", column_name="role", widget=ChoiceWidget([(role.value, role.label) for role in allowed])
        )
        self.held = {
            (email.lower(), role)
            for email, role in Membership.objects.filter(organisation=organisation).values_list("user__email", "role")
        }
        self.seen = set()

    def required_columns(self):
        return list(MEMBER_COLUMNS)

    def before_import_row(self, row, **kwargs):
        key = (str(row.get("email") or "").strip().lower(), str(row.get("role") or "").strip().lower())
        if key[0] and key in self.seen:
            raise ValidationError({"email": [_("This person and role appear on an earlier row of the file.")]})
        self.seen.add(key)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors:
            return False
        return ((getattr(instance, "email", "") or "").strip().lower(), instance.role) in self.held


def _roles_by_user(organisation):
    """Each member's roles in the organisation, as one text (one query)."""
    labels = dict(OrganisationRole.choices)
    held = {}
    for user_id, role in (
        Membership.objects.filter(organisation=organisation).order_by("role").values_list("user_id", "role")
    ):
        held.setdefault(user_id, []).append(str(labels.get(role, role)))
    return {user_id: ", ".join(names) for user_id, names in held.items()}


class CompletionResource(resources.ModelResource):
    """An organisation's completions for HR, export only (the download makes every cell formula-safe)."""

    person = fields.Field(column_name="person")
    email = fields.Field(attribute="user__email", column_name="email")
    role = fields.Field(column_name="role")
    module = fields.Field(attribute="version__title", column_name="module")
    version = fields.Field(attribute="version_number", column_name="version")
    completed = fields.Field(
        attribute="completed_at", column_name="completed", widget=widgets.DateTimeWidget("%Y-%m-%d %H:%M")
    )
    expires = fields.Field(attribute="expires_on", column_name="expires", widget=widgets.DateWidget("%Y-%m-%d"))
    certificate = fields.Field(attribute="certificate__code", column_name="certificate_code")

    class Meta:
        model = Completion
        fields = ["person", "email", "role", "module", "version", "completed", "expires", "certificate"]
        export_order = fields

    def __init__(self, *, organisation):
        super().__init__()
        self.organisation = organisation
        self.roles = None

    def export_rows(self):
        return (
            Completion.objects.filter(organisation=self.organisation)
            .select_related("user", "version", "certificate")
            .order_by("user__last_name", "user__first_name", "user__email", "completed_at", "pk")
        )

    def dehydrate_person(self, completion):
        return completion.user.get_full_name()

    def dehydrate_role(self, completion):
        if self.roles is None:
            self.roles = _roles_by_user(self.organisation)
        return self.roles.get(completion.user_id, _("no longer a member"))
