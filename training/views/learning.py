"""The learner's pages: My training, starting or resuming a module, and its lessons."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from common.bilingual import has_irish, in_language, wants_irish
from common.errors import ServiceError

from ..access import get_learning_lesson_for_user, get_learning_module_for_user
from ..learner import my_training
from ..models import Lesson, LessonProgress
from ..services.learning import first_unread_lesson, lesson_progress_record, lessons_all_read


def _authoring_url(user):
    """The shared-module authoring page for administrators, when the authoring part is installed."""
    if not user.is_administrator:
        return None
    try:
        return reverse("workspace:training:shared_module_list")
    except NoReverseMatch:
        return None


@login_required
@require_GET
def my_training_index(request):
    groups = my_training(request.user, timezone.localdate())
    return render(
        request,
        "training/learning/my_training.html",
        {
            "groups": groups,
            "several_organisations": len({e.organisation.pk for _status, entries in groups for e in entries}) > 1,
            "authoring_url": _authoring_url(request.user),
        },
    )


def _lesson_url(organisation, lesson):
    return reverse("workspace:training:lesson", kwargs={"organisation_pk": organisation.pk, "pk": lesson.pk})


def _quiz_url(organisation, module):
    return reverse("workspace:training:quiz", kwargs={"organisation_pk": organisation.pk, "pk": module.pk})


@login_required
@require_GET
def module_learn(request, organisation_pk, pk):
    """Start or resume: the lesson the person was on (the quiz once every lesson is read)."""
    organisation, module, version = get_learning_module_for_user(request, organisation_pk, pk)
    progress = (
        LessonProgress.objects.filter(user=request.user, version=version).select_related("current_lesson").first()
    )
    has_quiz = version.questions.exists()
    if has_quiz and progress is not None and lessons_all_read(version, progress):
        return redirect(_quiz_url(organisation, module))
    lesson = progress.current_lesson if progress is not None else None
    if lesson is None or lesson.version_id != version.pk:
        lesson = Lesson.objects.filter(version=version).order_by("position").first()
    if lesson is None:
        return redirect(_quiz_url(organisation, module)) if has_quiz else redirect("workspace:training:index")
    return redirect(_lesson_url(organisation, lesson))


@login_required
def lesson_detail(request, organisation_pk, pk):
    organisation, lesson = get_learning_lesson_for_user(request, organisation_pk, pk)
    version = lesson.version
    if request.method == "POST":
        direction = "previous" if request.POST.get("direction") == "previous" else "next"
        try:
            progress, target, completion = lesson_progress_record(
                actor=request.user, organisation=organisation, lesson=lesson, direction=direction
            )
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect("workspace:training:index")
        if target is not None:
            return redirect(_lesson_url(organisation, target))
        unread = first_unread_lesson(version, progress)
        if unread is not None:
            messages.info(request, _("Read the lessons in order: this is the first one you have not read yet."))
            return redirect(_lesson_url(organisation, unread))
        if version.questions.exists():
            return redirect(_quiz_url(organisation, version.module))
        if completion is not None:
            messages.success(
                request,
                _("You have completed “%(title)s”. Your certificate is ready.")
                % {"title": in_language(version, "title")},
            )
        return redirect("workspace:training:index")
    lessons = list(
        Lesson.objects.filter(version=version).order_by("position").only("pk", "position", "title", "title_ga")
    )
    index = next(i for i, candidate in enumerate(lessons) if candidate.pk == lesson.pk)
    progress = LessonProgress.objects.filter(user=request.user, version=version).first()
    furthest = progress.furthest_position if progress else 0
    shows_english = wants_irish() and not has_irish(lesson, "body")
    return render(
        request,
        "training/learning/lesson.html",
        {
            "organisation": organisation,
            "lesson": lesson,
            "version": version,
            "lessons": [
                {"lesson": item, "url": _lesson_url(organisation, item), "read": item.position <= furthest}
                for item in lessons
            ],
            "number": index + 1,
            "count": len(lessons),
            "is_first": index == 0,
            "is_last": index + 1 == len(lessons),
            "has_quiz": version.questions.exists(),
            "quiz_url": _quiz_url(organisation, version.module),
            "shows_english": shows_english,
            "body": lesson.body if shows_english else in_language(lesson, "body"),
        },
    )
