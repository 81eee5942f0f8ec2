"""The learner's side of training: progress through lessons, and completing a module.

A completion is recorded, with its certificate, in the transaction that earns it: the last lesson read
of a module without a quiz, or a passed quiz attempt (``training/services/quiz.py``). It starts the
person's reading of the version afresh, so renewing a completion means reading the lessons again.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import CertificateKind
from certificates.services import certificate_issue
from common.errors import ServiceError
from organisations.audit import audit_record

from .. import rules
from ..models import Completion, Lesson, LessonProgress, VersionStatus


def holder_name(user):
    return user.get_full_name().strip() or user.email


def valid_completion(user, module, day=None):
    """The person's best valid completion of the module on the day (today by default), or None."""
    day = day or timezone.localdate()
    completions = Completion.objects.filter(user=user, module=module)
    return rules.best_valid_completion(completions, day, valid_from=module.completions_valid_from)


def needs_completion(user, module):
    """Whether taking the module now would earn something: no valid completion, or one expiring soon."""
    completion = valid_completion(user, module)
    return completion is None or rules.is_expiring_soon(completion, timezone.localdate())


def lessons_all_read(version, progress):
    last = version.lessons.order_by("-position").values_list("position", flat=True).first()
    return last is None or (progress is not None and progress.furthest_position >= last)


def first_unread_lesson(version, progress):
    furthest = progress.furthest_position if progress is not None else 0
    return Lesson.objects.filter(version=version, position__gt=furthest).order_by("position").first()


@transaction.atomic
def lesson_progress_record(*, actor, organisation, lesson, direction):
    """The person leaves a lesson for the next (it counts as read, if every earlier one was) or the previous one.

    Returns (progress, next lesson or None, completion or None). Reading the last lesson of a module
    without a quiz completes it.
    """
    version = lesson.version
    if version.status != VersionStatus.PUBLISHED:
        raise ServiceError(_("This version of the module has been replaced. Start again from My training."))
    progress, _created = LessonProgress.objects.select_for_update().get_or_create(user=actor, version=version)
    lessons = list(Lesson.objects.filter(version=version).order_by("position"))
    index = next(i for i, candidate in enumerate(lessons) if candidate.pk == lesson.pk)
    completion = None
    if direction == "previous":
        target = lessons[index - 1] if index > 0 else lesson
    else:
        # Lessons count as read in order: one opened ahead of the next unread lesson does not move the mark.
        if index == 0 or lessons[index - 1].position <= progress.furthest_position:
            progress.furthest_position = max(progress.furthest_position, lesson.position)
        target = lessons[index + 1] if index + 1 < len(lessons) else None
    progress.current_lesson = target or lesson
    progress.save()
    finished = target is None and lessons_all_read(version, progress) and not version.questions.exists()
    if finished and needs_completion(actor, version.module):
        completion = completion_record(actor=actor, organisation=organisation, version=version)
    return progress, target, completion


@transaction.atomic
def completion_record(*, actor, organisation, version, attempt=None):
    """Record that the person completed the version, and issue their certificate (one transaction)."""
    now = timezone.now()
    expires_on = rules.expiry_date(timezone.localdate(now), version.validity_months)
    certificate = certificate_issue(
        actor=actor,
        kind=CertificateKind.TRAINING,
        holder_name=holder_name(actor),
        title=version.title,
        title_ga=version.title_ga,
        organisation=organisation,
        valid_until=expires_on,
    )
    completion = Completion.objects.create(
        user=actor,
        organisation=organisation,
        module=version.module,
        version=version,
        version_number=version.number,
        attempt=attempt,
        completed_at=now,
        expires_on=expires_on,
        certificate=certificate,
    )
    # Taking the module again (when this completion nears its expiry) means reading it again.
    LessonProgress.objects.filter(user=actor, version=version).update(furthest_position=0, current_lesson=None)
    audit_record(
        actor=actor,
        verb="training.complete",
        target=completion,
        organisation=organisation,
        after={
            "module": version.module.code,
            "version": version.number,
            "expires_on": str(expires_on or ""),
            "certificate": certificate.code,
            "attempt": attempt.pk if attempt else None,
        },
    )
    return completion
