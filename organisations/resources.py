"""Organisations' reference data as spreadsheets: the directory, members and the audit log.

Imports write through the organisations services, so every change is audited and members
get their permissions and invitations as when an administrator adds them one by one.
"""

import json

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from common.errors import ServiceError
from common.reference_resources import CachedLoader, ChoiceWidget, KeyedRows, service_refusal

from .models import AuditEvent, Membership, Organisation, Sector
from .roles import OrganisationRole
from .services import ORGANISATION_FIELDS, member_add, organisation_create, organisation_update


class ParentWidget(widgets.Widget):
    """A parent body by its name or short name (any case), looked up in the resource's cache."""

    def __init__(self, resource):
        super().__init__()
        self.resource = resource

    def clean(self, value, row=None, **kwargs):
        if value is None or not str(value).strip():
            return None
        parent = self.resource.by_name_or_short_name().get(str(value).strip().lower())
        if parent is None:
            raise ValueError(_("No organisation is called “%(name)s”.") % {"name": value})
        return parent

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class OrganisationResource(KeyedRows, resources.ModelResource):
    """The organisation directory, matched by name (any case)."""

    key_column = "name"

    sector = fields.Field(attribute="sector", column_name="sector", widget=ChoiceWidget(Sector.choices))
    is_active = fields.Field(attribute="is_active", column_name="is_active", widget=widgets.BooleanWidget())

    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS
        export_order = ORGANISATION_FIELDS
        import_id_fields = ["name"]
        instance_loader_class = CachedLoader
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        skip_html_diff = True
        use_transactions = True

    def __init__(self, *, actor):
        super().__init__()
        self.actor = actor
        self.fields["parent"] = fields.Field(attribute="parent", column_name="parent", widget=ParentWidget(self))
        self.lookup = None

    def load_existing(self):
        return Organisation.objects.select_related("parent").order_by("name")

    def by_name_or_short_name(self):
        """Every organisation by lower-case name and short name, loaded once per import."""
        if self.lookup is None:
            self.lookup = {}
            for organisation in Organisation.objects.all():
                self.remember(organisation)
        return self.lookup

    def remember(self, organisation):
        if organisation.short_name:
            self.lookup.setdefault(organisation.short_name.lower(), organisation)
        self.lookup[organisation.name.lower()] = organisation

    def export_rows(self):
        return Organisation.objects.select_related("parent").order_by("name")

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        if instance.is_active is None:
            instance.is_active = True

    def save_instance(self, instance, is_create, row, **kwargs):
        values = {name: getattr(instance, name) for name in ORGANISATION_FIELDS}
        try:
            if is_create:
                created = organisation_create(actor=self.actor, **values)
                instance.pk = created.pk
                self.by_name_or_short_name()
                self.remember(created)
                return
            self.note_changes(instance, row, kwargs.get("row_number"))
            organisation_update(actor=self.actor, organisation=instance, **values)
        except ServiceError as error:
            raise service_refusal(error, ORGANISATION_FIELDS) from None


MEMBER_COLUMNS = ["email", "first_name", "last_name", "role"]


class MembershipResource(resources.ModelResource):
    """Members of one organisation and their roles. Each imported row is a new role for a person."""

    email = fields.Field(attribute="email", column_name="email")
    first_name = fields.Field(attribute="first_name", column_name="first_name")
    last_name = fields.Field(attribute="last_name", column_name="last_name")
    role = fields.Field(attribute="role", column_name="role", widget=ChoiceWidget(OrganisationRole.choices))

    class Meta:
        model = Membership
        fields = MEMBER_COLUMNS
        export_order = MEMBER_COLUMNS
        import_id_fields = ["email"]
        force_init_instance = True
        clean_model_instances = False
        report_skipped = True
        skip_html_diff = True
        use_transactions = True

    def __init__(self, *, organisation, actor):
        super().__init__()
        self.organisation = organisation
        self.actor = actor
        self.changed_fields = {}

    def export_rows(self):
        return (
            Membership.objects.filter(organisation=self.organisation)
            .select_related("user")
            .order_by("user__email", "role")
        )

    def dehydrate_email(self, membership):
        return membership.user.email

    def dehydrate_first_name(self, membership):
        return membership.user.first_name

    def dehydrate_last_name(self, membership):
        return membership.user.last_name

    def required_columns(self):
        return ["email", "role"]

    label_column = "email"

    def init_instance(self, row=None):
        return Membership(organisation=self.organisation)

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.column_name in row:
            super().import_field(field, instance, row, is_m2m, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        try:
            validate_email(getattr(instance, "email", "") or "")
        except ValidationError:
            errors.setdefault("email", ValidationError(_("Enter a valid e-mail address.")))
        if not instance.role and "role" not in errors:
            errors["role"] = ValidationError(_("Enter the role."))
        super().validate_instance(instance, errors, validate_unique)

    def save_instance(self, instance, is_create, row, **kwargs):
        try:
            membership = member_add(
                actor=self.actor,
                organisation=self.organisation,
                email=instance.email,
                role=instance.role,
                first_name=getattr(instance, "first_name", "") or "",
                last_name=getattr(instance, "last_name", "") or "",
            )
        except ServiceError as error:
            raise service_refusal(error, MEMBER_COLUMNS) from None
        instance.pk = membership.pk


class JSONWidget(widgets.Widget):
    def render(self, value, obj=None, **kwargs):
        return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


class AuditEventResource(resources.ModelResource):
    """An organisation's audit log, export only."""

    when = fields.Field(attribute="created_at", column_name="when", widget=widgets.DateTimeWidget("%Y-%m-%d %H:%M:%S"))
    who = fields.Field(attribute="actor_label", column_name="who")
    object = fields.Field(attribute="target_label", column_name="object")
    before = fields.Field(attribute="before", column_name="before", widget=JSONWidget())
    after = fields.Field(attribute="after", column_name="after", widget=JSONWidget())

    class Meta:
        model = AuditEvent
        fields = ["when", "who", "verb", "target_type", "target_id", "object", "before", "after"]
        export_order = fields
