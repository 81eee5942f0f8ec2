"""Data for the metrics_import benchmark: one organisation, one return with many standards, a CSV of N rows.

The import format is one return per file with one row per standard, so N rows need N
standards: the benchmark organisation gets N standards (a third of them percentages).
Also the django-import-export resources measured against ours on the same file.
"""

import csv
import datetime
import io
from decimal import Decimal

from django.db import transaction
from import_export import fields, resources, widgets

from common.principles import Principle
from organisations.models import Organisation, Sector
from standards.models import Frequency, Measure, MetricReturn, MetricValue, ReportingPeriod, ServiceStandard

CODE_PREFIX = "IMP-"


@transaction.atomic
def generate_import_case(rows, log=print):
    """An organisation with `rows` quarterly standards and an empty draft return; returns (return, csv bytes)."""
    organisation = Organisation.objects.create(name="Import bench body", short_name="IMPB", sector=Sector.AGENCY)
    period, _ = ReportingPeriod.objects.get_or_create(
        frequency=Frequency.QUARTERLY,
        start=datetime.date(2026, 1, 1),
        defaults={"end": datetime.date(2026, 3, 31), "label": "2026-Q1"},
    )
    ServiceStandard.objects.bulk_create(
        (
            ServiceStandard(
                organisation=organisation,
                code=f"{CODE_PREFIX}{i:06d}",
                title=f"Standard {i}",
                principle=Principle.values[i % len(Principle.values)],
                measure=Measure.PERCENT_WITHIN if i % 3 == 0 else Measure.MEAN_DURATION,
                frequency=Frequency.QUARTERLY,
                applies_from=datetime.date(2024, 1, 1),
            )
            for i in range(rows)
        ),
        batch_size=5000,
    )
    metric_return = MetricReturn.objects.create(organisation=organisation, period=period)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["standard_code", "value", "numerator", "denominator", "note"])
    for i in range(rows):
        if i % 3 == 0:
            denominator = 1000 + i % 500
            numerator = denominator - i % 200
            writer.writerow([f"{CODE_PREFIX}{i:06d}", "", numerator, denominator, ""])
        else:
            writer.writerow(
                [f"{CODE_PREFIX}{i:06d}", f"{(i % 400) / 10 + 1:.1f}", "", "", "note" if i % 10 == 0 else ""]
            )
    log(f"generated {rows} standards and a CSV of {rows} rows")
    return metric_return, text.getvalue().encode("utf-8")


def raw_values(metric_return, content):
    """The file's rows as MetricValue objects, parsed without any checks: what the anchor bulk-creates."""
    standards = dict(
        ServiceStandard.objects.filter(organisation_id=metric_return.organisation_id).values_list("code", "id")
    )
    reader = csv.reader(io.StringIO(content.decode("utf-8")))
    next(reader)
    built = []
    for code, value, numerator, denominator, note in reader:
        numerator = Decimal(numerator) if numerator else None
        denominator = Decimal(denominator) if denominator else None
        built.append(
            MetricValue(
                metric_return_id=metric_return.pk,
                standard_id=standards[code],
                value=Decimal(value) if value else numerator * 100 / denominator,
                numerator=numerator,
                denominator=denominator,
                note=note,
                source="import",
            )
        )
    return built


class DefaultMetricValueResource(resources.ModelResource):
    """django-import-export in its default configuration; only the column mapping is ours."""

    standard = fields.Field(
        attribute="standard", column_name="standard_code", widget=widgets.ForeignKeyWidget(ServiceStandard, "code")
    )

    class Meta:
        model = MetricValue
        fields = ("metric_return", "standard", "value", "numerator", "denominator", "note")
        import_id_fields = ("metric_return", "standard")


class _CachedStandardWidget(widgets.ForeignKeyWidget):
    def __init__(self, organisation_id):
        super().__init__(ServiceStandard, "code")
        self.by_code = {
            standard.code: standard for standard in ServiceStandard.objects.filter(organisation_id=organisation_id)
        }

    def clean(self, value, row=None, **kwargs):
        if not value:
            return None
        try:
            return self.by_code[value]
        except KeyError:
            raise ValueError(f"unknown standard {value}") from None


class TunedMetricValueResource(DefaultMetricValueResource):
    """The same resource tuned: bulk writes, no diffs, cached standards and existing values, full validation."""

    class Meta(DefaultMetricValueResource.Meta):
        use_bulk = True
        batch_size = 5000
        skip_diff = True
        skip_unchanged = False
        clean_model_instances = True
        rollback_on_validation_errors = True

    def __init__(self, metric_return):
        super().__init__()
        self.fields["standard"].widget = _CachedStandardWidget(metric_return.organisation_id)
        self.existing = {value.standard_id: value for value in MetricValue.objects.filter(metric_return=metric_return)}

    def get_instance(self, instance_loader, row):
        standard = self.fields["standard"].widget.by_code.get(row.get("standard_code"))
        return self.existing.get(standard.pk) if standard else None


def import_export_dataset(metric_return, content, rows):
    """The first `rows` rows of the file as a tablib Dataset, with the return added as a column."""
    import tablib

    lines = content.decode("utf-8").split("\n")
    dataset = tablib.Dataset().load("\n".join(lines[: rows + 1]), format="csv")
    dataset.append_col([metric_return.pk] * len(dataset), header="metric_return")
    return dataset
