"""Factories for training: modules with a published version, lessons, a quiz, assignments, completions."""

import datetime

import factory
from django.utils import timezone

from tests.factories import OrganisationFactory, UserFactory
from training.models import (
    Answer,
    Assignment,
    Completion,
    Lesson,
    Module,
    ModuleVersion,
    Question,
    QuestionKind,
    VersionStatus,
)


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    organisation = None  # shared
    code = factory.Sequence(lambda n: f"module-{n}")


class ModuleVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModuleVersion

    module = factory.SubFactory(ModuleFactory)
    number = 1
    status = VersionStatus.PUBLISHED
    title = factory.Sequence(lambda n: f"Module {n}")
    title_ga = ""
    summary = "What every member of staff should know."
    estimated_minutes = 20
    validity_months = 24
    pass_mark = 80
    max_attempts = 3
    published_at = factory.LazyFunction(timezone.now)


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    version = factory.SubFactory(ModuleVersionFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = "Some **useful** text."


def question_with_answers(version, position, *, kind=QuestionKind.SINGLE, correct=(1,), answers=3):
    """A question whose answers are numbered 1..answers; those in `correct` are right."""
    question = Question.objects.create(version=version, position=position, kind=kind, text=f"Question {position}?")
    for number in range(1, answers + 1):
        Answer.objects.create(
            question=question,
            position=number,
            text=f"Answer {position}.{number}",
            is_correct=number in correct,
            feedback=f"Feedback {position}.{number}",
        )
    return question


def published_module(organisation=None, *, lessons=3, questions=4, **version_fields):
    """A module with one published version holding lessons and (if questions) a quiz; returns the version."""
    module = ModuleFactory(organisation=organisation)
    version = ModuleVersionFactory(module=module, **version_fields)
    for position in range(1, lessons + 1):
        LessonFactory(version=version, position=position, title=f"Lesson {position}")
    for position in range(1, questions + 1):
        question_with_answers(version, position)
    return version


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    organisation = factory.SubFactory(OrganisationFactory)
    module = factory.SubFactory(ModuleFactory)
    user = factory.SubFactory(UserFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


def completion(user, organisation, version, *, completed_at=None, expires_on=None):
    """A completion record of the version (no attempt, no certificate)."""
    completed_at = completed_at or timezone.now()
    return Completion.objects.create(
        user=user,
        organisation=organisation,
        module=version.module,
        version=version,
        version_number=version.number,
        completed_at=completed_at,
        expires_on=expires_on,
    )


def shipped_module():
    """The published version of the shared module the data migration ships.

    Installed again if a transactional test (live server, concurrency) has flushed the database since.
    """
    from django.apps import apps

    from training.content.loading import install_module
    from training.content.quality_customer_service_basics import CODE, MODULE

    install_module(apps, MODULE)
    return ModuleVersion.objects.get(module__organisation=None, module__code=CODE, status=VersionStatus.PUBLISHED)


# --- tauthor: authoring -------------------------------------------------------------------------


def draft_module(organisation=None, *, lessons=1, questions=0, **version_fields):
    """A module whose only version is a draft (number 1) with lessons and questions; returns the draft."""
    fields = {"status": VersionStatus.DRAFT, "published_at": None, **version_fields}
    return published_module(organisation, lessons=lessons, questions=questions, **fields)


def png_bytes(size=(4, 3), color=(200, 30, 30), image_format="PNG"):
    """A small real image made with Pillow."""
    import io

    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, format=image_format)
    return output.getvalue()


def lesson_image(module, *, name="training/images/test-image.png", description="A red square"):
    """A stored image of the module (the file is written once under MEDIA_ROOT and shared by tests)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from training.models import LessonImage

    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(png_bytes()))
    return LessonImage.objects.create(
        module=module, image=name, content_type="image/png", width=4, height=3, description=description
    )


# --- tassign: modules a head may assign ---------------------------------------------------------------------


def assignable_module(organisation, *, shared=False, **version_fields):
    """A published module the organisation may assign: its own, or a shared one it adopted."""
    from training.models import ModuleAdoption

    version = published_module(None if shared else organisation, lessons=1, questions=0, **version_fields)
    if shared:
        ModuleAdoption.objects.create(organisation=organisation, module=version.module)
    return version.module
