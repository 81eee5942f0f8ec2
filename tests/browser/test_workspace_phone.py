"""On a 360 px phone the workspace stays readable: tables scroll inside labelled regions; the app bar fits."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from organisations.services import evaluator_assign
from standards.models import ReturnState

from ..standards.factories import MetricReturnFactory, MetricValueFactory, ServiceStandardFactory, quarter_period
from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}

# Cells whose box reaches past the viewport's right edge, outside any scroll region.
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
REGIONS = """() => [...document.querySelectorAll('.ws-table-scroll')].map((region) => ({
  role: region.getAttribute('role'),
  tabindex: region.getAttribute('tabindex'),
  label: region.getAttribute('aria-label'),
  scrolls: region.scrollWidth > region.clientWidth,
  hint: getComputedStyle(region.parentElement, '::after').opacity,
}))"""


@pytest.fixture
def draft_return(cast):
    evaluator_assign(actor=cast.admin, organisation=cast.org_a, evaluator=cast.evaluator)
    metric_return = MetricReturnFactory(
        organisation=cast.org_a, period=quarter_period(2025, 3), state=ReturnState.DRAFT
    )
    for number in range(3):
        standard = ServiceStandardFactory(
            organisation=cast.org_a,
            code=f"CALLS-{number}",
            title="Telephone calls answered by a person within five minutes",
        )
        MetricValueFactory(
            metric_return=metric_return, standard=standard, note="Includes the evening line and the weekend line"
        )
    return metric_return


def _phone_page(page):
    page.set_viewport_size(PHONE)
    return page


def test_return_page_tables_scroll_in_labelled_regions_at_360px(cast, page, draft_return):
    log_in(_phone_page(page), cast.rep_a)
    page.goto(
        reverse(
            "workspace:standards:return_detail",
            kwargs={"organisation_pk": draft_return.organisation_id, "pk": draft_return.pk},
        )
    )
    page.wait_for_load_state("networkidle")

    assert page.evaluate(CELLS_OFF_SCREEN) == []
    regions = page.evaluate(REGIONS)
    scrolling = [region for region in regions if region["scrolls"]]
    assert scrolling, regions  # the values table is wider than a phone
    for region in scrolling:
        assert region["role"] == "region" and region["tabindex"] == "0" and region["label"], region
        assert region["hint"] == "1", region  # a shadow shows there is more to the right
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert_accessible(page, "return page at 360 px")


def test_my_work_and_app_bar_fit_a_phone(cast, page, draft_return):
    log_in(_phone_page(page), cast.rep_a)

    assert page.evaluate(CELLS_OFF_SCREEN) == []
    switcher = page.get_by_label("Language")
    box = switcher.bounding_box()
    assert box and box["x"] + box["width"] <= PHONE["width"]
    assert_accessible(page, "my work at 360 px")


def test_language_switcher_matches_the_workspace(cast, page):
    log_in(page, cast.rep_a)
    select = page.get_by_label("Language")
    button = page.locator(".ws-language").get_by_role("button", name="Change")

    for control in (select, button):
        font = control.evaluate("(node) => getComputedStyle(node).fontFamily")
        assert font.startswith("Roboto"), font
        assert control.evaluate("(node) => getComputedStyle(node).color") == "rgb(255, 255, 255)"
    select.select_option("ga")
    button.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "ga"
    assert_accessible(page, "my work in Irish")


def test_my_work_lists_the_work_to_do_accessibly(cast, page, draft_return):
    log_in(page, cast.rep_a)
    page.get_by_role("link", name="Return to fill in: Return for 2025-Q3").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(
        reverse(
            "workspace:standards:return_detail",
            kwargs={"organisation_pk": draft_return.organisation_id, "pk": draft_return.pk},
        )
    )

    log_in(page, cast.head_a)
    expect(page.locator("body")).to_contain_text("Nothing to do right now")
    assert_accessible(page, "my work with nothing to do")
    page.get_by_role("button", name="Your account").click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("link", name="Sign in", exact=True).count()
