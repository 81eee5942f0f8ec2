"""The head opens the training compliance page on a desktop and on a 360 px phone; axe finds nothing serious."""

import datetime
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from organisations.roles import OrganisationRole

from ..factories import member
from ..training.factories import AssignmentFactory, completion, published_module
from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
CELLS_OFF_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('td, th')]
    .filter((cell) => !cell.closest('[role=region][tabindex="0"]'))
    .filter((cell) => {
      const box = cell.getBoundingClientRect();
      return box.width && (box.right > width + 1 || box.left < -1);
    })
    .map((cell) => cell.textContent.trim().slice(0, 40));
}"""


@pytest.fixture
def training(cast):
    today = timezone.localdate()
    version = published_module(title="Quality customer service: the basics", lessons=1, questions=0)
    for number in range(4):
        person = member(cast.org_a, OrganisationRole.STAFF, first_name="Staff", last_name=f"Member {number}")
        AssignmentFactory(
            organisation=cast.org_a, module=version.module, user=person, due_date=today - datetime.timedelta(days=5)
        )
        if number < 2:
            completion(person, cast.org_a, version, expires_on=today + datetime.timedelta(days=20 + 400 * number))
    return cast


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_head_opens_the_compliance_page(training, page, viewport):
    cast = training
    if viewport:
        page.set_viewport_size(viewport)
    log_in(page, cast.head_a)
    page.goto(reverse("workspace:training:compliance", kwargs={"organisation_pk": cast.org_a.pk}))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Training compliance: {cast.org_a.name}")
    chart = page.get_by_role("img", name=f"{cast.org_a.name}: training completion rate at each month end")
    expect(chart).to_be_visible()
    expect(page.locator(".compliance-summary")).to_contain_text("50.0%")
    expect(page.get_by_role("heading", name="Overdue (2)")).to_be_visible()
    expect(page.locator("body")).to_contain_text("Staff Member 2")
    expect(page.locator("body")).to_contain_text("Staff Member 3")
    if viewport:
        assert page.evaluate(CELLS_OFF_SCREEN) == []
    assert_accessible(page, f"training compliance ({'phone' if viewport else 'desktop'})")
    with page.expect_download() as xlsx:
        page.get_by_role("link", name="Download as a spreadsheet (XLSX)").click()
    workbook = load_workbook(BytesIO(Path(xlsx.value.path()).read_bytes()))
    assert workbook["By module"]["B4"].value == "Quality customer service: the basics"
    assert not page.console_errors, page.console_errors
