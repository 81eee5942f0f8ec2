"""training/rules.py: when a completion counts and where a person stands, with fixed dates."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from training import rules
from training.rules import Status

DAY = datetime.date(2026, 6, 15)


def _completion(completed_on, expires_on, version_number=1):
    completed_at = timezone.make_aware(datetime.datetime.combine(completed_on, datetime.time(10)))
    return SimpleNamespace(completed_at=completed_at, expires_on=expires_on, version_number=version_number)


def test_expiry_is_the_validity_period_after_completion():
    assert rules.expiry_date(datetime.date(2026, 1, 31), 24) == datetime.date(2028, 1, 31)
    assert rules.expiry_date(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert rules.expiry_date(DAY, None) is None


@pytest.mark.parametrize(
    ("expires_on", "valid"),
    [(None, True), (DAY, True), (DAY + datetime.timedelta(days=1), True), (DAY - datetime.timedelta(days=1), False)],
)
def test_a_completion_is_valid_up_to_and_including_its_expiry_day(expires_on, valid):
    assert rules.completion_is_valid(_completion(datetime.date(2025, 1, 1), expires_on), DAY, valid_from=1) is valid


def test_a_completion_of_a_version_older_than_the_module_accepts_does_not_count():
    completion = _completion(datetime.date(2026, 1, 1), None, version_number=1)
    assert rules.completion_is_valid(completion, DAY, valid_from=1)
    assert not rules.completion_is_valid(completion, DAY, valid_from=2)


def test_a_completion_does_not_count_before_the_day_it_was_made():
    assert not rules.completion_is_valid(_completion(DAY + datetime.timedelta(days=1), None), DAY, valid_from=1)


def test_the_best_valid_completion_is_the_one_lasting_longest():
    short = _completion(datetime.date(2025, 1, 1), datetime.date(2026, 7, 1))
    long = _completion(datetime.date(2026, 1, 1), datetime.date(2028, 1, 1))
    expired = _completion(datetime.date(2023, 1, 1), datetime.date(2025, 1, 1))
    assert rules.best_valid_completion([short, long, expired], DAY, valid_from=1) is long
    assert rules.best_valid_completion([expired], DAY, valid_from=1) is None


@pytest.mark.parametrize(
    ("days_left", "status"),
    [(0, Status.EXPIRING_SOON), (60, Status.EXPIRING_SOON), (61, Status.DONE), (400, Status.DONE)],
)
def test_expiring_soon_is_within_60_days(days_left, status):
    completion = _completion(datetime.date(2025, 1, 1), DAY + datetime.timedelta(days=days_left))
    assert rules.status_on(DAY, due_date=DAY - datetime.timedelta(days=30), completion=completion) == status


def test_a_completion_that_never_expires_is_done():
    assert rules.status_on(DAY, completion=_completion(datetime.date(2025, 1, 1), None)) == Status.DONE


@pytest.mark.parametrize(
    ("due_date", "started", "status"),
    [
        (DAY - datetime.timedelta(days=1), False, Status.OVERDUE),
        (DAY - datetime.timedelta(days=1), True, Status.OVERDUE),
        (DAY, False, Status.DUE),
        (DAY, True, Status.IN_PROGRESS),
        (None, True, Status.IN_PROGRESS),
        (None, False, Status.AVAILABLE),
    ],
)
def test_without_a_valid_completion(due_date, started, status):
    assert rules.status_on(DAY, due_date=due_date, completion=None, started=started) == status


def test_every_status_has_its_place_in_the_order():
    assert set(rules.STATUS_ORDER) == set(Status)


@pytest.mark.django_db
def test_person_module_status_reads_the_database(cast):
    from tests.training.factories import completion, published_module
    from training.models import LessonProgress

    version = published_module(cast.org_a, lessons=2, questions=0)
    today = timezone.localdate()
    assert rules.person_module_status(cast.staff_a, version.module, today) == Status.AVAILABLE
    assert rules.person_module_status(cast.staff_a, version.module, today, due_date=today) == Status.DUE
    LessonProgress.objects.create(user=cast.staff_a, version=version, furthest_position=1)
    assert rules.person_module_status(cast.staff_a, version.module, today, due_date=today) == Status.IN_PROGRESS
    yesterday = today - datetime.timedelta(days=1)
    assert rules.person_module_status(cast.staff_a, version.module, today, due_date=yesterday) == Status.OVERDUE
    completion(cast.staff_a, cast.org_a, version, expires_on=today + datetime.timedelta(days=365))
    assert rules.person_module_status(cast.staff_a, version.module, today, due_date=yesterday) == Status.DONE


@pytest.mark.django_db
def test_the_queryset_filters_agree_with_the_rules(cast):
    from tests.training.factories import completion, published_module
    from training.models import Completion

    version = published_module(cast.org_a, lessons=1, questions=0)
    newer = published_module(cast.org_a, lessons=1, questions=0, number=2)
    newer.module.completions_valid_from = 2
    newer.module.save()
    today = timezone.localdate()
    for days in (-400, -1, 0, 1, 59, 60, 61, 400, None):
        expires_on = None if days is None else today + datetime.timedelta(days=days)
        completed_at = timezone.now() - datetime.timedelta(days=30)
        completion(cast.staff_a, cast.org_a, version, completed_at=completed_at, expires_on=expires_on)
        completion(cast.staff_a, cast.org_a, newer, completed_at=completed_at, expires_on=expires_on)
    completion(cast.staff_a, cast.org_a, version, completed_at=timezone.now() + datetime.timedelta(days=2))
    everything = list(Completion.objects.select_related("module"))

    def expected(keep):
        return {c.pk for c in everything if keep(c)}

    def valid(c):
        return rules.completion_is_valid(c, today, valid_from=c.module.completions_valid_from)

    assert set(Completion.objects.filter(rules.valid_completions_q(today)).values_list("pk", flat=True)) == expected(
        valid
    )
    lasting = Completion.objects.filter(rules.lasting_completions_q(today)).values_list("pk", flat=True)
    assert set(lasting) == expected(lambda c: valid(c) and not rules.is_expiring_soon(c, today))


@pytest.mark.django_db
def test_assigned_training_is_on_my_work_until_done(cast, client):
    from tests.training.factories import AssignmentFactory, completion
    from tests.training.learning_support import adopted_module
    from training.todo import training_to_take

    version = adopted_module(cast.org_a, title="Courtesy basics")
    AssignmentFactory(organisation=cast.org_a, module=version.module, user=cast.staff_a)
    [item] = training_to_take(cast.staff_a)
    assert (item.title, item.organisation) == ("Courtesy basics", cast.org_a.name)
    client.force_login(cast.staff_a)
    assert "Courtesy basics" in client.get(item.url, follow=True).content.decode()
    completion(cast.staff_a, cast.org_a, version, expires_on=timezone.localdate() + datetime.timedelta(days=30))
    assert len(training_to_take(cast.staff_a)) == 1  # expiring soon: to renew
    completion(cast.staff_a, cast.org_a, version, expires_on=timezone.localdate() + datetime.timedelta(days=300))
    assert training_to_take(cast.staff_a) == []
    assert training_to_take(cast.rep_a) == []
