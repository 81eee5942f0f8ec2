"""The same person in two tabs at once: one attempt, one score, one completion (PostgreSQL: real threads)."""

import pytest

from tests.races import needs_postgresql, run_together
from training.models import Completion, QuizAttempt
from training.services.learning import lesson_progress_record
from training.services.quiz import attempt_start, attempt_submit

from .learning_support import adopted_module, read_all, right_answers


def _together(*calls):
    """Run the calls in threads released at the same moment; (results, service errors)."""
    return run_together(calls, released_together=True)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_starts_at_once_give_one_attempt(cast):
    version = adopted_module(cast.org_a)
    read_all(cast.staff_a, version)

    def start():
        return attempt_start(actor=cast.staff_a, organisation=cast.org_a, version=version)[0].pk

    results, errors = _together(start, start)
    assert not errors and len(set(results)) == 1
    assert QuizAttempt.objects.count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_submissions_at_once_are_scored_once(cast):
    version = adopted_module(cast.org_a)
    read_all(cast.staff_a, version)
    attempt, _resumed = attempt_start(actor=cast.staff_a, organisation=cast.org_a, version=version)
    chosen = right_answers(attempt)

    def submit():
        return attempt_submit(actor=cast.staff_a, attempt=attempt, chosen=chosen)

    results, errors = _together(submit, submit)
    assert len(results) == 1 and len(errors) == 1
    assert "already been submitted" in errors[0].message
    assert Completion.objects.count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_finishing_the_last_lesson_twice_at_once_completes_once(cast):
    version = adopted_module(cast.org_a, lessons=1, questions=0)
    lesson = version.lessons.get()

    def finish():
        return lesson_progress_record(actor=cast.staff_a, organisation=cast.org_a, lesson=lesson, direction="next")

    results, errors = _together(finish, finish)
    assert not errors and len(results) == 2
    assert Completion.objects.count() == 1
