"""An action plan from draft to progress report: the representative adds the missing action, the head signs off,
the evaluator approves, the representative publishes, reports progress and opens the annual progress report."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from action_plans.models import ActionProgress, DocumentState, PlanAction
from common.principles import Principle
from tests.action_plans.factories import ActionPlanFactory
from tests.standards.factories import standard_with_target

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def click_and_wait(page, role, name):
    page.get_by_role(role, name=name, exact=True).click()
    page.wait_for_load_state("networkidle")


def test_action_plan_journey(cast, page):
    year = timezone.localdate().year
    plan = ActionPlanFactory(
        organisation=cast.org_a, starts_on=datetime.date(year, 1, 1), ends_on=datetime.date(year + 2, 12, 31)
    )
    standard = standard_with_target(cast.org_a, code="CMP", title="Complaints answered in 20 days")
    PlanAction.objects.bulk_create(
        PlanAction(
            plan=plan,
            principle=principle.value,
            position=1,
            objective=f"Improve {principle.label}",
            action="Do the work.",
            owner="Customer Service Unit",
            target_date=datetime.date(year + 1, 6, 30),
            indicator="Measured each quarter",
        )
        for principle in Principle
        if principle != Principle.COMPLAINTS
    )
    plan_url = reverse("workspace:action_plans:plan_detail", kwargs={"organisation_pk": cast.org_a.pk, "pk": plan.pk})

    # The representative sees what is missing and adds the action under "Complaints".
    log_in(page, cast.rep_a)
    page.goto(reverse("workspace:action_plans:plan_list", kwargs={"organisation_pk": cast.org_a.pk}))
    assert_accessible(page, "plan list")
    click_and_wait(page, "link", "Version 1")
    expect(page.locator("body")).to_contain_text("Add at least one action under “Complaints”")
    assert_accessible(page, "plan page with its checklist")
    click_and_wait(page, "link", "Add an action — Complaints")
    expect(page.get_by_label("Principle")).to_have_value("complaints")
    page.get_by_label("Objective").fill("Answer complaints faster")
    page.get_by_label("Action", exact=True).fill("Triage every complaint within two days.")
    page.get_by_label("Owner").fill("Complaints Unit")
    page.get_by_label("Target date").fill(f"{year + 1}-03-31")
    page.get_by_label("Performance indicator").fill("Share answered within 20 days")
    page.get_by_label("CMP — Complaints answered in 20 days").check()
    assert_accessible(page, "action form")
    click_and_wait(page, "button", "Save the action")
    expect(page.locator("body")).to_contain_text("Action saved.")
    expect(page.locator("body")).to_contain_text("the plan is complete")
    action = PlanAction.objects.get(plan=plan, principle="complaints")
    assert list(action.standards.all()) == [standard]

    # The head of organisation signs it off; the representative submits it.
    log_in(page, cast.head_a)
    page.goto(plan_url)
    click_and_wait(page, "button", "Sign off the plan")
    expect(page.locator("body")).to_contain_text("signed off")
    assert_accessible(page, "signed-off plan")
    log_in(page, cast.rep_a)
    page.goto(plan_url)
    click_and_wait(page, "button", "Submit for review")
    assert_accessible(page, "submitted plan")

    # The assigned evaluator approves it; the representative publishes it.
    log_in(page, cast.evaluator_a)
    page.goto(plan_url)
    assert_accessible(page, "plan under review")
    click_and_wait(page, "button", "Approve the plan")
    log_in(page, cast.rep_a)
    page.goto(plan_url)
    click_and_wait(page, "button", "Publish the plan")
    plan.refresh_from_db()
    assert plan.state == DocumentState.PUBLISHED

    # The representative reports progress on the new action.
    click_and_wait(page, "link", "Report progress — Answer complaints faster")
    assert_accessible(page, "progress form")
    page.get_by_label("At risk").check()
    page.get_by_label("Note").fill("Two staff vacancies.")
    click_and_wait(page, "button", "Add the update")
    expect(page.locator("body")).to_contain_text("Progress update added.")
    assert ActionProgress.objects.get(action=action).status == "at_risk"
    assert_accessible(page, "published plan with progress")

    # And opens the annual progress report.
    click_and_wait(page, "link", f"Progress in {year}")
    expect(page.locator("body")).to_contain_text("Two staff vacancies.")
    expect(page.locator("body")).to_contain_text("CMP")
    assert_accessible(page, "annual progress report")
