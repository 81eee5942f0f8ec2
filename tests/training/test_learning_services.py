"""The learner's services: progress, drawing and scoring attempts on the server, completion and certificate."""

import datetime
import random

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from certificates.models import Certificate, CertificateKind
from common.errors import ServiceError
from organisations.models import AuditEvent
from training.models import Completion, LessonProgress, QuestionKind, QuizAttempt, VersionStatus
from training.services.learning import lesson_progress_record
from training.services.quiz import attempt_start, attempt_submit, draw, score

from .factories import completion, published_module, question_with_answers
from .learning_support import adopted_module, read_all, right_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(cast):
    return adopted_module(cast.org_a, lessons=3, questions=5, pass_mark=80, max_attempts=2)


def _start(cast, version, user=None):
    user = user or cast.staff_a
    read_all(user, version)
    attempt, _resumed = attempt_start(actor=user, organisation=cast.org_a, version=version)
    return attempt


# Lessons


def test_next_records_how_far_the_person_read_and_where_they_go(cast, version):
    first, second, _third = version.lessons.order_by("position")
    progress, target, done = lesson_progress_record(
        actor=cast.staff_a, organisation=cast.org_a, lesson=first, direction="next"
    )
    assert (progress.furthest_position, progress.current_lesson, target, done) == (1, second, second, None)
    progress, target, _ = lesson_progress_record(
        actor=cast.staff_a, organisation=cast.org_a, lesson=second, direction="previous"
    )
    assert (progress.furthest_position, progress.current_lesson, target) == (1, first, first)


def test_lessons_count_as_read_in_order(cast):
    version = adopted_module(cast.org_a, lessons=3, questions=0)
    first, second, third = version.lessons.order_by("position")
    progress, *_ = lesson_progress_record(actor=cast.staff_a, organisation=cast.org_a, lesson=third, direction="next")
    assert progress.furthest_position == 0  # jumped ahead: nothing read yet
    assert not Completion.objects.exists()
    for lesson in (first, second, third):
        progress, *_ = lesson_progress_record(
            actor=cast.staff_a, organisation=cast.org_a, lesson=lesson, direction="next"
        )
    assert progress.furthest_position == 3


def test_reading_the_last_lesson_of_a_module_without_a_quiz_completes_it(cast):
    version = adopted_module(cast.org_a, lessons=2, questions=0, validity_months=12)
    for lesson in version.lessons.order_by("position"):
        *_ignored, done = lesson_progress_record(
            actor=cast.staff_a, organisation=cast.org_a, lesson=lesson, direction="next"
        )
    assert done is not None and done.attempt is None and done.version_number == 1
    assert done.expires_on == timezone.localdate() + relativedelta(months=12)
    assert done.certificate.kind == CertificateKind.TRAINING
    # Reading it again while the completion is valid records no second completion.
    lesson_progress_record(actor=cast.staff_a, organisation=cast.org_a, lesson=version.lessons.last(), direction="next")
    assert Completion.objects.filter(user=cast.staff_a).count() == 1


def test_a_replaced_version_cannot_be_read_on(cast, version):
    version.status = VersionStatus.SUPERSEDED
    version.save()
    with pytest.raises(ServiceError):
        lesson_progress_record(
            actor=cast.staff_a, organisation=cast.org_a, lesson=version.lessons.first(), direction="next"
        )


# Starting attempts


def test_the_quiz_waits_until_every_lesson_is_read(cast, version):
    LessonProgress.objects.create(user=cast.staff_a, version=version, furthest_position=2)
    with pytest.raises(ServiceError, match="Read every lesson"):
        attempt_start(actor=cast.staff_a, organisation=cast.org_a, version=version)
    assert not QuizAttempt.objects.exists()


def test_an_open_attempt_is_resumed_not_doubled(cast, version):
    attempt = _start(cast, version)
    again, resumed = attempt_start(actor=cast.staff_a, organisation=cast.org_a, version=version)
    assert resumed and again.pk == attempt.pk
    assert QuizAttempt.objects.count() == 1


