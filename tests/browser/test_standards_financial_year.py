"""A representative of an organisation whose year starts in April opens the return for "2015-16", imports its
published result from a CSV file and, once accepted, sees it under "2015-16" on the results page."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from standards.models import Frequency, MetricReturn, YearBasis
from standards.services.returns import return_accept, return_submit

from ..standards.factories import standard_with_target
from ..standards.import_support import media_root  # noqa: F401 (fixture)
from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("media_root")]


def test_representative_imports_a_financial_year_and_sees_it_on_the_results_page(cast, page, tmp_path):
    cast.org_a.financial_year_start_month = 4
    cast.org_a.save()
    standard_with_target(
        cast.org_a,
        code="FY1",
        target="90",
        frequency=Frequency.YEARLY,
        year_basis=YearBasis.FINANCIAL,
        applies_from=datetime.date(2010, 4, 1),
    )
    log_in(page, cast.rep_a)
    page.goto(reverse("workspace:standards:return_create", kwargs={"organisation_pk": cast.org_a.pk}))
    assert_accessible(page, "open a return")

    page.get_by_label("Or an earlier period").fill("2015-17")
    page.get_by_role("button", name="Open the return").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("is not a reporting period")
    expect(page.locator("body")).to_contain_text("2026-27")
    assert_accessible(page, "a bad label")
    assert not MetricReturn.objects.exists()

    page.get_by_label("Or an earlier period").fill("2015-16")
    page.get_by_role("button", name="Open the return").click()
    page.get_by_role("heading", name="Values for 2015-16").wait_for()
    metric_return = MetricReturn.objects.get()

    values = tmp_path / "values.csv"
    values.write_text("standard_code,value,numerator,denominator,note\nFY1,,95,100,Published\n", encoding="utf-8")
    page.goto(
        reverse("workspace:standards:return_import", kwargs={"organisation_pk": cast.org_a.pk, "pk": metric_return.pk})
    )
    expect(page.locator("body")).to_contain_text("Import values for 2015-16")
    page.get_by_label("CSV or XLSX file").set_input_files(str(values))
    page.get_by_role("button", name="Upload and check").click()
    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("Imported: 1 new and 0 changed values.")

    return_submit(actor=cast.rep_a, metric_return=metric_return)
    return_accept(actor=cast.evaluator_a, metric_return=metric_return)
    page.goto(reverse("workspace:standards:results", kwargs={"organisation_pk": cast.org_a.pk}))
    content = page.content()
    assert "2015-16" in content and "Annual report 2015-16" in content
    assert_accessible(page, "results page")
    assert not page.console_errors, page.console_errors
