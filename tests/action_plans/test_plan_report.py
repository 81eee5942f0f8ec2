"""The annual progress report: statuses at the year end, the year's notes, linked standards' results, the PDF."""

import datetime

import pytest
from django.urls import reverse

from action_plans.report import plan_report_context
from tests.action_plans.factories import ActionProgressFactory, plan_in_state
from tests.common.test_pdf import assert_tagged
from tests.standards.factories import current_value, quarter_period, standard_with_target

D = datetime.date


@pytest.fixture
def report_plan(cast):
    plan = plan_in_state(cast.org_a, "published")
    actions = {action.principle: action for action in plan.actions.all()}
    # complaints: on track in 2026, done in 2027 -> "on track" at the end of 2026
    ActionProgressFactory(action=actions["complaints"], status="on_track", reported_on=D(2026, 4, 1), note="Begun.")
    ActionProgressFactory(action=actions["complaints"], status="done", reported_on=D(2027, 2, 1), note="Finished.")
    # appeals: late in 2026, target date passed -> overdue and at risk
    actions["appeals"].target_date = D(2026, 6, 30)
    actions["appeals"].save()
    ActionProgressFactory(action=actions["appeals"], status="late", reported_on=D(2026, 7, 1), note="Behind.")
    # access: done
    ActionProgressFactory(action=actions["access"], status="done", reported_on=D(2026, 9, 1))
    standard = standard_with_target(cast.org_a, target="80", code="PH1", title="Calls answered in 5 minutes")
    for quarter in (1, 2):
        current_value(standard, quarter_period(2026, quarter), numerator=900, denominator=1000)
    actions["complaints"].standards.add(standard)
    return plan


def _rows(context):
    return {row["action"].principle: row for block in context["principles"] for row in block["rows"]}


def test_statuses_at_the_year_end_and_the_summary(report_plan):
    context = plan_report_context(report_plan, 2026)
    rows = _rows(context)
    assert rows["complaints"]["status"] == "on_track"
    assert [u.note for u in rows["complaints"]["notes"]] == ["Begun."]
    assert rows["appeals"]["status"] == "late" and rows["appeals"]["overdue"]
    assert rows["access"]["status"] == "done"
    counts = {row["status"]: row["count"] for row in context["summary"]}
    assert counts == {"on_track": 1, "at_risk": 0, "late": 1, "done": 1, "": 9}
    assert (context["total"], context["overdue"], context["at_risk"]) == (12, 1, 1)


def test_linked_standards_show_the_years_attainment_from_the_standards_app(report_plan):
    standards = _rows(plan_report_context(report_plan, 2026))["complaints"]["standards"]
    assert len(standards) == 1
    result = standards[0]["result"]
    assert result["code"] == "PH1" and result["status"] == "green" and "90" in result["result_text"]
    assert _rows(plan_report_context(report_plan, 2025))["complaints"]["standards"][0]["result"]["result"] is None


def test_the_report_of_the_current_year_stops_at_today(report_plan):
    context = plan_report_context(report_plan, 2027, today=D(2027, 3, 1))
    assert context["as_of"] == D(2027, 3, 1)
    assert _rows(context)["complaints"]["status"] == "done"


def test_the_report_page_and_its_tagged_pdf(report_plan, client_for):
    kwargs = {"organisation_pk": report_plan.organisation_id, "pk": report_plan.pk, "year": 2026}
    client = client_for("staff_a")
    page = client.get(reverse("workspace:action_plans:plan_report", kwargs=kwargs)).content.decode()
    assert "Begun." in page and "PH1" in page and "Finished." not in page
    response = client.get(reverse("workspace:action_plans:plan_report_pdf", kwargs=kwargs))
    assert response["Content-Type"] == "application/pdf"
    assert_tagged(response.content, title=f"Action plan progress 2026: {report_plan.organisation.name}", lang="en")


@pytest.mark.parametrize("year", [2025, 2029])
def test_no_report_for_a_year_outside_the_plan(report_plan, client_for, year):
    kwargs = {"organisation_pk": report_plan.organisation_id, "pk": report_plan.pk, "year": year}
    assert client_for("rep_a").get(reverse("workspace:action_plans:plan_report", kwargs=kwargs)).status_code == 404


def test_no_report_for_a_draft(cast, client_for):
    plan = plan_in_state(cast.org_a, "draft")
    kwargs = {"organisation_pk": plan.organisation_id, "pk": plan.pk, "year": 2026}
    assert client_for("rep_a").get(reverse("workspace:action_plans:plan_report", kwargs=kwargs)).status_code == 404
