"""A representative imports a published percentage without its counts and sees the year combined, with the method."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from standards.models import MetricValue, ReturnState
from standards.periods import period_for_label
from standards.services.returns import return_accept, return_create

from ..standards.factories import current_value, quarter_period, standard_with_target
from ..standards.import_support import media_root  # noqa: F401 (fixture)
from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("media_root")]


def test_representative_imports_bare_percentages_and_reads_the_method(cast, page, tmp_path):
    letters = standard_with_target(
        cast.org_a, code="LET", title="Routine letters answered within 20 working days", target="95"
    )
    for quarter, published in ((1, "96"), (2, "94"), (3, "97")):
        current_value(letters, quarter_period(2025, quarter), published)
    metric_return = return_create(actor=cast.rep_a, organisation=cast.org_a, period=period_for_label("2025-Q4"))
    published = tmp_path / "published.csv"
    published.write_text("standard_code,value\nLET,95%\n", encoding="utf-8")

    log_in(page, cast.rep_a)
    page.goto(
        reverse("workspace:standards:return_import", kwargs={"organisation_pk": cast.org_a.pk, "pk": metric_return.pk})
    )
    expect(page.locator("body")).to_contain_text("Give it alone when you have only the published percentage")
    page.get_by_label("CSV or XLSX file").set_input_files(str(published))
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("1 new, 0 changed, 0 unchanged.")
    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("Imported: 1 new and 0 changed values.")

    page.goto(
        reverse("workspace:standards:return_edit", kwargs={"organisation_pk": cast.org_a.pk, "pk": metric_return.pk})
    )
    percentage = page.get_by_label("Percentage — LET Routine letters answered within 20 working days")
    expect(percentage).to_have_value("95.0000")
    assert_accessible(page, "grid with a bare percentage")
    page.get_by_role("button", name="Submit the return").click()
    page.wait_for_load_state("networkidle")
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.SUBMITTED
    return_accept(actor=cast.evaluator_a, metric_return=metric_return)
    stored = MetricValue.objects.get(metric_return=metric_return)
    assert (stored.numerator, stored.denominator) == (None, None)

    page.goto(reverse("workspace:standards:results", kwargs={"organisation_pk": cast.org_a.pk}))
    row = page.locator("section[aria-labelledby=latest-heading] tr", has_text="LET Routine letters answered")
    # (96 + 94 + 97 + 95) / 4 = 95.5 against 95% → met
    expect(row).to_contain_text("95.5%")
    expect(row).to_contain_text("mean of published percentages; 4 periods")
    assert_accessible(page, "results with the combining method")
    assert not page.console_errors, page.console_errors
