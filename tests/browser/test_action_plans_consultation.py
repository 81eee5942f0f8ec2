"""A representative records a consultation and opens a public comment period; a visitor comments; the
representative accepts the comment and records the period; the public page then says it is closed."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from action_plans.models import CommentPeriod, Consultation, PublicComment
from tests.action_plans.factories import CharterFactory, charter_sections

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def submit_and_wait(page, name):
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("networkidle")


def test_consultation_and_public_comment(cast, page, browser, live_server):
    charter = CharterFactory(organisation=cast.org_a)
    charter_sections(charter)
    today = timezone.localdate().isoformat()

    # The representative records a focus group that informed the complaints section.
    log_in(page, cast.rep_a)
    page.goto(reverse("workspace:action_plans:consultation_list", args=[cast.org_a.pk]))
    assert_accessible(page, "consultation list")
    page.get_by_role("link", name="Record a consultation").click()
    assert_accessible(page, "consultation form")
    page.get_by_label("Title", exact=True).fill("Focus group on complaints")
    page.get_by_label("Method").select_option("focus_group")
    page.get_by_label("Who took part").select_option("customers")
    page.get_by_label("Number of participants").fill("12")
    page.get_by_label("From", exact=True).fill("2026-10-01")
    page.get_by_label("To", exact=True).fill("2026-09-01")
    page.get_by_label("What we learned").fill("People could not find how to complain.")
    page.get_by_label("Charter version 1: How to complain").check()
    submit_and_wait(page, "Record the consultation")
    expect(page.locator("body")).to_contain_text("The end date cannot be before the start date.")
    expect(page.get_by_label("Title", exact=True)).to_have_value("Focus group on complaints")
    assert_accessible(page, "consultation form with errors")
    page.get_by_label("To", exact=True).fill("2026-10-02")
    submit_and_wait(page, "Record the consultation")
    expect(page.get_by_role("heading", level=1)).to_have_text("Focus group on complaints")
    expect(page.locator("body")).to_contain_text("How to complain")
    assert_accessible(page, "consultation detail")

    # It opens a public comment period and gets the link and QR code.
    page.get_by_role("link", name="All consultations").click()
    page.get_by_role("link", name="Open a public comment period").click()
    assert_accessible(page, "open a comment period")
    page.get_by_label("Opens on").fill(today)
    page.get_by_label("Closes on").fill(today)
    submit_and_wait(page, "Open the comment period")
    assert page.locator("svg").count() >= 1
    assert_accessible(page, "comment period")
    public_link = page.get_by_test_id("public-link").inner_text()
    period = CommentPeriod.objects.get()
    assert public_link.endswith(reverse("charters:comment_page", args=[period.token]))

    # A visitor, without an account, reads the draft and comments on the contact section.
    visitor_context = browser.new_context(base_url=live_server.url, locale="en-IE", bypass_csp=True)
    visitor = visitor_context.new_page()
    visitor.goto(public_link)
    assert_accessible(visitor, "public comment page")
    visitor.get_by_label("Which part of the charter is your comment about?").select_option(
        label="Contact details, opening hours, channels and languages"
    )
    visitor.get_by_role("textbox", name="Your comment").fill("Please list the Irish-language phone line.")
    submit_and_wait(visitor, "Send your comment")
    expect(visitor.locator("body")).to_contain_text("Thank you. Your comment has been received.")
    assert_accessible(visitor, "public comment page after commenting")
    assert PublicComment.objects.count() == 1

    # The representative accepts it, links it to the section, and closes and records the period.
    page.reload()
    expect(page.locator("body")).to_contain_text("Please list the Irish-language phone line.")
    page.get_by_label("The section it informed").select_option(
        label="Contact details, opening hours, channels and languages"
    )
    submit_and_wait(page, "Accept")
    expect(page.locator("body")).to_contain_text("Comment accepted.")
    assert_accessible(page, "comment period after moderation")
    page.get_by_role("link", name="Close and record").click()
    assert_accessible(page, "close and record")
    page.get_by_label("What we learned").fill("People want the Irish-language line listed.")
    submit_and_wait(page, "Close and record")
    expect(page.locator("body")).to_contain_text("Comment period closed and recorded as a consultation.")
    assert_accessible(page, "recorded consultation")
    recorded = Consultation.objects.get(method="public_consultation")
    assert recorded.participant_count == 1
    assert [str(section) for section in recorded.informed_sections.all()] == [
        "Contact details, opening hours, channels and languages"
    ]

    # The public page now says it is closed and offers no form.
    visitor.goto(public_link)
    expect(visitor.get_by_test_id("period-status")).to_contain_text("This comment period is closed")
    expect(visitor.get_by_role("button", name="Send your comment")).to_have_count(0)
    assert_accessible(visitor, "closed public comment page")
    visitor_context.close()
