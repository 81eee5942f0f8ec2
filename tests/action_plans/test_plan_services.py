"""Action-plan services: starting, new versions, actions (optimistic edits, forged ids), progress, audit."""

import datetime

import pytest
from django.utils import timezone

from action_plans.models import ActionPlan, ActionProgress, DocumentState, PlanAction
from action_plans.services import plans as services
from action_plans.services.lifecycle import document_sign_off, document_submit
from common.errors import ServiceError
from organisations.models import AuditEvent
from tests.action_plans.factories import ActionPlanFactory, plan_in_state
from tests.standards.factories import ServiceStandardFactory

D = datetime.date
FIELDS = {
    "principle": "complaints",
    "objective": "Answer complaints faster",
    "action": "Triage every complaint within two days.",
    "owner": "Complaints Unit",
    "target_date": D(2027, 12, 31),
    "indicator": "Share answered within 20 days",
}


def test_starting_a_plan_numbers_it_and_refuses_a_second_open_one(cast):
    plan = services.plan_start(
        actor=cast.rep_a, organisation=cast.org_a, starts_on=D(2026, 1, 1), ends_on=D(2028, 12, 31)
    )
    assert (plan.number, plan.state) == (1, DocumentState.DRAFT)
    assert AuditEvent.objects.filter(verb="action_plan.start", target_id=str(plan.pk)).exists()
    with pytest.raises(ServiceError, match="already has a plan"):
        services.plan_start(actor=cast.rep_a, organisation=cast.org_a, starts_on=D(2026, 1, 1), ends_on=D(2028, 12, 31))
    assert ActionPlan.objects.filter(organisation=cast.org_a).count() == 1


def test_only_the_representative_starts_a_plan_and_it_must_end_after_it_starts(cast):
    with pytest.raises(ServiceError):
        services.plan_start(actor=cast.head_a, organisation=cast.org_a, starts_on=D(2026, 1, 1), ends_on=D(2028, 1, 1))
    with pytest.raises(ServiceError):
        services.plan_start(actor=cast.rep_a, organisation=cast.org_a, starts_on=D(2026, 1, 1), ends_on=D(2026, 1, 1))
    assert not ActionPlan.objects.exists()


def test_a_new_version_copies_the_published_actions_and_their_standards(cast):
    plan = plan_in_state(cast.org_a, "published")
    standard = ServiceStandardFactory(organisation=cast.org_a)
    first = plan.actions.order_by("pk").first()
    first.standards.add(standard)
    copy = services.plan_new_version(actor=cast.rep_a, plan=plan)
    assert (copy.number, copy.state, copy.based_on) == (2, DocumentState.DRAFT, plan)
    assert copy.actions.count() == 12
    carried = copy.actions.get(carried_from=first)
    assert list(carried.standards.all()) == [standard]
    assert carried.objective == first.objective
    with pytest.raises(ServiceError):
        services.plan_new_version(actor=cast.rep_a, plan=plan)  # one open version at a time
    with pytest.raises(ServiceError):
        services.plan_new_version(actor=cast.rep_a, plan=copy)  # a draft is not copied


def test_adding_and_editing_an_action_with_linked_standards(cast):
    plan = ActionPlanFactory(organisation=cast.org_a)
    standard = ServiceStandardFactory(organisation=cast.org_a)
    action = services.action_save(actor=cast.rep_a, plan=plan, fields=FIELDS, standard_ids=[str(standard.pk)])
    assert (action.position, list(action.standards.all())) == (1, [standard])
    edited = services.action_save(
        actor=cast.rep_a, plan=plan, fields={**FIELDS, "owner": "Director"}, action_id=action.pk, edit_version=0
    )
    assert (edited.owner, edited.edit_version, edited.standards.count()) == ("Director", 1, 0)
    verbs = list(AuditEvent.objects.filter(verb__startswith="action_plan.action").values_list("verb", flat=True))
    assert sorted(verbs) == ["action_plan.action_add", "action_plan.action_edit"]


