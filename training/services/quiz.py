"""Quiz attempts: drawn on the server when they start, scored on the server once.

What an attempt asks is fixed when it starts (``QuizAttempt.drawn``: the questions in display order,
each with its answers in display order). A submission is scored only against ``drawn``: an answer to a
question that was not asked, an answer id that is not one of the question's, several answers to a
one-answer question, a second submission and another person's attempt are refused and change nothing.
"""

import random

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record

from ..models import Answer, Completion, LessonProgress, Question, QuestionKind, QuizAttempt, VersionStatus
from .learning import completion_record, lessons_all_read, needs_completion

_system_random = random.SystemRandom()


def attempts_counted(user, version):
    """The person's attempts at the version since their last completion of the module (an expired one needs
    a fresh set of attempts)."""
    attempts = QuizAttempt.objects.filter(user=user, version=version)
    last = Completion.objects.filter(user=user, module=version.module).order_by("-completed_at").first()
    if last is not None:
        attempts = attempts.filter(started_at__gt=last.completed_at)
    return attempts


def attempts_left(user, version):
    """How many more attempts the person may start (None: unlimited)."""
    if version.max_attempts is None:
        return None
    return max(version.max_attempts - attempts_counted(user, version).count(), 0)


def open_attempt(user, version):
    return attempts_counted(user, version).filter(submitted_at__isnull=True).order_by("-number").first()


def draw(version, rng=None):
    """Questions (all, or questions_per_attempt of them) and each one's answers, in a random order."""
    rng = rng or _system_random
    questions = list(Question.objects.filter(version=version).prefetch_related("answers"))
    rng.shuffle(questions)
    if version.questions_per_attempt:
        questions = questions[: version.questions_per_attempt]
    drawn = []
    for question in questions:
        answers = [answer.pk for answer in question.answers.all()]
        rng.shuffle(answers)
        drawn.append({"question": question.pk, "answers": answers})
    return drawn


@transaction.atomic
def attempt_start(*, actor, organisation, version, rng=None):
    """Start an attempt (or return the open one). Returns (attempt, resumed)."""
    if version.status != VersionStatus.PUBLISHED:
        raise ServiceError(_("This version of the module has been replaced. Start again from My training."))
    progress = LessonProgress.objects.select_for_update().filter(user=actor, version=version).first()
    if not version.questions.exists():
        raise ServiceError(_("This module has no quiz."))
    if not lessons_all_read(version, progress):
        raise ServiceError(_("Read every lesson before you start the quiz."))
    current = open_attempt(actor, version)
    if current is not None:
        return current, True
    if not needs_completion(actor, version.module):
        raise ServiceError(_("You have already completed this module, and your completion is still valid."))
    if attempts_left(actor, version) == 0:
        raise ServiceError(_("You have used every attempt this quiz allows. Ask your head of organisation."))
    number = (QuizAttempt.objects.filter(user=actor, version=version).aggregate(last=Max("number"))["last"] or 0) + 1
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                user=actor, organisation=organisation, version=version, number=number, drawn=draw(version, rng)
            )
    except IntegrityError:  # the same person started one at the same moment in another tab
        raise ServiceError(_("An attempt was started at the same time. Open it from the quiz page.")) from None
    audit_record(
        actor=actor,
        verb="training.attempt_start",
        target=attempt,
        organisation=organisation,
        after={"number": number, "questions": [item["question"] for item in attempt.drawn]},
    )
    return attempt, False


def _checked_choices(drawn, chosen, kinds):
    """The submitted choices as {question id: set of answer ids}, or a ServiceError for a forged payload."""
    asked = {item["question"]: set(item["answers"]) for item in drawn}
    checked = {}
    for question_id, answer_ids in chosen.items():
        if question_id not in asked or not set(answer_ids) <= asked[question_id]:
            raise ServiceError(_("The answers sent do not match the questions of this attempt. Nothing was saved."))
        if kinds[question_id] == QuestionKind.SINGLE and len(set(answer_ids)) > 1:
            raise ServiceError(_("A question that takes one answer was given several. Nothing was saved."))
        checked[question_id] = set(answer_ids)
    return checked


def score(drawn, chosen):
    """Percentage (rounded down) of the drawn questions whose chosen answers are exactly the right ones."""
    question_ids = [item["question"] for item in drawn]
    correct = {question_id: set() for question_id in question_ids}
    for question_id, answer_id in Answer.objects.filter(question_id__in=question_ids, is_correct=True).values_list(
        "question_id", "pk"
    ):
        correct[question_id].add(answer_id)
    right = sum(1 for question_id in question_ids if chosen.get(question_id, set()) == correct[question_id])
    return right * 100 // len(question_ids) if question_ids else 0


@transaction.atomic
def attempt_submit(*, actor, attempt, chosen):
    """Score the attempt from what it drew; passing completes the module. ``chosen``: {question id: [answer id]}."""
    attempt = QuizAttempt.objects.select_for_update().select_related("version__module").get(pk=attempt.pk)
    if attempt.user_id != actor.pk:
        raise ServiceError(_("This is not your attempt."))
    if attempt.submitted_at is not None:
        raise ServiceError(_("This attempt has already been submitted. Its result stands."))
    version = attempt.version
    if version.status != VersionStatus.PUBLISHED:
        raise ServiceError(_("This version of the module has been replaced. Start again from My training."))
    kinds = dict(Question.objects.filter(pk__in=[item["question"] for item in attempt.drawn]).values_list("pk", "kind"))
    checked = _checked_choices(attempt.drawn, chosen, kinds)
    attempt.score_percent = score(attempt.drawn, checked)
    attempt.passed = attempt.score_percent >= version.pass_mark
    attempt.chosen = {str(question_id): sorted(answer_ids) for question_id, answer_ids in checked.items()}
    attempt.submitted_at = timezone.now()
    attempt.save(update_fields=["score_percent", "passed", "chosen", "submitted_at"])
    audit_record(
        actor=actor,
        verb="training.attempt_submit",
        target=attempt,
        organisation=attempt.organisation,
        after={"score": attempt.score_percent, "passed": attempt.passed},
    )
    if attempt.passed:
        completion_record(actor=actor, organisation=attempt.organisation, version=version, attempt=attempt)
    return attempt
