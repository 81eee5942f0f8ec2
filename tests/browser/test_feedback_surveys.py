"""Surveys end to end: a representative builds a survey, a visitor answers on a phone, staff type in a paper
response, and the results show both (axe on every page)."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from feedback.models import Survey, SurveyResponse

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def test_build_answer_enter_paper_and_read_results(cast, page, browser, live_server):
    today = timezone.localdate().isoformat()
    log_in(page, cast.rep_a)
    page.goto(reverse("workspace:feedback:survey_list", kwargs={"organisation_pk": cast.org_a.pk}))
    assert_accessible(page, "survey list")
    page.get_by_role("link", name="New survey").click()
    assert_accessible(page, "new survey")
    page.get_by_label("Title", exact=True).fill("Counter service survey")
    page.get_by_label("Title in Irish").fill("Suirbhé ar an gcuntar")
    page.get_by_label("Opens on").fill(today)
    page.get_by_label("Closes on").fill(today)
    page.get_by_role("button", name="Create survey").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("Survey created")
    survey = Survey.objects.get(title="Counter service survey")

    page.get_by_role("link", name="Add a question").click()
    assert_accessible(page, "new question")
    page.get_by_label("Kind of question").select_option("satisfaction")
    page.get_by_label("Question", exact=True).fill("How satisfied were you with our service?")
    page.get_by_label("An answer is required").check()
    page.get_by_role("button", name="Add question").click()
    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Kind of question").select_option("text")
    page.get_by_label("Question", exact=True).fill("What could we do better?")
    page.get_by_role("button", name="Add question").click()
    page.wait_for_load_state("networkidle")
    assert_accessible(page, "survey page with questions")
    assert survey.questions.count() == 2

    visitor = browser.new_context(base_url=live_server.url, locale="en-IE", bypass_csp=True, viewport=PHONE)
    phone = visitor.new_page()
    phone.goto(reverse("public_feedback:survey", kwargs={"token": survey.token}))
    assert_accessible(phone, "public survey (phone)")
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.locator("body")).to_contain_text("There is a problem")
    assert_accessible(phone, "public survey with errors")
    phone.get_by_role("radio", name="5").check()
    phone.get_by_label("What could we do better?").fill("Nothing, the staff were great")
    phone.get_by_role("button", name="Send my answers").click()
    phone.wait_for_load_state("networkidle")
    expect(phone.locator("body")).to_contain_text("Thank you")
    assert_accessible(phone, "thank-you page")
    visitor.close()

    page.get_by_role("link", name="Enter a paper response").click()
    assert_accessible(page, "paper entry")
    page.get_by_label("Received as").select_option("paper")
    page.get_by_role("radio", name="2").check()
    page.get_by_role("button", name="Record the response").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("Response recorded")
    assert SurveyResponse.objects.get(survey=survey, channel="paper").entered_by == cast.rep_a

    page.get_by_role("link", name="Back to the survey").click()
    expect(page.locator("body")).to_contain_text("questions are frozen")
    page.get_by_role("link", name="Results", exact=True).click()
    page.wait_for_load_state("networkidle")
    content = page.content()
    assert "Satisfaction score: 50.0%" in content
    assert "Nothing, the staff were great" in content
    channels = page.locator("#channels")
    expect(channels.get_by_role("row", name="Web 1")).to_have_count(1)
    expect(channels.get_by_role("row", name="Paper 1")).to_have_count(1)
    assert_accessible(page, "results")
    assert not page.console_errors, page.console_errors
