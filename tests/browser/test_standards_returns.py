"""A representative defines a standard and submits a return; an evaluator queries it, then accepts the answer."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from organisations.services import evaluator_assign
from standards.models import MetricReturn, ReturnState

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def submit_and_wait(page, name):
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("networkidle")


def test_standard_return_query_and_acceptance(cast, page):
    evaluator_assign(actor=cast.admin, organisation=cast.org_a, evaluator=cast.evaluator)

    # The representative defines a standard.
    log_in(page, cast.rep_a)
    page.goto(reverse("workspace:standards:index"))
    assert_accessible(page, "standards home")
    page.get_by_role("link", name=f"Standards — {cast.org_a.name}").click()
    assert_accessible(page, "standard list")
    page.get_by_role("link", name="New standard").click()
    page.get_by_label("Code", exact=True).fill("CALLS")
    page.get_by_label("Title in plain language").fill("We answer calls within 5 minutes")
    page.get_by_label("Channel").select_option("phone")
    page.get_by_label("Principle").select_option("timeliness")
    page.get_by_label("Measure").select_option("percent_within")
    page.get_by_label("Threshold (optional)", exact=True).fill("5")
    page.get_by_label("Threshold unit").select_option("minutes")
    page.get_by_label("Reporting frequency").select_option("quarterly")
    page.get_by_label("Target", exact=True).fill("120")
    submit_and_wait(page, "Create standard")
    expect(page.locator("body")).to_contain_text("A percentage target must be between 0 and 100.")
    expect(page.get_by_label("Code", exact=True)).to_have_value("CALLS")
    assert_accessible(page, "standard form with errors")
    page.get_by_label("Target", exact=True).fill("80")
    submit_and_wait(page, "Create standard")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^CALLS"))
    assert_accessible(page, "standard detail")

    # It opens a return, enters values and submits.
    page.get_by_role("link", name="All standards").click()
    page.get_by_role("link", name="Metric returns").click()
    assert_accessible(page, "return list")
    page.get_by_role("link", name="Open a return").click()
    assert_accessible(page, "open a return")
    submit_and_wait(page, "Open the return")
    assert_accessible(page, "values grid")
    page.get_by_label("Within the threshold — CALLS").fill("95")
    page.get_by_label("Total — CALLS").fill("90")
    submit_and_wait(page, "Submit the return")
    expect(page.locator("body")).to_contain_text("cannot be more than the total")
    expect(page.get_by_label("Within the threshold — CALLS")).to_have_value("95")
    assert_accessible(page, "values grid with errors")
    page.get_by_label("Within the threshold — CALLS").fill("72")
    page.get_by_label("Total — CALLS").fill("100")
    page.get_by_label("Note — CALLS").fill("From the phone system")
    submit_and_wait(page, "Submit the return")
    expect(page.locator("body")).to_contain_text("Return submitted")
    assert_accessible(page, "submitted return")
    metric_return = MetricReturn.objects.get()
    assert metric_return.state == ReturnState.SUBMITTED

    # The assigned evaluator finds it in the review queue and asks a question.
    log_in(page, cast.evaluator)
    page.goto(reverse("workspace:standards:index"))
    assert_accessible(page, "review queue")
    page.get_by_role("link", name=f"Review — {cast.org_a.name}").click()
    assert_accessible(page, "review page")
    page.get_by_label("Question for the organisation").fill("72% is low. What happened?")
    submit_and_wait(page, "Send the question")
    expect(page.locator("body")).to_contain_text("Question sent")

    # The representative answers, corrects a figure and submits again.
    log_in(page, cast.rep_a)
    page.goto(
        reverse(
            "workspace:standards:return_detail",
            kwargs={"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk},
        )
    )
    expect(page.locator("body")).to_contain_text("72% is low. What happened?")
    assert_accessible(page, "queried return")
    page.get_by_role("link", name="Answer and edit values").click()
    page.get_by_label("Within the threshold — CALLS").fill("78")
    page.get_by_label("Your answer to the evaluator's question").fill("Some calls were counted twice.")
    assert_accessible(page, "answer form")
    submit_and_wait(page, "Submit again")
    expect(page.locator("body")).to_contain_text("Return submitted")

    # The evaluator accepts.
    log_in(page, cast.evaluator)
    page.goto(
        reverse(
            "workspace:standards:return_detail",
            kwargs={"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk},
        )
    )
    expect(page.locator("body")).to_contain_text("Some calls were counted twice.")
    submit_and_wait(page, "Accept the return")
    expect(page.locator("body")).to_contain_text("Return accepted")
    assert_accessible(page, "accepted return")
    metric_return.refresh_from_db()
    assert (metric_return.state, metric_return.is_current) == (ReturnState.ACCEPTED, True)
    assert metric_return.values.get().value == 78
    assert not page.console_errors, page.console_errors
