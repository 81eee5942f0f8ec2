"""Import of metric values with full validation, in rows per second, against raw bulk_create of the same rows.

Ours: the confirm step of an import job (read the stored CSV, check every row, compare with
the return, write all values in one transaction). Anchor: `MetricValue.objects.bulk_create`
of the same rows, already parsed, in the same run. Also measured on a sample of the same
file: django-import-export in its default configuration and tuned (bulk, cached lookups).
"""

import statistics
import tempfile
import time

from django.core.files.base import ContentFile
from django.db import transaction
from django.test.utils import override_settings

from bench.data_imports import (
    DefaultMetricValueResource,
    TunedMetricValueResource,
    generate_import_case,
    import_export_dataset,
    raw_values,
)
from bench.registry import Result, register
from organisations.system import system_actor
from standards.importing.services import import_job_apply, import_job_check
from standards.models import ImportJob, ImportStatus, MetricValue
from standards.services.values import WRITE_BATCH

FULL_SCALE_ROWS = 100_000
IMPORT_EXPORT_SAMPLE = 2_000
ROUNDS = 3
BUDGET_ROWS_PER_S = 20_000
BUDGET_RATIO = 1 / 3


def _timed(function):
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def _clear(metric_return):
    MetricValue.objects.filter(metric_return=metric_return).delete()


def _anchor(metric_return, content):
    built = raw_values(metric_return, content)

    def create(batch_size):
        def run():
            with transaction.atomic():
                MetricValue.objects.bulk_create(built, batch_size=batch_size)

        seconds = _timed(run)
        _clear(metric_return)
        for value in built:
            value.pk = None
            value._state.adding = True
        return seconds

    return min(create(WRITE_BATCH), create(None))


def _ours(job):
    seconds = _timed(lambda: import_job_apply(actor=system_actor(), job=job))
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE, (job.status, job.errors[:3], job.result)
    _clear(job.metric_return)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.READY)
    job.status = ImportStatus.READY
    return seconds


def _import_export(resource, dataset, metric_return):
    def run():
        result = resource.import_data(dataset, dry_run=False, raise_errors=True)
        assert not result.has_validation_errors()

    seconds = _timed(run)
    assert MetricValue.objects.filter(metric_return=metric_return).count() == len(dataset)
    _clear(metric_return)
    return len(dataset) / seconds


@register("metrics_import")
def metrics_import(scale, log):
    rows = max(1000, int(FULL_SCALE_ROWS * scale))
    metric_return, content = generate_import_case(rows, log)
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        job = ImportJob(
            organisation_id=metric_return.organisation_id, metric_return=metric_return, original_name="bench.csv"
        )
        job.file.save("bench.csv", ContentFile(content), save=False)
        job.save()
        check_seconds = _timed(lambda: import_job_check(job=job))
        assert job.status == ImportStatus.READY, job.errors[:3]
        ours_seconds, anchor_seconds = [], []
        for _ in range(ROUNDS):
            anchor_seconds.append(_anchor(metric_return, content))
            ours_seconds.append(_ours(job))
    ours = rows / statistics.median(ours_seconds)
    anchor = rows / statistics.median(anchor_seconds)
    sample = min(rows, IMPORT_EXPORT_SAMPLE)
    dataset = import_export_dataset(metric_return, content, sample)
    default_rate = _import_export(DefaultMetricValueResource(), dataset, metric_return)
    tuned_rate = _import_export(TunedMetricValueResource(metric_return), dataset, metric_return)
    log(
        f"import of {rows} rows: ours {ours:,.0f} rows/s, bulk_create {anchor:,.0f} rows/s, "
        f"dry run {rows / check_seconds:,.0f} rows/s; django-import-export on {sample} rows: "
        f"default {default_rate:,.0f} rows/s, tuned {tuned_rate:,.0f} rows/s"
    )
    return Result(
        unit="rows/s",
        ours=ours,
        anchor=anchor,
        budget=f">= {BUDGET_ROWS_PER_S} rows/s and >= 1/3 of bulk_create",
        ok=ours >= BUDGET_ROWS_PER_S and ours / anchor >= BUDGET_RATIO,
        extra={
            "rows": rows,
            "format": "csv, one return, one row per standard",
            "dry_run_rows_per_s": round(rows / check_seconds),
            "import_export_sample_rows": sample,
            "import_export_default_rows_per_s": round(default_rate),
            "import_export_tuned_rows_per_s": round(tuned_rate),
            "vs_import_export_default": round(ours / default_rate, 2),
            "vs_import_export_tuned": round(ours / tuned_rate, 2),
        },
    )