def test_a_stale_edit_is_refused_and_nothing_changes(cast):
    plan = ActionPlanFactory(organisation=cast.org_a)
    action = services.action_save(actor=cast.rep_a, plan=plan, fields=FIELDS)
    services.action_save(
        actor=cast.rep_a, plan=plan, fields={**FIELDS, "owner": "First"}, action_id=action.pk, edit_version=0
    )
    with pytest.raises(ServiceError, match="Someone else changed"):
        services.action_save(
            actor=cast.rep_a, plan=plan, fields={**FIELDS, "owner": "Second"}, action_id=action.pk, edit_version=0
        )
    with pytest.raises(ServiceError, match="Someone else changed"):
        services.action_delete(actor=cast.rep_a, plan=plan, action_id=action.pk, edit_version=0)
    action.refresh_from_db()
    assert action.owner == "First"


@pytest.mark.parametrize("forged", ["other", "nonsense"])
def test_a_forged_standard_id_is_refused(cast, forged):
    plan = ActionPlanFactory(organisation=cast.org_a)
    other = ServiceStandardFactory(organisation=cast.org_b)
    ids = [str(other.pk)] if forged == "other" else ["1; DROP"]
    with pytest.raises(ServiceError) as error:
        services.action_save(actor=cast.rep_a, plan=plan, fields=FIELDS, standard_ids=ids)
    assert error.value.field == "standards"
    assert not PlanAction.objects.exists()


def test_an_action_of_another_plan_is_refused(cast):
    plan = ActionPlanFactory(organisation=cast.org_a)
    foreign = plan_in_state(cast.org_b, "draft").actions.first()
    with pytest.raises(ServiceError, match="not part of this plan"):
        services.action_save(actor=cast.rep_a, plan=plan, fields=FIELDS, action_id=foreign.pk, edit_version=0)
    with pytest.raises(ServiceError, match="not part of this plan"):
        services.action_delete(actor=cast.rep_a, plan=plan, action_id=foreign.pk, edit_version=0)
    assert PlanAction.objects.filter(pk=foreign.pk, objective=foreign.objective).exists()


@pytest.mark.parametrize("state", ["signed_off", "submitted", "approved", "published"])
def test_actions_change_only_in_editable_states(cast, state):
    plan = plan_in_state(cast.org_a, state)
    with pytest.raises(ServiceError):
        services.action_save(actor=cast.rep_a, plan=plan, fields=FIELDS)
    assert plan.actions.count() == 12


def test_a_double_submit_is_refused_the_second_time(cast):
    plan = plan_in_state(cast.org_a, "draft")
    document_sign_off(actor=cast.head_a, document=plan)
    document_submit(actor=cast.rep_a, document=plan)
    with pytest.raises(ServiceError, match="submitted"):
        document_submit(actor=cast.rep_a, document=plan)
    assert AuditEvent.objects.filter(verb="action_plan.submit").count() == 1


def test_progress_is_added_by_the_representative_and_the_head_and_audited(cast):
    plan = plan_in_state(cast.org_a, "published")
    action = plan.actions.first()
    today = timezone.localdate()
    services.progress_add(actor=cast.rep_a, plan=plan, action_id=action.pk, status="on_track", reported_on=today)
    services.progress_add(
        actor=cast.head_a, plan=plan, action_id=action.pk, status="at_risk", reported_on=today, note="Staff short."
    )
    assert list(action.progress.values_list("status", flat=True)) == ["at_risk", "on_track"]
    assert AuditEvent.objects.filter(verb="action_plan.progress").count() == 2
    with pytest.raises(ServiceError):
        services.progress_add(actor=cast.staff_a, plan=plan, action_id=action.pk, status="done", reported_on=today)


@pytest.mark.parametrize("state", ["draft", "approved", "superseded"])
def test_no_progress_on_a_plan_that_is_not_published(cast, state):
    plan = plan_in_state(cast.org_a, state)
    with pytest.raises(ServiceError, match="published plan only"):
        services.progress_add(
            actor=cast.rep_a, plan=plan, action_id=plan.actions.first().pk, status="done", reported_on=D(2026, 5, 1)
        )
    assert not ActionProgress.objects.exists()


def test_progress_dates_and_statuses_are_checked(cast):
    plan = plan_in_state(cast.org_a, "published")
    action = plan.actions.first()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    for status, day in [("done", tomorrow), ("done", D(2025, 12, 31)), ("finished", D(2026, 5, 1))]:
        with pytest.raises(ServiceError):
            services.progress_add(actor=cast.rep_a, plan=plan, action_id=action.pk, status=status, reported_on=day)
    with pytest.raises(ServiceError):
        services.progress_add(actor=cast.rep_a, plan=plan, action_id="x", status="done", reported_on=D(2026, 5, 1))
    assert not ActionProgress.objects.exists()
