"""Reminders: before the due date and when overdue, one e-mail a person listing all their modules, weekly at most."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from organisations.models import User
from training.models import Assignment, Module
from training.services.reminders import reminders_send

from ..factories import UserFactory, member
from .factories import AssignmentFactory, completion, published_module

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 6, 15, 7, 0))
TODAY = timezone.localdate(NOW)


def day(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    def run(now=NOW):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders_send(now=now)

    return run


def assign(cast, due_in, user=None, **version_fields):
    version = published_module(cast.org_a, lessons=1, questions=0, **version_fields)
    return AssignmentFactory(
        organisation=cast.org_a, module=version.module, user=user or cast.staff_a, due_date=day(due_in)
    )


def test_one_email_lists_every_module_due_soon_or_overdue(cast, send):
    soon = assign(cast, 5, title="Courtesy basics")
    late = assign(cast, -3, title="Handling complaints")
    later = assign(cast, 30, title="Not yet")
    assert send() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["staff.a@example.org"]
    assert "overdue" in message.subject.lower()
    assert "Courtesy basics" in message.body and "Handling complaints" in message.body
    assert "Not yet" not in message.body
    assert f"overdue since {day(-3).isoformat()}" in message.body and f"due by {day(5).isoformat()}" in message.body
    reminded = dict(Assignment.objects.values_list("pk", "last_reminded_at"))
    assert reminded == {soon.pk: NOW, late.pk: NOW, later.pk: None}


def test_running_twice_sends_nothing_twice(cast, send):
    assign(cast, 2)
    assert send() == 1
    assert send() == 0
    assert send(NOW + datetime.timedelta(hours=3)) == 0
    assert len(mail.outbox) == 1


def test_at_most_one_email_a_week_even_for_a_newly_due_module(cast, send):
    assign(cast, 1)
    assert send() == 1
    assign(cast, 3)  # assigned the next day: it waits for the weekly reminder
    assert send(NOW + datetime.timedelta(days=1)) == 0
    assert send(NOW + datetime.timedelta(days=6, hours=23)) == 0
    assert send(NOW + datetime.timedelta(days=7, minutes=1)) == 1
    assert len(mail.outbox) == 2
    assert mail.outbox[1].body.count("overdue since") == 2


def test_done_withdrawn_and_inactive_are_not_reminded(cast, send):
    done = assign(cast, -1)
    completion(cast.staff_a, cast.org_a, done.module.versions.get(), completed_at=NOW, expires_on=day(300))
    withdrawn = assign(cast, -1, user=cast.rep_a)
    Assignment.objects.filter(pk=withdrawn.pk).update(withdrawn_at=NOW)
    gone = UserFactory(is_active=False)
    member(cast.org_a, user=gone)
    assign(cast, -1, user=gone)
    left = UserFactory()  # assigned, then removed from the organisation
    assign(cast, -1, user=left)
    assert send() == 0
    assert not mail.outbox


def test_expired_or_superseded_completions_do_not_count(cast, send):
    expired = assign(cast, -2)
    completion(  # valid through its expiry day (training/rules.py): expired yesterday
        cast.staff_a, cast.org_a, expired.module.versions.get(), completed_at=NOW, expires_on=day(-1)
    )
    superseded = assign(cast, 4, user=cast.rep_a)
    completion(cast.rep_a, cast.org_a, superseded.module.versions.get(), completed_at=NOW)
    Module.objects.filter(pk=superseded.module_id).update(completions_valid_from=2)
    assert send() == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["rep.a@example.org", "staff.a@example.org"]


def test_the_cap_is_per_person_across_organisations(cast, send):
    member(cast.org_b, user=cast.staff_a)
    assign(cast, 1)
    assert send() == 1
    version = published_module(cast.org_b, lessons=1, questions=0)
    AssignmentFactory(organisation=cast.org_b, module=version.module, user=cast.staff_a, due_date=day(1))
    assert send(NOW + datetime.timedelta(days=2)) == 0


def test_the_command_and_the_task_send_the_same_reminders_once(cast, capsys, django_capture_on_commit_callbacks):
    version = published_module(cast.org_a, lessons=1, questions=0)
    overdue = timezone.localdate() - datetime.timedelta(days=10)  # the command runs at the real time
    AssignmentFactory(organisation=cast.org_a, module=version.module, user=cast.staff_a, due_date=overdue)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_training_reminders")
    assert "Training reminders sent: 1" in capsys.readouterr().out
    from training.tasks import send_training_reminders

    with django_capture_on_commit_callbacks(execute=True):
        assert send_training_reminders.delay().get() == 0
    assert len(mail.outbox) == 1
    assert User.objects.get(email="staff.a@example.org").training_assignments.get().last_reminded_at is not None


def test_the_beat_schedule_runs_the_reminders_task(settings):
    from training.tasks import send_training_reminders

    assert settings.CELERY_BEAT_SCHEDULE["training-reminders"]["task"] == send_training_reminders.name
