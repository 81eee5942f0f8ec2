"""A head creates an assignment rule and imports a staff list; new staff get the module. axe on every page."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from training.models import Assignment

from ..training.factories import assignable_module
from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).resolve().parents[1] / "training" / "fixtures"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 360, "height": 740}])
def test_head_creates_a_rule_and_imports_the_staff_list(cast, page, viewport):
    page.set_viewport_size(viewport)
    module = assignable_module(cast.org_a, shared=True, title="Quality customer service basics")
    log_in(page, cast.head_a)
    page.goto(reverse("workspace:organisations:detail", kwargs={"organisation_pk": cast.org_a.pk}))
    page.get_by_role("link", name="Training assignments and rules").click()
    page.wait_for_load_state("networkidle")
    assert_accessible(page, "rule list (empty)")

    page.get_by_role("link", name="New rule").click()
    page.wait_for_load_state("networkidle")
    assert_accessible(page, "new rule form")
    page.get_by_label("Module").select_option(label="Quality customer service basics (shared)")
    page.get_by_label("Who must take it").select_option("staff")
    page.get_by_label("Days after joining").fill("30")
    page.get_by_role("button", name="Create the rule").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("The module was assigned to 1 people now.")
    assert_accessible(page, "rule list")

    page.get_by_role("link", name="Import the staff list").click()
    page.wait_for_load_state("networkidle")
    assert_accessible(page, "staff import")
    page.get_by_label("CSV or XLSX file").set_input_files(str(FIXTURES / "staff_bad.csv"))
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("The file has problems, so nothing will be imported")
    expect(page.get_by_role("button", name="Confirm the import")).to_have_count(0)
    assert_accessible(page, "preview with problems")

    page.get_by_label("CSV or XLSX file").set_input_files(str(FIXTURES / "staff_ok.csv"))
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("2 new, 0 changed, 1 unchanged")
    assert_accessible(page, "preview")
    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("Imported: 2 new")
    assert set(Assignment.objects.filter(module=module).values_list("user__email", flat=True)) == {
        "staff.a@example.org",
        "niamh.kelly@example.org",
        "liam.doyle@example.org",
    }

    page.goto(reverse("workspace:training:assignment_list", kwargs={"organisation_pk": cast.org_a.pk}))
    expect(page.locator("body")).to_contain_text("niamh.kelly@example.org")
    assert_accessible(page, "assignment list")
    assert not page.console_errors, page.console_errors
