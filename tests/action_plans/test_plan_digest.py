"""Overdue and at-risk actions on the head's "My work" page and in the weekly digest (once a week)."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from action_plans.digest import send_action_plan_digest
from action_plans.models import PlanDigestSent
from action_plans.todo_plans import plan_actions_to_watch
from organisations.todo import SOURCES
from tests.action_plans.factories import ActionProgressFactory, plan_in_state

D = datetime.date
MONDAY = D(2026, 11, 30)


@pytest.fixture
def watched(cast):
    """A's published plan: one overdue action, one at risk, the rest on time and not yet due."""
    plan = plan_in_state(cast.org_a, "published")
    plan.actions.update(target_date=D(2030, 1, 1))
    overdue = plan.actions.get(principle="complaints")
    overdue.target_date = D(2026, 6, 30)
    overdue.objective = "Answer complaints faster"
    overdue.save()
    risky = plan.actions.get(principle="appeals")
    risky.objective = "Publish the appeals procedure"
    risky.save()
    ActionProgressFactory(action=risky, status="at_risk", reported_on=D(2026, 10, 1))
    done = plan.actions.get(principle="access")
    done.target_date = D(2026, 6, 30)
    done.save()
    ActionProgressFactory(action=done, status="done", reported_on=D(2026, 6, 1))
    plan_in_state(cast.org_a, "draft", number=2).actions.update(target_date=D(2020, 1, 1))  # drafts do not count
    return plan


def test_the_source_is_registered_and_lists_the_heads_flagged_actions(cast, watched):
    assert plan_actions_to_watch in SOURCES
    items = plan_actions_to_watch(cast.head_a)
    assert sorted((item.kind, item.title) for item in items) == [
        ("Action at risk", "Publish the appeals procedure"),
        ("Overdue action", "Answer complaints faster"),
    ]
    assert all(item.url.startswith(f"/workspace/action_plans/organisations/{cast.org_a.pk}/plans/") for item in items)
    assert plan_actions_to_watch(cast.rep_a) == [] and plan_actions_to_watch(cast.rep_b) == []


def test_my_work_shows_them_to_the_head(cast, watched, client_for):
    page = client_for("head_a").get(reverse("workspace:my_work:index")).content.decode()
    assert "Answer complaints faster" in page and "Publish the appeals procedure" in page


def test_the_digest_goes_to_heads_once_a_week(cast, watched):
    assert send_action_plan_digest(today=MONDAY) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [cast.head_a.email]
    assert "2 actions" in message.subject
    assert "Answer complaints faster" in message.body and "Publish the appeals procedure" in message.body
    assert f"/organisations/{cast.org_a.pk}/plans/{watched.pk}/#section-principle-complaints" in message.body
    assert send_action_plan_digest(today=MONDAY + datetime.timedelta(days=3)) == 0  # same week
    call_command("send_action_plan_digest", "--date", "2026-12-02", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert send_action_plan_digest(today=MONDAY + datetime.timedelta(days=7)) == 1  # next week
    assert PlanDigestSent.objects.filter(user=cast.head_a).count() == 2


def test_no_digest_when_nothing_needs_attention(cast):
    plan_in_state(cast.org_a, "published").actions.update(target_date=D(2030, 1, 1))
    assert send_action_plan_digest(today=MONDAY) == 0
    assert mail.outbox == [] and not PlanDigestSent.objects.exists()


def test_the_celery_task_runs_the_digest_and_is_scheduled(cast, watched, settings):
    from action_plans.tasks import send_action_plan_digest as task

    assert settings.CELERY_BEAT_SCHEDULE["action-plan-digest"]["task"] == "action_plans.tasks.send_action_plan_digest"
    assert task.delay().get() in (0, 1)
