"""A representative imports a return's values from a CSV file: upload → preview → confirm, all pages accessible."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from standards.models import MetricValue, ValueSource

from ..standards.import_support import media_root, return_with_standards  # noqa: F401 (fixture)
from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("media_root")]

FIXTURES = Path(__file__).resolve().parents[1] / "standards" / "fixtures"


def test_representative_imports_values_with_a_preview(cast, page):
    metric_return, _ = return_with_standards(cast.org_a)
    log_in(page, cast.rep_a)
    page.goto(
        reverse("workspace:standards:return_import", kwargs={"organisation_pk": cast.org_a.pk, "pk": metric_return.pk})
    )
    assert_accessible(page, "upload page")

    # A file with bad rows: every problem with its line, nothing to confirm.
    page.get_by_label("CSV or XLSX file").set_input_files(str(FIXTURES / "values_bad.csv"))
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name="The file has problems, so nothing will be imported")).to_be_visible()
    problems = page.get_by_role("table").first.inner_text()
    assert "form we do not accept" in problems and "percent sign" in problems and "NOPE" in problems
    expect(page.get_by_role("button", name="Confirm the import")).to_have_count(0)
    assert_accessible(page, "preview with problems")

    page.get_by_role("link", name="Upload another file").click()
    page.get_by_label("CSV or XLSX file").set_input_files(str(FIXTURES / "values_ok.csv"))
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name="Check the preview, then confirm")).to_be_visible()
    expect(page.locator("body")).to_contain_text("3 new, 0 changed, 0 unchanged.")
    assert_accessible(page, "preview")
    assert not MetricValue.objects.exists()

    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("Imported: 3 new and 0 changed values.")
    assert_accessible(page, "import done")
    assert MetricValue.objects.filter(source=ValueSource.IMPORT).count() == 3
    assert not page.console_errors, page.console_errors


def test_progress_page_follows_a_background_job(cast, page, settings):
    from django.core.files.base import ContentFile

    from standards.importing.services import import_job_check
    from standards.models import ImportJob

    metric_return, _ = return_with_standards(cast.org_a)
    job = ImportJob(organisation=cast.org_a, metric_return=metric_return, original_name="big.csv", total_rows=3)
    job.file.save("0123456789abcdef0123456789abcdef.csv", ContentFile((FIXTURES / "values_ok.csv").read_bytes()))
    log_in(page, cast.rep_a)
    page.goto(reverse("workspace:standards:import_job", kwargs={"organisation_pk": cast.org_a.pk, "pk": job.pk}))
    expect(page.locator("progress")).to_have_count(1)
    expect(page.get_by_role("link", name="Refresh")).to_be_visible()
    assert_accessible(page, "progress page")

    import_job_check(job=job)  # what the Celery worker does; the page notices and shows the preview
    page.get_by_role("heading", name="Check the preview, then confirm").wait_for()
    assert not page.console_errors, page.console_errors
