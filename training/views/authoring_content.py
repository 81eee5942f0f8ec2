"""Authoring a draft's content: lessons (with a Markdown preview), quiz questions, lesson images.

Lessons and questions are reached by their own id under the owner's prefix; one of a published
version is read-only: a form for it sends the author back to the module with a message, and a forged
POST changes nothing (the services refuse any version that is not a draft).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.errors import ServiceError
from common.forms import run_service
from common.markdown import render_markdown

from ..access import get_image_for_reader, get_lesson_for_author, get_module_for_author, get_question_for_author
from ..forms.authoring import ImageUploadForm, LessonForm, QuestionForm, refresh_seen
from ..models import Lesson, Question, VersionStatus
from ..services import authoring_content as services


def _draft_of(module):
    return module.versions.filter(status=VersionStatus.DRAFT).first()


def _read_only(request, owner, module):
    messages.error(request, _("Published versions cannot change. Start a new version of the module to make changes."))
    return redirect(owner.url("module_detail", module.pk))


def _back(owner, module, anchor):
    return redirect(f"{owner.url('module_detail', module.pk)}#{anchor}")


def _lesson_page(request, owner, module, form, lesson=None):
    context = {"owner": owner, "module": module, "form": form, "lesson": lesson}
    if form.is_bound:
        context["preview_body"] = render_markdown(form.data.get("body", ""))
        context["preview_body_ga"] = render_markdown(form.data.get("body_ga", ""))
    elif lesson is not None:
        context["preview_body"] = render_markdown(lesson.body)
        context["preview_body_ga"] = render_markdown(lesson.body_ga)
    return render(request, "training/authoring/lesson_form.html", context)


def _wants_preview(request):
    return request.method == "POST" and "preview" in request.POST


@login_required
def lesson_create(request, pk, organisation_pk=None):
    owner, module = get_module_for_author(request, organisation_pk, pk)
    draft = _draft_of(module)
    if draft is None:
        return _read_only(request, owner, module)
    form = LessonForm(request.POST or None)
    if request.method == "POST" and not _wants_preview(request) and form.is_valid():
        lesson = run_service(form, services.lesson_create, actor=request.user, version=draft, **form.values())
        if lesson:
            messages.success(request, _("Lesson “%(title)s” added.") % {"title": lesson.title})
            return _back(owner, module, "lessons")
    return _lesson_page(request, owner, module, form)


@login_required
def lesson_edit(request, pk, organisation_pk=None):
    owner, lesson = get_lesson_for_author(request, organisation_pk, pk)
    module = lesson.version.module
    if lesson.version.status != VersionStatus.DRAFT:
        return _read_only(request, owner, module)
    form = LessonForm(request.POST or None, instance=lesson, initial={"seen": services.lesson_digest(lesson)})
    if request.method == "POST" and not _wants_preview(request) and form.is_valid():
        saved = run_service(
            form,
            services.lesson_update,
            actor=request.user,
            lesson=lesson,
            seen=form.cleaned_data["seen"],
            **form.values(),
        )
        if saved:
            messages.success(request, _("Lesson saved."))
            return _back(owner, module, "lessons")
        stored = Lesson.objects.filter(pk=lesson.pk).first()
        if stored is not None:
            refresh_seen(form, "seen", services.lesson_digest(stored))
    return _lesson_page(request, owner, module, form, lesson)


def _lesson_action(request, organisation_pk, pk, service, done, **kwargs):
    owner, lesson = get_lesson_for_author(request, organisation_pk, pk)
    try:
        service(actor=request.user, lesson=lesson, **kwargs)
        if done:
            messages.success(request, done)
    except ServiceError as error:
        messages.error(request, error.message)
    return _back(owner, lesson.version.module, "lessons")


@login_required
@require_POST
def lesson_delete(request, pk, organisation_pk=None):
    return _lesson_action(request, organisation_pk, pk, services.lesson_delete, _("Lesson deleted."))


@login_required
@require_POST
def lesson_move(request, pk, organisation_pk=None):
    direction = request.POST.get("direction", "")
    return _lesson_action(request, organisation_pk, pk, services.lesson_move, None, direction=direction)


def _question_page(request, owner, module, form, question=None):
    return render(
        request,
        "training/authoring/question_form.html",
        {"owner": owner, "module": module, "form": form, "question": question},
    )


@login_required
def question_create(request, pk, organisation_pk=None):
    owner, module = get_module_for_author(request, organisation_pk, pk)
    draft = _draft_of(module)
    if draft is None:
        return _read_only(request, owner, module)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        question = run_service(
            form, services.question_create, actor=request.user, version=draft, answers=form.answers(), **form.values()
        )
        if question:
            messages.success(request, _("Question added."))
            return _back(owner, module, "quiz")
    return _question_page(request, owner, module, form)


@login_required
def question_edit(request, pk, organisation_pk=None):
    owner, question = get_question_for_author(request, organisation_pk, pk)
    module = question.version.module
    if question.version.status != VersionStatus.DRAFT:
        return _read_only(request, owner, module)
    form = QuestionForm(request.POST or None, instance=question, initial={"seen": services.question_digest(question)})
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            services.question_update,
            actor=request.user,
            question=question,
            seen=form.cleaned_data["seen"],
            answers=form.answers(),
            **form.values(),
        )
        if saved:
            messages.success(request, _("Question saved."))
            return _back(owner, module, "quiz")
        stored = Question.objects.prefetch_related("answers").filter(pk=question.pk).first()
        if stored is not None:
            refresh_seen(form, "seen", services.question_digest(stored))
    return _question_page(request, owner, module, form, question)


@login_required
@require_POST
def question_delete(request, pk, organisation_pk=None):
    owner, question = get_question_for_author(request, organisation_pk, pk)
    try:
        services.question_delete(actor=request.user, question=question)
        messages.success(request, _("Question deleted."))
    except ServiceError as error:
        messages.error(request, error.message)
    return _back(owner, question.version.module, "quiz")


@login_required
def image_upload(request, pk, organisation_pk=None):
    """Upload an image for the module's lessons; the page lists its images with a Markdown snippet each."""
    owner, module = get_module_for_author(request, organisation_pk, pk)
    form = ImageUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        image = run_service(
            form,
            services.lesson_image_upload,
            actor=request.user,
            module=module,
            upload=form.cleaned_data["image"],
            description=form.cleaned_data["description"],
        )
        if image:
            messages.success(request, _("Image uploaded: copy its Markdown into a lesson."))
            return redirect(owner.url("image_upload", module.pk))
    images = [(image, owner.url("image", image.pk)) for image in module.images.all()]
    return render(
        request,
        "training/authoring/image_upload.html",
        {"owner": owner, "module": module, "form": form, "images": images},
    )


@login_required
@require_GET
def image(request, pk, organisation_pk=None):
    """The image, for anyone who may read its module; never from a public media URL."""
    lesson_image = get_image_for_reader(request, organisation_pk, pk)
    response = FileResponse(lesson_image.image.open("rb"), content_type=lesson_image.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response
