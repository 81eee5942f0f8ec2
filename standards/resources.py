"""An organisation's standards library as a spreadsheet: export, edit, re-import with a preview.

Rows are matched to standards by code (any case). Every write goes through the standards
services, so each change is audited and every rule of a standard applies; a changed target
becomes a new target in force from today, so earlier periods keep theirs.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from common.errors import ServiceError
from common.principles import Principle
from common.reference_resources import CachedLoader, ChoiceWidget, DecimalWidget, KeyedRows, service_refusal

from .models import Channel, Frequency, Measure, ServiceStandard, StandardTarget, ThresholdUnit, YearBasis
from .services.definitions import (
    STANDARD_FIELDS,
    standard_create,
    standard_target_change,
    standard_update,
)

TARGET_COLUMNS = ["target", "higher_is_better", "tolerance"]


class StandardResource(KeyedRows, resources.ModelResource):
    key_column = "code"

    code = fields.Field(attribute="code", column_name="code")
    title = fields.Field(attribute="title", column_name="title")
    channel = fields.Field(attribute="channel", column_name="channel", widget=ChoiceWidget(Channel.choices))
    principle = fields.Field(attribute="principle", column_name="principle", widget=ChoiceWidget(Principle.choices))
    measure = fields.Field(attribute="measure", column_name="measure", widget=ChoiceWidget(Measure.choices))
    threshold = fields.Field(attribute="threshold", column_name="threshold", widget=DecimalWidget())
    threshold_unit = fields.Field(
        attribute="threshold_unit", column_name="threshold_unit", widget=ChoiceWidget(ThresholdUnit.choices)
    )
    frequency = fields.Field(attribute="frequency", column_name="frequency", widget=ChoiceWidget(Frequency.choices))
    year_basis = fields.Field(attribute="year_basis", column_name="year_basis", widget=ChoiceWidget(YearBasis.choices))
    applies_from = fields.Field(attribute="applies_from", column_name="applies_from", widget=widgets.DateWidget())
    applies_to = fields.Field(attribute="applies_to", column_name="applies_to", widget=widgets.DateWidget())
    target = fields.Field(attribute="target", column_name="target", widget=DecimalWidget())
    higher_is_better = fields.Field(
        attribute="higher_is_better", column_name="higher_is_better", widget=widgets.BooleanWidget()
    )
    tolerance = fields.Field(attribute="tolerance", column_name="tolerance", widget=DecimalWidget())

    class Meta:
        model = ServiceStandard
        fields = [*STANDARD_FIELDS, *TARGET_COLUMNS]
        export_order = fields
        import_id_fields = ["code"]
        instance_loader_class = CachedLoader
        skip_unchanged = True
        report_skipped = True
        skip_html_diff = True
        use_transactions = True

    def __init__(self, *, organisation, actor, today):
        super().__init__()
        self.organisation = organisation
        self.actor = actor
        self.today = today

    def required_columns(self):
        """Every column but year_basis: files written before it existed mean the calendar year."""
        return [name for name in super().required_columns() if name != "year_basis"]

    def load_existing(self):
        """The organisation's standards, each with the target in force today (two queries)."""
        standards = list(ServiceStandard.objects.filter(organisation=self.organisation).order_by("code"))
        in_force = {
            target.standard_id: target
            for target in StandardTarget.objects.filter(standard__in=standards).in_force_on(self.today)
        }
        for standard in standards:
            current = in_force.get(standard.pk)
            standard.target = current.target if current else None
            standard.higher_is_better = current.higher_is_better if current else True
            standard.tolerance = current.tolerance if current else None
        return standards

    def export_rows(self):
        return list(self.existing().values())

    def init_instance(self, row=None):
        standard = ServiceStandard(organisation=self.organisation)
        standard.target, standard.higher_is_better, standard.tolerance = None, True, None
        return standard

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        if instance.higher_is_better is None:
            instance.higher_is_better = True
        if not instance.year_basis:
            instance.year_basis = YearBasis.CALENDAR

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The fields' own limits (lengths, digits, choices); the code's uniqueness is the service's rule."""
        errors = dict(import_validation_errors or {})
        if instance.target is None and "target" not in errors:
            errors["target"] = ValidationError(_("Enter the target."))
        checks = [
            (instance, [*errors, "organisation"]),
            (
                StandardTarget(target=instance.target, tolerance=instance.tolerance),
                [field.name for field in StandardTarget._meta.fields if field.name not in ("target", "tolerance")]
                + [name for name in ("target", "tolerance") if name in errors],
            ),
        ]
        for model_instance, exclude in checks:
            try:
                model_instance.clean_fields(exclude=exclude)
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        definition = {name: getattr(instance, name) for name in STANDARD_FIELDS}
        target = {name: getattr(instance, name) for name in TARGET_COLUMNS}
        try:
            if is_create:
                created = standard_create(actor=self.actor, organisation=self.organisation, **target, **definition)
                instance.pk = created.pk
                return
            self.note_changes(instance, row, kwargs.get("row_number"))
            standard_update(actor=self.actor, standard=instance, **definition)
            if set(TARGET_COLUMNS) & set(self.changed_fields[kwargs.get("row_number")]):
                standard_target_change(
                    actor=self.actor,
                    standard=instance,
                    valid_from=self.today,
                    reason=_("Changed by a spreadsheet import."),
                    **target,
                )
        except ServiceError as error:
            raise service_refusal(error, self._meta.fields) from None
