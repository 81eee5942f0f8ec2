"""Action-plan pages per role, with bad input: forged ids, stale edits, double submits, progress too early."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from action_plans.models import ActionPlan, ActionProgress, DocumentState, PlanAction, ReviewComment
from tests.action_plans.factories import ActionPlanFactory, ActionProgressFactory, plan_in_state
from tests.standards.factories import ServiceStandardFactory

D = datetime.date


def _url(name, plan_or_action, **extra):
    organisation_pk = (
        plan_or_action.plan.organisation_id
        if isinstance(plan_or_action, PlanAction)
        else (plan_or_action.organisation_id)
    )
    return reverse(
        f"workspace:action_plans:{name}", kwargs={"organisation_pk": organisation_pk, "pk": plan_or_action.pk, **extra}
    )


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _action_data(**overrides):
    return {
        "principle": "complaints",
        "objective": "Answer complaints faster",
        "action": "Triage every complaint within two days.",
        "owner": "Complaints Unit",
        "target_date": "2027-12-31",
        "indicator": "Share answered within 20 days",
        **overrides,
    }


def test_starting_a_plan_runs_three_years_by_default(cast, client_for):
    client = client_for("rep_a")
    url = reverse("workspace:action_plans:plan_start", kwargs={"organisation_pk": cast.org_a.pk})
    response = client.post(url, {"starts_on": "2026-01-01"})
    plan = ActionPlan.objects.get(organisation=cast.org_a)
    assert response.status_code == 302
    assert (plan.starts_on, plan.ends_on) == (D(2026, 1, 1), D(2028, 12, 31))
    response = client.post(url, {"starts_on": "2026-01-01"})
    assert "already has a plan" in response.content.decode()
    assert ActionPlan.objects.count() == 1


def test_the_plan_page_shows_the_checklist_with_anchors_and_comments_beside_principles(cast, client_for):
    plan = ActionPlanFactory(organisation=cast.org_a, state="changes_requested")
    ReviewComment.objects.create(
        plan=plan, principle="appeals", author=cast.evaluator_a, text="Name the appeals officer."
    )
    page = client_for("rep_a").get(_url("plan_detail", plan)).content.decode()
    assert 'href="#section-principle-appeals"' in page and 'id="section-principle-appeals"' in page
    assert "Name the appeals officer." in page
    assert page.index("Name the appeals officer.") > page.index('id="section-principle-appeals"')
    assert "Add an action" in page


def test_the_representative_adds_an_action_with_a_standard(cast, client_for):
    plan = ActionPlanFactory(organisation=cast.org_a)
    standard = ServiceStandardFactory(organisation=cast.org_a)
    response = client_for("rep_a").post(_url("plan_action_add", plan), _action_data(standards=[str(standard.pk)]))
    assert response.status_code == 302 and response["Location"].endswith("#section-principle-complaints")
    assert list(PlanAction.objects.get(plan=plan).standards.all()) == [standard]


def test_a_forged_standard_id_is_refused_with_the_text_kept(cast, client_for):
    plan = ActionPlanFactory(organisation=cast.org_a)
    other = ServiceStandardFactory(organisation=cast.org_b)
    response = client_for("rep_a").post(_url("plan_action_add", plan), _action_data(standards=[str(other.pk)]))
    assert response.status_code == 200
    assert "Answer complaints faster" in response.content.decode()
    assert not PlanAction.objects.exists()


def test_a_stale_edit_is_refused_and_the_typed_text_stays(cast, client_for):
    plan = plan_in_state(cast.org_a, "draft")
    action = plan.actions.get(principle="complaints")
    PlanAction.objects.filter(pk=action.pk).update(edit_version=1, owner="Someone else's owner")
    response = client_for("rep_a").post(
        _url("plan_action_edit", action), _action_data(owner="My owner", edit_version=0)
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Someone else changed" in page and "My owner" in page
    action.refresh_from_db()
    assert action.owner == "Someone else's owner"


def test_another_organisations_action_is_not_found(cast, client_for):
    foreign = plan_in_state(cast.org_b, "draft").actions.first()
    client = client_for("rep_a")
    url = reverse(
        "workspace:action_plans:plan_action_edit", kwargs={"organisation_pk": cast.org_a.pk, "pk": foreign.pk}
    )
    assert client.post(url, _action_data(edit_version=0)).status_code == 404
    url = reverse(
        "workspace:action_plans:plan_action_delete", kwargs={"organisation_pk": cast.org_a.pk, "pk": foreign.pk}
    )
    assert client.post(url, {"edit_version": 0}).status_code == 404
    assert PlanAction.objects.filter(pk=foreign.pk).exists()


def test_editing_a_plan_that_is_not_editable_goes_back_with_the_state(cast, client_for):
    plan = plan_in_state(cast.org_a, "submitted")
    response = client_for("rep_a").get(_url("plan_action_add", plan))
    assert response.status_code == 302
    assert "waiting for review" in " ".join(_messages(response))


def test_removing_an_action(cast, client_for):
    plan = plan_in_state(cast.org_a, "draft")
    action = plan.actions.first()
    response = client_for("rep_a").post(_url("plan_action_delete", action), {"edit_version": 0})
    assert response.status_code == 302 and not PlanAction.objects.filter(pk=action.pk).exists()


def test_the_life_cycle_through_the_buttons_and_a_double_submit(cast, client_for):
    plan = plan_in_state(cast.org_a, "draft")
    assert client_for("head_a").post(_url("plan_sign_off", plan)).status_code == 302
    client = client_for("rep_a")
    client.post(_url("plan_submit", plan))
    response = client.post(_url("plan_submit", plan))
    assert "waiting for review" in " ".join(_messages(response))
    evaluator = client_for("evaluator_a")
    response = evaluator.post(_url("plan_request_changes", plan), {})
    assert "at least one comment" in response.content.decode()
    evaluator.post(_url("plan_request_changes", plan), {"comment_appeals": "Name the appeals officer."})
    assert ReviewComment.objects.get(plan=plan).principle == "appeals"
    client = client_for("rep_a")
    client.post(_url("plan_submit", plan))
    client_for("evaluator_a").post(_url("plan_approve", plan))
    client_for("rep_a").post(_url("plan_publish", plan))
    plan.refresh_from_db()
    assert plan.state == DocumentState.PUBLISHED


def test_an_incomplete_plan_cannot_be_signed_off(cast, client_for):
    plan = ActionPlanFactory(organisation=cast.org_a)
    response = client_for("head_a").post(_url("plan_sign_off", plan))
    assert "Add at least one action" in " ".join(_messages(response))
    plan.refresh_from_db()
    assert plan.state == DocumentState.DRAFT


@pytest.mark.parametrize(
    "role,expected", [("rep_a", 302), ("head_a", 302), ("staff_a", 403), ("evaluator_a", 403), ("rep_b", 404)]
)
def test_progress_per_role(cast, client_for, role, expected):
    action = plan_in_state(cast.org_a, "published").actions.first()
    response = client_for(role).post(
        _url("plan_progress_add", action), {"status": "at_risk", "reported_on": "2026-06-30", "note": "Short."}
    )
    assert response.status_code == expected
    assert ActionProgress.objects.filter(action=action).count() == (1 if expected == 302 else 0)


def test_no_progress_on_an_unpublished_plan(cast, client_for):
    action = plan_in_state(cast.org_a, "approved").actions.first()
    response = client_for("rep_a").post(
        _url("plan_progress_add", action), {"status": "done", "reported_on": "2026-06-30"}
    )
    assert response.status_code == 302
    assert "published plan only" in " ".join(_messages(response))
    assert not ActionProgress.objects.exists()


def test_the_published_plan_shows_latest_status_history_overdue_and_at_risk(cast, client_for):
    plan = plan_in_state(cast.org_a, "published")
    late = plan.actions.get(principle="complaints")
    late.target_date = D(2026, 1, 31)
    late.save()
    ActionProgressFactory(action=late, status="on_track", reported_on=D(2026, 1, 15), note="Started.")
    ActionProgressFactory(action=late, status="late", reported_on=D(2026, 2, 15), note="Behind.")
    page = client_for("head_a").get(_url("plan_detail", plan)).content.decode()
    assert "Overdue" in page and "At risk" in page and "2 progress updates" in page
    assert "Report progress" in page
    assert "Report progress" not in client_for("staff_a").get(_url("plan_detail", plan)).content.decode()


def test_a_new_version_through_the_button(cast, client_for):
    plan = plan_in_state(cast.org_a, "published")
    response = client_for("rep_a").post(_url("plan_new_version", plan))
    copy = ActionPlan.objects.get(number=2)
    assert response["Location"] == _url("plan_detail", copy)
    response = client_for("rep_a").post(_url("plan_new_version", plan))
    assert "already has a plan" in " ".join(_messages(response))


def test_reviewers_see_a_plan_only_once_it_is_submitted(cast, client_for):
    """The charters' rule (action_plans/access.py): drafts and signed-off versions are the organisation's own."""
    plan = plan_in_state(cast.org_a, "draft")
    list_url = reverse("workspace:action_plans:plan_list", kwargs={"organisation_pk": cast.org_a.pk})
    detail_url, action_url = _url("plan_detail", plan), _url("plan_progress_add", plan.actions.first())
    for state in ("draft", "signed_off"):
        ActionPlan.objects.filter(pk=plan.pk).update(state=state)
        evaluator = client_for("evaluator_a")
        assert evaluator.get(detail_url).status_code == 404
        assert evaluator.get(action_url).status_code == 404
        assert detail_url not in evaluator.get(list_url).content.decode()
        assert client_for("lead").get(detail_url).status_code == 404
        assert client_for("staff_a").get(detail_url).status_code == 200
        assert client_for("admin").get(detail_url).status_code == 200
    client_for("rep_a").post(_url("plan_submit", plan))
    assert ActionPlan.objects.get(pk=plan.pk).state == DocumentState.SUBMITTED
    evaluator = client_for("evaluator_a")
    assert evaluator.get(detail_url).status_code == 200
    assert detail_url in evaluator.get(list_url).content.decode()


def test_the_index_links_the_published_plan_and_the_one_in_progress_to_those_who_may_see_it(cast, client_for):
    published = plan_in_state(cast.org_a, "published")
    draft = plan_in_state(cast.org_a, "draft", number=2)
    index = reverse("workspace:action_plans:index")
    page = client_for("staff_a").get(index).content.decode()
    assert _url("plan_detail", published) in page and _url("plan_detail", draft) in page
    page = client_for("evaluator_a").get(index).content.decode()
    assert _url("plan_detail", published) in page and _url("plan_detail", draft) not in page
