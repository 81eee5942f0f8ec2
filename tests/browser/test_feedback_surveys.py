"""Surveys end to end (axe on every page): a representative builds a survey, a visitor answers on a phone,
staff type in a paper response, and the results show both; a survey that collected web and paper responses
closes, and its score arrives in the period's metric return as a fed value."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from feedback.models import Survey, SurveyResponse
from standards.models import Frequency
from standards.periods import period_bounds

from ..feedback.factories import satisfaction_survey
from ..standards.factories import standard_with_target
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


def test_a_closed_survey_score_arrives_in_the_return_as_a_fed_value(cast, page, browser, live_server):
    today = timezone.localdate()
    standard = standard_with_target(cast.org_a, code="CSAT", title="Customer satisfaction", target="80")
    survey = satisfaction_survey(cast.org_a, title="Counter survey", closes_on=today)
    survey_url = reverse("public_feedback:survey", kwargs={"token": survey.token})

    visitor = browser.new_context(base_url=live_server.url, locale="en-IE", bypass_csp=True, viewport=PHONE)
    phone = visitor.new_page()
    phone.goto(survey_url)
    assert_accessible(phone, "public survey (phone)")
    phone.get_by_role("radio", name="5").check()
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.locator("body")).to_contain_text("Thank you")

    log_in(page, cast.rep_a)
    page.goto(reverse("workspace:feedback:survey_detail", kwargs={"organisation_pk": cast.org_a.pk, "pk": survey.pk}))
    page.get_by_role("link", name="Enter a paper response").click()
    page.get_by_label("Received as").select_option("paper")
    page.get_by_role("radio", name="2").check()
    page.get_by_role("button", name="Record the response").click()
    expect(page.locator("body")).to_contain_text("Response recorded")

    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):  # the day after the closing date
        phone.goto(survey_url)
        expect(phone.locator("body")).to_contain_text("It no longer takes answers")
        expect(phone.get_by_role("button", name="Send my answers")).to_have_count(0)
        assert_accessible(phone, "closed survey (phone)")
    visitor.close()

    page.goto(reverse("workspace:feedback:figure_list", kwargs={"organisation_pk": cast.org_a.pk}))
    assert_accessible(page, "figures page")
    page.get_by_label("Standard", exact=True).select_option(label="CSAT Customer satisfaction")
    page.get_by_label("Figure", exact=True).select_option(label="Survey satisfaction score")
    page.get_by_label("Survey question").select_option(label="Counter survey: How satisfied were you?")
    page.get_by_role("button", name="Link the standard").click()
    expect(page.get_by_role("status").get_by_text("The standard is now fed by the figure.")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="CSAT")).to_contain_text("Counter survey")
    assert_accessible(page, "figures page with the linked standard")

    quarter = period_bounds(Frequency.QUARTERLY, today).label
    page.get_by_label("Reporting period").select_option(quarter)
    page.get_by_role("button", name="Feed the figures into the return").click()
    expect(page.get_by_role("status").get_by_text(f"1 standard(s) fed for {quarter}.")).to_be_visible()

    page.goto(reverse("workspace:standards:return_list", kwargs={"organisation_pk": cast.org_a.pk}))
    page.get_by_role("link", name=quarter).click()
    row = page.get_by_role("row").filter(has_text="CSAT")
    expect(row).to_contain_text("1 / 2")  # the web answer (5) is satisfied, the paper one (2) is not
    expect(row).to_contain_text("Survey responses")  # the value is marked as fed from the survey
    expect(row).to_contain_text("answers to the survey “Counter survey”")
    assert_accessible(page, "return with the fed value")
    assert standard.values.get().source == "survey"
