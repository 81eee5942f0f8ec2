"""The progress rules (action_plans/progress.py): latest status, overdue, at risk; Python and SQL agree."""

import datetime

import pytest

from action_plans import progress
from action_plans.models import ActionProgress, PlanAction, ProgressStatus
from tests.action_plans.factories import ActionProgressFactory, plan_in_state

D = datetime.date
TODAY = D(2027, 9, 1)


def _update(status, day, pk):
    return ActionProgress(status=status, reported_on=day, pk=pk)


def test_the_latest_update_by_date_then_by_entry_gives_the_status():
    updates = [
        _update("on_track", D(2026, 3, 1), 1),
        _update("late", D(2026, 6, 1), 2),
        _update("done", D(2026, 6, 1), 3),
    ]
    assert progress.status_on(updates) == "done"
    assert progress.status_on(updates, D(2026, 5, 31)) == "on_track"
    assert progress.status_on(updates, D(2026, 2, 1)) == ""
    assert progress.status_on([]) == ""


@pytest.mark.parametrize(
    "target,status,expected",
    [
        (D(2027, 8, 31), "", True),  # passed, no update
        (D(2027, 8, 31), "on_track", True),
        (D(2027, 8, 31), "late", True),
        (D(2027, 8, 31), "done", False),
        (D(2027, 9, 1), "", False),  # due today: not yet overdue
        (D(2027, 12, 31), "at_risk", False),
    ],
)
def test_overdue_means_the_target_date_passed_and_not_done(target, status, expected):
    assert progress.is_overdue(target, status, TODAY) is expected


@pytest.mark.parametrize(
    "status,expected", [("at_risk", True), ("late", True), ("on_track", False), ("done", False), ("", False)]
)
def test_at_risk_means_at_risk_or_late(status, expected):
    assert progress.is_at_risk(status) is expected


def test_the_database_filters_agree_with_the_python_rules(cast):
    plan = plan_in_state(cast.org_a, "published")
    plan.actions.update(target_date=D(2030, 1, 1))  # the actions no case below uses are neither
    actions = list(plan.actions.order_by("pk"))
    cases = [
        (D(2027, 6, 30), []),
        (D(2027, 6, 30), [("done", D(2027, 6, 1))]),
        (D(2027, 6, 30), [("done", D(2027, 6, 1)), ("late", D(2027, 7, 1))]),
        (D(2028, 6, 30), [("on_track", D(2027, 6, 1))]),
        (D(2028, 6, 30), [("at_risk", D(2027, 6, 1))]),
        (D(2028, 6, 30), [("late", D(2027, 6, 1)), ("on_track", D(2027, 7, 1))]),
        (D(2028, 6, 30), [("on_track", D(2027, 6, 1)), ("late", D(2027, 6, 1))]),  # same day: the later entry
    ]
    for action, (target, updates) in zip(actions, cases, strict=False):
        action.target_date = target
        action.save()
        for status, day in updates:
            ActionProgressFactory(action=action, status=status, reported_on=day)
    flagged = set(progress.flagged(PlanAction.objects.filter(plan=plan), TODAY).values_list("pk", flat=True))
    expected = set()
    for action in plan.actions.prefetch_related("progress"):
        status = progress.status_on(list(action.progress.all()))
        if progress.is_overdue(action.target_date, status, TODAY) or progress.is_at_risk(status):
            expected.add(action.pk)
    assert flagged == expected
    assert flagged == {actions[0].pk, actions[2].pk, actions[4].pk, actions[6].pk}
    assert ProgressStatus.DONE not in progress.RISK_STATUSES
