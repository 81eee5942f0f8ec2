"""The quiz: its page (start or resume an attempt), an attempt's questions, and its result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from common.errors import ServiceError

from ..access import get_attempt_for_user, get_learning_module_for_user
from ..models import Answer, LessonProgress, Question, QuestionKind, VersionStatus
from ..services import quiz as services
from ..services.learning import lessons_all_read, needs_completion, valid_completion


def _attempt_url(attempt):
    return reverse("workspace:training:attempt", kwargs={"organisation_pk": attempt.organisation_id, "pk": attempt.pk})


def _quiz_url(organisation_pk, module_pk):
    return reverse("workspace:training:quiz", kwargs={"organisation_pk": organisation_pk, "pk": module_pk})


@login_required
def quiz(request, organisation_pk, pk):
    """GET: the quiz's rules and the person's attempts. POST: start an attempt (or resume the open one)."""
    organisation, module, version = get_learning_module_for_user(request, organisation_pk, pk)
    if not version.questions.exists():
        return redirect("workspace:training:module_learn", organisation_pk=organisation.pk, pk=module.pk)
    if request.method == "POST":
        try:
            attempt, resumed = services.attempt_start(actor=request.user, organisation=organisation, version=version)
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect(_quiz_url(organisation.pk, module.pk))
        if resumed:
            messages.info(request, _("You have an attempt in progress: here it is."))
        return redirect(_attempt_url(attempt))
    progress = LessonProgress.objects.filter(user=request.user, version=version).first()
    attempts = services.attempts_counted(request.user, version).order_by("number")
    return render(
        request,
        "training/learning/quiz.html",
        {
            "organisation": organisation,
            "module": module,
            "version": version,
            "question_count": version.questions_per_attempt or version.questions.count(),
            "lessons_read": lessons_all_read(version, progress),
            "attempts": attempts,
            "attempts_left": services.attempts_left(request.user, version),
            "open_attempt": services.open_attempt(request.user, version),
            "needs_completion": needs_completion(request.user, module),
            "completion": valid_completion(request.user, module),
        },
    )


def _chosen_from(post):
    """{question id: [answer id, ...]} from the posted form; a ServiceError for anything that is not ids."""
    chosen = {}
    for key in post:
        if not key.startswith("question-"):
            continue
        try:
            chosen[int(key.removeprefix("question-"))] = [int(value) for value in post.getlist(key)]
        except ValueError:
            raise ServiceError(
                _("The answers sent do not match the questions of this attempt. Nothing was saved.")
            ) from None
    return chosen


def _questions(attempt):
    """The drawn questions in display order, each with its answers in display order and what was chosen."""
    question_ids = [item["question"] for item in attempt.drawn]
    questions = Question.objects.in_bulk(question_ids)
    answers = Answer.objects.in_bulk([answer_id for item in attempt.drawn for answer_id in item["answers"]])
    rows = []
    for number, item in enumerate(attempt.drawn, start=1):
        question = questions.get(item["question"])
        if question is None:
            continue
        chosen = set(attempt.chosen.get(str(question.pk), []))
        options = [answers[answer_id] for answer_id in item["answers"] if answer_id in answers]
        right = {answer.pk for answer in options if answer.is_correct}
        rows.append(
            {
                "number": number,
                "question": question,
                "multiple": question.kind == QuestionKind.MULTIPLE,
                "answers": [{"answer": answer, "chosen": answer.pk in chosen} for answer in options],
                "is_right": chosen == right,
                "answered": bool(chosen),
            }
        )
    return rows


@login_required
def attempt_detail(request, organisation_pk, pk):
    """The person's attempt: its questions while open (POST submits them), its result once submitted."""
    attempt = get_attempt_for_user(request, organisation_pk, pk)
    version = attempt.version
    if request.method == "POST":
        try:
            submitted = services.attempt_submit(actor=request.user, attempt=attempt, chosen=_chosen_from(request.POST))
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            if submitted.passed:
                messages.success(request, _("You passed. Your certificate is ready."))
            else:
                messages.warning(request, _("You did not reach the pass mark this time."))
        return redirect(_attempt_url(attempt))
    is_current = version.status == VersionStatus.PUBLISHED
    attempts_left = services.attempts_left(request.user, version) if is_current else 0
    completion = getattr(attempt, "completion", None) if attempt.passed else None
    return render(
        request,
        "training/learning/attempt.html",
        {
            "organisation": attempt.organisation,
            "attempt": attempt,
            "version": version,
            "module": version.module,
            "questions": _questions(attempt),
            "quiz_url": _quiz_url(attempt.organisation_id, version.module_id),
            "may_retry": is_current
            and attempt.submitted_at is not None
            and not attempt.passed
            and attempts_left != 0
            and needs_completion(request.user, version.module),
            "attempts_left": attempts_left,
            "completion": completion,
        },
    )
