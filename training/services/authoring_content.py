"""Authoring a draft's content: lessons (ordered), quiz questions with their answers, lesson images.

Every change locks the draft version (``locked_draft``), so nothing changes a published version and two
authors cannot reorder the same lessons at once. A lesson or question saved from a form carries the
fingerprint of the text the author started from (``seen``): if someone saved it since, the save is
refused and the author's text stays in the form.
"""

import os

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record, snapshot

from ..images import clean_image
from ..models import Answer, Lesson, LessonImage, Question, QuestionKind
from .authoring import STALE_MESSAGE, locked_draft
from .authoring_rules import answer_problems, content_digest

LESSON_FIELDS = ["title", "title_ga", "body", "body_ga"]
QUESTION_FIELDS = ["kind", "text", "text_ga"]
ANSWER_FIELDS = ["text", "text_ga", "is_correct", "feedback", "feedback_ga"]


def lesson_digest(lesson):
    return content_digest(lesson, LESSON_FIELDS)


def question_digest(question):
    answers = [[getattr(answer, name) for name in ANSWER_FIELDS] for answer in question.answers.all()]
    return content_digest(question, QUESTION_FIELDS, extra=answers)


def _next_position(items):
    return (items.aggregate(last=Max("position"))["last"] or 0) + 1


def _audit(actor, verb, target, version, before=None, after=None):
    audit_record(
        actor=actor, verb=verb, target=target, organisation=version.module.organisation, before=before, after=after
    )


@transaction.atomic
def lesson_create(*, actor, version, **fields) -> Lesson:
    version = locked_draft(version)
    lesson = Lesson.objects.create(
        version=version, position=_next_position(version.lessons), **{name: fields[name] for name in LESSON_FIELDS}
    )
    _audit(actor, "training.lesson_create", lesson, version, after=snapshot(lesson, ["position", *LESSON_FIELDS]))
    return lesson


def _locked_lesson(lesson):
    version = locked_draft(lesson.version)
    lesson = Lesson.objects.filter(pk=lesson.pk, version=version).first()
    if lesson is None:
        raise ServiceError(_("This lesson has been deleted."))
    return version, lesson


@transaction.atomic
def lesson_update(*, actor, lesson, seen, **fields) -> Lesson:
    version, lesson = _locked_lesson(lesson)
    if seen != lesson_digest(lesson):
        raise ServiceError(str(STALE_MESSAGE))
    before = snapshot(lesson, LESSON_FIELDS)
    for name in LESSON_FIELDS:
        setattr(lesson, name, fields[name])
    lesson.save()
    _audit(actor, "training.lesson_update", lesson, version, before=before, after=snapshot(lesson, LESSON_FIELDS))
    return lesson


def _close_gap(items, position):
    """Move the items after a deleted one up by one, in order, so positions stay 1..n."""
    for item in items.filter(position__gt=position).order_by("position"):
        item.position -= 1
        item.save(update_fields=["position"])


@transaction.atomic
def lesson_delete(*, actor, lesson) -> None:
    version, lesson = _locked_lesson(lesson)
    before = snapshot(lesson, ["position", *LESSON_FIELDS])
    _audit(actor, "training.lesson_delete", lesson, version, before=before)
    lesson.delete()
    _close_gap(version.lessons, before["position"])


@transaction.atomic
def lesson_move(*, actor, lesson, direction) -> Lesson:
    """Swap the lesson with the one before ("up") or after ("down"); at either end nothing moves."""
    version, lesson = _locked_lesson(lesson)
    if direction not in ("up", "down"):
        raise ServiceError(_("Choose whether to move the lesson up or down."))
    neighbours = version.lessons.exclude(pk=lesson.pk)
    if direction == "up":
        other = neighbours.filter(position__lt=lesson.position).order_by("-position").first()
    else:
        other = neighbours.filter(position__gt=lesson.position).order_by("position").first()
    if other is None:
        return lesson
    old, new = lesson.position, other.position
    lesson.position = 0  # out of the way of the unique (version, position) while the two swap
    lesson.save(update_fields=["position"])
    other.position = old
    other.save(update_fields=["position"])
    lesson.position = new
    lesson.save(update_fields=["position"])
    _audit(actor, "training.lesson_move", lesson, version, before={"position": old}, after={"position": new})
    return lesson


def _clean_answers(kind, answers):
    answers = [answer for answer in answers if answer["text"].strip()]
    problems = answer_problems(kind, answers)
    if problems:
        raise ServiceError(" ".join(problems), field="__all__")
    if kind not in QuestionKind.values:
        raise ServiceError(_("Choose the kind of question."), field="kind")
    return answers


def _write_answers(question, answers):
    question.answers.all().delete()
    Answer.objects.bulk_create(
        Answer(question=question, position=position, **{name: answer[name] for name in ANSWER_FIELDS})
        for position, answer in enumerate(answers, start=1)
    )


def _question_snapshot(question):
    return {
        **snapshot(question, ["position", *QUESTION_FIELDS]),
        "answers": [snapshot(answer, ANSWER_FIELDS) for answer in question.answers.all()],
    }


@transaction.atomic
def question_create(*, actor, version, answers, **fields) -> Question:
    """A question with its answers (dicts of text, is_correct, feedback and their Irish texts)."""
    version = locked_draft(version)
    answers = _clean_answers(fields["kind"], answers)
    question = Question.objects.create(
        version=version, position=_next_position(version.questions), **{name: fields[name] for name in QUESTION_FIELDS}
    )
    _write_answers(question, answers)
    _audit(actor, "training.question_create", question, version, after=_question_snapshot(question))
    return question


def _locked_question(question):
    version = locked_draft(question.version)
    question = Question.objects.filter(pk=question.pk, version=version).first()
    if question is None:
        raise ServiceError(_("This question has been deleted."))
    return version, question


@transaction.atomic
def question_update(*, actor, question, seen, answers, **fields) -> Question:
    version, question = _locked_question(question)
    if seen != question_digest(question):
        raise ServiceError(str(STALE_MESSAGE))
    answers = _clean_answers(fields["kind"], answers)
    before = _question_snapshot(question)
    for name in QUESTION_FIELDS:
        setattr(question, name, fields[name])
    question.save()
    _write_answers(question, answers)
    _audit(actor, "training.question_update", question, version, before=before, after=_question_snapshot(question))
    return question


@transaction.atomic
def question_delete(*, actor, question) -> None:
    version, question = _locked_question(question)
    before = _question_snapshot(question)
    _audit(actor, "training.question_delete", question, version, before=before)
    question.delete()
    _close_gap(version.questions, before["position"])


@transaction.atomic
def lesson_image_upload(*, actor, module, upload, description) -> LessonImage:
    """Store a checked, re-encoded copy of the upload under a random name."""
    cleaned = clean_image(upload)
    description = " ".join(description.split())
    if not description:
        raise ServiceError(_("Describe the image for people who cannot see it."), field="description")
    image = LessonImage(
        module=module,
        content_type=cleaned.content_type,
        width=cleaned.width,
        height=cleaned.height,
        description=description[:300],
        original_name=os.path.basename(upload.name or "")[:200],
        uploaded_by=actor,
    )
    image.image.save("upload", ContentFile(cleaned.content), save=False)
    image.save()
    audit_record(
        actor=actor,
        verb="training.image_upload",
        target=image,
        organisation=module.organisation,
        after={"module": module.code, "size": len(cleaned.content), "type": cleaned.content_type},
    )
    return image
