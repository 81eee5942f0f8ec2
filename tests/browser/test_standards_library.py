"""A representative round-trips the standards library: export, edit in a spreadsheet, import preview, confirm."""

import io

import openpyxl
import pytest
from django.urls import reverse
from playwright.sync_api import expect

from standards.models import ServiceStandard

from ..standards.factories import standard_with_target
from ..standards.import_support import media_root  # noqa: F401 (fixture)
from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("media_root")]


def test_standards_library_round_trip(cast, page, tmp_path):
    standard_with_target(cast.org_a, code="S1", title="Calls answered within 5 minutes", target="80")
    log_in(page, cast.rep_a)
    page.goto(reverse("workspace:standards:standard_list", kwargs={"organisation_pk": cast.org_a.pk}))
    assert_accessible(page, "standards list")

    with page.expect_download() as download:
        page.get_by_role("link", name="Export (XLSX)").click()
    workbook = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("title") + 1, value="Calls answered within 3 minutes")
    new_row = {
        "code": "S2",
        "title": "Letters answered",
        "channel": "letter",
        "principle": "timeliness",
        "measure": "count",
        "frequency": "yearly",
        "applies_from": "2025-01-01",
        "target": 12,
    }
    sheet.append([new_row.get(name) for name in header])
    edited = tmp_path / "standards.xlsx"
    workbook.save(edited)

    page.get_by_role("link", name="Import from a spreadsheet").click()
    assert_accessible(page, "upload page")
    page.get_by_label("CSV or XLSX file").set_input_files(str(edited))
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("1 new, 1 changed, 0 unchanged, 0 with problems.")
    assert_accessible(page, "preview")
    assert not ServiceStandard.objects.filter(code="S2").exists()

    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("Imported: 1 new, 1 changed, 0 unchanged.")
    assert_accessible(page, "standards list after the import")
    assert ServiceStandard.objects.get(code="S1").title == "Calls answered within 3 minutes"
    assert ServiceStandard.objects.get(code="S2").targets.get().target == 12
    assert not page.console_errors, page.console_errors