def test_attempts_run_out(cast, version):
    for _ in range(2):
        attempt_submit(actor=cast.staff_a, attempt=_start(cast, version), chosen={})
    with pytest.raises(ServiceError, match="every attempt"):
        attempt_start(actor=cast.staff_a, organisation=cast.org_a, version=version)
    assert QuizAttempt.objects.count() == 2


def test_no_new_attempt_while_a_completion_is_valid(cast, version):
    completion(cast.staff_a, cast.org_a, version, expires_on=timezone.localdate() + datetime.timedelta(days=400))
    read_all(cast.staff_a, version)
    with pytest.raises(ServiceError, match="already completed"):
        attempt_start(actor=cast.staff_a, organisation=cast.org_a, version=version)


def test_a_completion_expiring_soon_may_be_renewed_with_fresh_attempts(cast, version):
    for _ in range(2):
        attempt_submit(actor=cast.staff_a, attempt=_start(cast, version), chosen={})
    completion(cast.staff_a, cast.org_a, version, expires_on=timezone.localdate() + datetime.timedelta(days=30))
    attempt = _start(cast, version)
    assert attempt.number == 3


# Drawing


def test_the_draw_takes_questions_per_attempt_in_random_order_with_shuffled_answers(cast):
    version = published_module(cast.org_a, lessons=1, questions=10, questions_per_attempt=4)
    drawn = draw(version, random.Random(7))
    assert len(drawn) == 4 and len({item["question"] for item in drawn}) == 4
    for item in drawn:
        assert sorted(item["answers"]) == sorted(
            version.questions.get(pk=item["question"]).answers.values_list("pk", flat=True)
        )
    orders = {tuple(item["question"] for item in draw(version, random.Random(seed))) for seed in range(10)}
    assert len(orders) > 1


def test_the_draw_is_stored_when_the_attempt_starts(cast, version):
    attempt = _start(cast, version)
    assert len(attempt.drawn) == 5
    assert AuditEvent.objects.filter(verb="training.attempt_start").count() == 1


# Scoring


def test_score_is_the_share_of_questions_answered_exactly_right(cast):
    version = published_module(cast.org_a, lessons=1, questions=0)
    single = question_with_answers(version, 1, correct=(2,))
    multiple = question_with_answers(version, 2, kind=QuestionKind.MULTIPLE, correct=(1, 3))
    drawn = [{"question": q.pk, "answers": list(q.answers.values_list("pk", flat=True))} for q in (single, multiple)]
    a = {q.pk: {a.position: a.pk for a in q.answers.all()} for q in (single, multiple)}
    assert score(drawn, {single.pk: {a[single.pk][2]}, multiple.pk: {a[multiple.pk][1], a[multiple.pk][3]}}) == 100
    assert score(drawn, {single.pk: {a[single.pk][2]}, multiple.pk: {a[multiple.pk][1]}}) == 50  # half right is wrong
    all_three = set(a[multiple.pk].values())
    assert score(drawn, {single.pk: {a[single.pk][1]}, multiple.pk: all_three}) == 0
    assert score(drawn, {}) == 0


def test_passing_records_a_completion_and_a_certificate_in_one_go(cast, version):
    attempt = _start(cast, version)
    submitted = attempt_submit(actor=cast.staff_a, attempt=attempt, chosen=right_answers(attempt, wrong=1))
    assert (submitted.score_percent, submitted.passed) == (80, True)
    done = Completion.objects.get(user=cast.staff_a)
    assert done.attempt == submitted and done.version == version and done.version_number == 1
    assert done.expires_on == timezone.localdate() + relativedelta(months=24)
    certificate = done.certificate
    assert certificate.holder_name == cast.staff_a.get_full_name()
    assert certificate.valid_until == done.expires_on and certificate.organisation == cast.org_a
    assert certificate.title == version.title
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"training.attempt_submit", "training.complete", "certificate.issue"} <= verbs


