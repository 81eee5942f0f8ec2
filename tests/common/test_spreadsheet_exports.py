"""Every spreadsheet we write keeps user text as text: the annual report (XLSX) and the import template (CSV, XLSX)."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from standards.models import ImportStatus, Measure
from tests.standards.factories import ServiceStandardFactory, StandardTargetFactory, current_value, quarter_period
from tests.standards.import_support import csv_file, media_root, return_with_standards, upload  # noqa: F401

LINK = '=HYPERLINK("http://evil.example","Click")'


def _first_sheet(content):
    return load_workbook(io.BytesIO(content)).worksheets[0]


def test_annual_report_xlsx_writes_a_formula_typed_title_as_text(cast, client):
    cast.org_a.name = "=1+1 Office"
    cast.org_a.save()
    standard = ServiceStandardFactory(organisation=cast.org_a, code="@CODE", title=LINK)
    StandardTargetFactory(standard=standard, target=Decimal("80"))
    current_value(standard, quarter_period(2025, 1), numerator=90, denominator=100)
    client.force_login(cast.lead)

    response = client.get(
        reverse("workspace:standards:annual_report_xlsx", kwargs={"organisation_pk": cast.org_a.pk, "year": 2025})
    )

    sheet = _first_sheet(response.getvalue())
    assert sheet["A1"].data_type == "s" and sheet["A1"].value.startswith("'=1+1 Office")
    assert (sheet["A4"].value, sheet["A4"].data_type) == ("'@CODE", "s")
    assert (sheet["B4"].value, sheet["B4"].data_type) == ("'" + LINK, "s")
    assert sheet["E4"].value == 80


def test_import_template_escapes_codes_in_csv_and_xlsx(cast, client):
    metric_return, _ = return_with_standards(cast.org_a)
    ServiceStandardFactory(organisation=cast.org_a, code="=A1")
    client.force_login(cast.rep_a)
    kwargs = {"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk}

    csv_response = client.get(reverse("workspace:standards:return_import_template", kwargs={**kwargs, "kind": "csv"}))
    xlsx_response = client.get(reverse("workspace:standards:return_import_template", kwargs={**kwargs, "kind": "xlsx"}))

    assert csv_response.getvalue().decode("utf-8-sig").splitlines()[1] == "'=A1,,,,"
    sheet = _first_sheet(xlsx_response.getvalue())
    assert (sheet["A2"].value, sheet["A2"].data_type) == ("'=A1", "s")


@pytest.mark.usefixtures("media_root")
def test_a_filled_in_template_reads_an_escaped_code_back(cast, client):
    metric_return, _ = return_with_standards(cast.org_a)
    ServiceStandardFactory(organisation=cast.org_a, code="=A1", measure=Measure.COUNT)
    client.force_login(cast.rep_a)
    template = client.get(
        reverse(
            "workspace:standards:return_import_template",
            kwargs={"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk, "kind": "csv"},
        )
    )
    escaped_row = template.getvalue().decode("utf-8-sig").splitlines()[1]
    response, job = upload(client, metric_return, csv_file(escaped_row.replace("'=A1,", "'=A1,12", 1) + "\n"))
    job.refresh_from_db()
    assert (job.status, job.errors) == (ImportStatus.READY, [])
