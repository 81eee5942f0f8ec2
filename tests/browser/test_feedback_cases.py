"""A case from start to end in the browser (axe on every page; the public pages on a 360 px phone):
the officer acknowledges and messages the reporter, the reporter answers with the receipt, the officer
resolves and closes, the reporter rates."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from feedback.models import CaseState

from ..feedback.factories import case_with_receipt
from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
RECEIPT = "ABCDEFGH-23456789ABCD"


def _reporter_opens_case(reporter, live_server):
    reporter.goto(live_server.url + reverse("public_feedback:case_follow"))
    assert_accessible(reporter, "follow a case")
    reporter.get_by_label("Your receipt code").fill(RECEIPT)
    reporter.get_by_role("button", name="Show my case").click()
    reporter.wait_for_load_state("networkidle")
    assert RECEIPT not in reporter.url


def test_case_from_acknowledgement_to_rating(cast, page, browser, live_server):
    case = case_with_receipt(cast.org_a, RECEIPT, description="The queue took two hours.")
    detail = reverse("workspace:feedback:case_detail", kwargs={"organisation_pk": cast.org_a.pk, "pk": case.pk})

    log_in(page, cast.complaints_a)
    page.goto(reverse("workspace:feedback:case_list", kwargs={"organisation_pk": cast.org_a.pk}))
    assert_accessible(page, "inbox")
    page.get_by_role("link", name=case.reference).click()
    assert_accessible(page, "case page")
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_role("status").get_by_text("Case acknowledged.")).to_be_visible()
    page.get_by_label("Message to the reporter").fill("Which counter was it?")
    page.get_by_role("button", name="Send to the reporter").click()
    expect(page.get_by_role("status").get_by_text("Message sent to the reporter.")).to_be_visible()
    assert_accessible(page, "case page after messaging")

    phone = browser.new_context(base_url=live_server.url, locale="en-IE", bypass_csp=True, viewport=PHONE)
    reporter = phone.new_page()
    _reporter_opens_case(reporter, live_server)
    expect(reporter.get_by_text("Which counter was it?")).to_be_visible()
    assert_accessible(reporter, "case status")
    reporter.get_by_label("Add information or answer a question").fill("Counter 3.")
    reporter.get_by_role("button", name="Send").click()
    expect(reporter.get_by_text("Your information has been added")).to_be_visible()
    assert_accessible(reporter, "after adding information")

    page.goto(detail)
    expect(page.get_by_text("Counter 3.")).to_be_visible()
    page.get_by_label("How was it resolved?").fill("We spoke to the counter staff.")
    page.get_by_role("button", name="Resolve the case").click()
    expect(page.get_by_role("button", name="Close the case")).to_be_visible()
    page.get_by_role("button", name="Close the case").click()
    expect(page.get_by_role("status").get_by_text("Case closed.")).to_be_visible()
    assert_accessible(page, "closed case")

    _reporter_opens_case(reporter, live_server)
    expect(reporter.get_by_text("We spoke to the counter staff.")).to_be_visible()
    reporter.get_by_label("5", exact=True).check()
    reporter.get_by_role("button", name="Send my rating").click()
    expect(reporter.get_by_text("Thank you for your rating.")).to_be_visible()
    assert_accessible(reporter, "after rating")
    phone.close()

    case.refresh_from_db()
    assert case.state == CaseState.CLOSED and case.satisfaction == 5