def test_renewing_a_completion_means_reading_the_lessons_again(cast, version):
    attempt = _start(cast, version)
    attempt_submit(actor=cast.staff_a, attempt=attempt, chosen=right_answers(attempt))
    progress = LessonProgress.objects.get(user=cast.staff_a, version=version)
    assert (progress.furthest_position, progress.current_lesson) == (0, None)
    Completion.objects.update(expires_on=timezone.localdate() + datetime.timedelta(days=10))  # expiring soon
    with pytest.raises(ServiceError, match="Read every lesson"):
        attempt_start(actor=cast.staff_a, organisation=cast.org_a, version=version)


def test_failing_records_no_completion(cast, version):
    attempt = _start(cast, version)
    submitted = attempt_submit(actor=cast.staff_a, attempt=attempt, chosen=right_answers(attempt, wrong=2))
    assert (submitted.score_percent, submitted.passed) == (60, False)
    assert not Completion.objects.exists() and not Certificate.objects.exists()


# Forged payloads, replays, other people


def _unchanged(attempt):
    attempt.refresh_from_db()
    return attempt.submitted_at is None and attempt.score_percent is None and not Completion.objects.exists()


def test_answers_to_questions_not_drawn_cannot_pass(cast):
    version = adopted_module(cast.org_a, lessons=1, questions=6, questions_per_attempt=3)
    attempt = _start(cast, version)
    chosen = right_answers(attempt)
    undrawn = version.questions.exclude(pk__in=chosen).first()
    chosen[undrawn.pk] = list(undrawn.answers.filter(is_correct=True).values_list("pk", flat=True))
    with pytest.raises(ServiceError, match="do not match"):
        attempt_submit(actor=cast.staff_a, attempt=attempt, chosen=chosen)
    assert _unchanged(attempt)


def test_unknown_answer_ids_cannot_pass(cast, version):
    attempt = _start(cast, version)
    chosen = right_answers(attempt)
    first = attempt.drawn[0]["question"]
    chosen[first] = [999_999]
    with pytest.raises(ServiceError, match="do not match"):
        attempt_submit(actor=cast.staff_a, attempt=attempt, chosen=chosen)
    other_question_answer = attempt.drawn[1]["answers"][0]
    chosen[first] = [other_question_answer]  # an answer of another question
    with pytest.raises(ServiceError, match="do not match"):
        attempt_submit(actor=cast.staff_a, attempt=attempt, chosen=chosen)
    assert _unchanged(attempt)


def test_every_answer_to_a_one_answer_question_cannot_pass(cast, version):
    attempt = _start(cast, version)
    chosen = {item["question"]: item["answers"] for item in attempt.drawn}  # tick everything
    with pytest.raises(ServiceError, match="several"):
        attempt_submit(actor=cast.staff_a, attempt=attempt, chosen=chosen)
    assert _unchanged(attempt)


def test_a_second_submission_changes_nothing(cast, version):
    attempt = _start(cast, version)
    attempt_submit(actor=cast.staff_a, attempt=attempt, chosen=right_answers(attempt, wrong=5))
    with pytest.raises(ServiceError, match="already been submitted"):
        attempt_submit(actor=cast.staff_a, attempt=attempt, chosen=right_answers(attempt))
    attempt.refresh_from_db()
    assert (attempt.score_percent, attempt.passed) == (0, False)
    assert not Completion.objects.exists()


def test_another_persons_attempt_cannot_be_submitted(cast, version):
    attempt = _start(cast, version)
    with pytest.raises(ServiceError):
        attempt_submit(actor=cast.rep_a, attempt=attempt, chosen=right_answers(attempt))
    assert _unchanged(attempt)


def test_an_attempt_of_a_replaced_version_cannot_pass(cast, version):
    attempt = _start(cast, version)
    version.status = VersionStatus.SUPERSEDED
    version.save()
    with pytest.raises(ServiceError, match="replaced"):
        attempt_submit(actor=cast.staff_a, attempt=attempt, chosen=right_answers(attempt))
    assert _unchanged(attempt)
