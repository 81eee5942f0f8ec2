"""A representative reads results, the annual report and downloads it; an evaluator compares organisations."""

from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import expect

from organisations.services import evaluator_assign

from ..standards.factories import ServiceStandardFactory, StandardTargetFactory, current_value, quarter_period
from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def results(cast):
    calls = ServiceStandardFactory(organisation=cast.org_a, code="CALL1", title="Calls answered within 5 minutes")
    StandardTargetFactory(standard=calls, target=Decimal("80"))
    for number, answered in enumerate([84, 79, 70], start=1):
        current_value(calls, quarter_period(2025, number), numerator=answered, denominator=100)
    other = ServiceStandardFactory(organisation=cast.org_b, code="B1")
    StandardTargetFactory(standard=other, target=Decimal("80"))
    current_value(other, quarter_period(2025, 1), numerator=95, denominator=100)
    return cast


def test_representative_reads_results_and_downloads_the_annual_report(results, page):
    cast = results
    log_in(page, cast.rep_a)
    page.goto(reverse("workspace:standards:results", kwargs={"organisation_pk": cast.org_a.pk}))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Results: {cast.org_a.name}")
    expect(page.get_by_role("img", name="CALL1 Calls answered within 5 minutes: result against target")).to_be_visible()
    expect(page.get_by_role("img", name=f"{cast.org_a.name}: standards by latest status")).to_be_visible()
    expect(page.locator("table").first).to_contain_text("Missed")
    assert_accessible(page, "organisation results")

    page.get_by_role("link", name="Annual report 2025").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Annual report 2025: {cast.org_a.name}")
    expect(page.locator("table").first).to_contain_text("77.7%")  # (84 + 79 + 70) / 300
    assert_accessible(page, "annual report")

    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download PDF").click()
    assert Path(pdf.value.path()).read_bytes()[:4] == b"%PDF"
    assert pdf.value.suggested_filename.endswith("annual-report-2025.pdf")

    with page.expect_download() as xlsx:
        page.get_by_role("link", name="Download spreadsheet (XLSX)").click()
    sheet = load_workbook(BytesIO(Path(xlsx.value.path()).read_bytes())).active
    assert [row[0] for row in sheet.iter_rows(min_row=4, values_only=True)] == ["CALL1"]
    assert not page.console_errors, page.console_errors


def test_evaluator_compares_their_organisations(results, page):
    cast = results
    evaluator_assign(actor=cast.admin, organisation=cast.org_a, evaluator=cast.evaluator)
    log_in(page, cast.evaluator)
    page.goto(reverse("workspace:standards:benchmark"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Benchmark across organisations")
    expect(page.get_by_role("img", name="Share of standards met by sector")).to_be_visible()
    organisations = page.get_by_role("region", name="Share of standards met per organisation")
    expect(organisations).to_contain_text(cast.org_a.name)
    assert cast.org_b.name not in page.content()
    assert_accessible(page, "benchmark")

    page.get_by_label("Year").select_option("2025")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("Based on 3 results of current returns (2025)")
    page.get_by_role("link", name=cast.org_a.name).click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Results: {cast.org_a.name}")
    assert_accessible(page, "results as evaluator")
