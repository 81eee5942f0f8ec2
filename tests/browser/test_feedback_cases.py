"""Cases in the browser (axe on every page; the public pages on a 360 px phone): from start to end (the
officer acknowledges and messages the reporter, the reporter answers with the receipt, the officer resolves
and closes, the reporter rates), and a report nobody acknowledges in time, escalated to the head."""

import datetime
import re
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from feedback.models import Case, CaseState

from ..feedback.factories import ServicePointFactory, case_with_receipt
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


def _clock_at(moment):
    """Move the clock for the test and the live server alike (they share the process): timezone.now and
    timezone.localdate everywhere, as the unit tests of escalation do."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_a_report_not_acknowledged_in_time_is_escalated_to_the_head(cast, page, browser, live_server):
    point = ServicePointFactory(organisation=cast.org_a, name="Dublin Port")
    two_weeks_ago = timezone.now() - datetime.timedelta(days=14)
    phone = browser.new_context(base_url=live_server.url, locale="en-IE", bypass_csp=True, viewport=PHONE)
    reporter = phone.new_page()
    reporter.goto(reverse("public_feedback:report", kwargs={"code": point.code}))
    assert_accessible(reporter, "report form")
    reporter.get_by_label("Complaint", exact=True).check()
    reporter.get_by_label("What happened?").fill("Nobody was at the counter for an hour.")
    reporter.get_by_label("No, I want to stay anonymous", exact=False).check()
    with _clock_at(two_weeks_ago):  # the report is sent two weeks before the hourly escalation runs
        reporter.get_by_role("button", name="Send the report").click()
        expect(reporter.locator("#receipt")).to_be_visible()
    assert_accessible(reporter, "receipt")
    phone.close()
    case = Case.objects.get()
    assert timezone.localdate(case.received_at) == timezone.localdate(two_weeks_ago)
    assert case.acknowledge_by < timezone.localdate() and case.state == CaseState.RECEIVED
    assert mail.outbox[0].to == [cast.head_a.email]  # the head was told of the new report at once

    call_command("escalate_overdue_cases", stdout=mock.Mock())  # today: the acknowledge-by day is over
    case.refresh_from_db()
    assert case.state == CaseState.ESCALATED
    escalation = mail.outbox[-1]
    assert escalation.to == [cast.head_a.email] and case.reference in escalation.subject

    log_in(page, cast.head_a)
    page.goto(re.search(r"https?://\S+(/workspace/\S+)", escalation.body).group(1))  # the e-mail's link
    expect(page.get_by_role("heading", name=f"Case {case.reference}")).to_be_visible()
    escalated = page.get_by_role("region", name="Timeline").get_by_role("row").filter(has_text="Escalated")
    expect(escalated).to_contain_text("QCS system")
    assert_accessible(page, "escalated case")

    page.get_by_role("link", name="All cases").click()
    page.get_by_label("State").select_option("escalated")
    page.get_by_role("button", name="Filter").click()
    row = page.get_by_role("row").filter(has_text=case.reference)
    expect(row).to_contain_text("Escalated")
    expect(row).to_contain_text("Overdue")
    assert_accessible(page, "cases filtered to escalated")
