"""Shared set-up for the import tests: a draft return of organisation A with a few standards, and upload helpers."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from standards.models import Frequency, ImportJob, Measure

from .factories import MetricReturnFactory, ReportingPeriodFactory, ServiceStandardFactory

HEADER = "standard_code,value,numerator,denominator,note\n"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def return_with_standards(organisation, **return_fields):
    """A draft 2026-Q1 return; P1 and P2 are percentages, D1 a mean duration; Y1 (yearly) and OLD are not in it."""
    period = ReportingPeriodFactory()
    standards = {
        "P1": ServiceStandardFactory(organisation=organisation, code="P1"),
        "P2": ServiceStandardFactory(organisation=organisation, code="P2"),
        "D1": ServiceStandardFactory(organisation=organisation, code="D1", measure=Measure.MEAN_DURATION),
        "Y1": ServiceStandardFactory(organisation=organisation, code="Y1", frequency=Frequency.YEARLY),
        "OLD": ServiceStandardFactory(organisation=organisation, code="OLD", applies_to=datetime.date(2025, 12, 31)),
    }
    metric_return = MetricReturnFactory(organisation=organisation, period=period, **return_fields)
    return metric_return, standards


def csv_file(body, name="values.csv", header=HEADER):
    return SimpleUploadedFile(name, (header + body).encode("utf-8"), content_type="text/csv")


def xlsx_bytes(sheets):
    """An XLSX workbook from {sheet title: [rows]}."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()


def xlsx_file(sheets, name="values.xlsx"):
    return SimpleUploadedFile(name, xlsx_bytes(sheets), content_type="application/octet-stream")


def import_url(metric_return):
    return reverse(
        "workspace:standards:return_import",
        kwargs={"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk},
    )


def job_url(job, name="import_job"):
    return reverse(f"workspace:standards:{name}", kwargs={"organisation_pk": job.organisation_id, "pk": job.pk})


def upload(client, metric_return, upload_file):
    """Upload through the page; returns the response after redirects and the newest job (or None)."""
    response = client.post(import_url(metric_return), {"file": upload_file}, follow=True)
    return response, ImportJob.objects.filter(metric_return=metric_return).order_by("-pk").first()


def confirm(client, job):
    return client.post(job_url(job, "import_job_confirm"), follow=True)
