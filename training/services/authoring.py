"""Authoring training modules: create, edit the draft, publish, start a new version, adopt shared modules.

Shared modules (no organisation) are authored by administrators, an organisation's own modules by its
head; the views decide who may (``training.access``), these functions keep the rules. Only a draft
version changes; publishing it supersedes the version published before. Every change is atomic,
locks the rows two authors could change at once, and is audited.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record, snapshot

from ..models import Answer, Lesson, Module, ModuleAdoption, ModuleVersion, Question, VersionStatus
from .authoring_rules import quiz_problems

VERSION_FIELDS = [
    "title",
    "title_ga",
    "summary",
    "summary_ga",
    "estimated_minutes",
    "validity_months",
    "pass_mark",
    "max_attempts",
    "questions_per_attempt",
    "invalidates_earlier",
]


def locked_draft(version):
    """The version, locked for this transaction; refused unless it is still a draft."""
    version = ModuleVersion.objects.select_for_update().select_related("module").get(pk=version.pk)
    if version.status != VersionStatus.DRAFT:
        raise ServiceError(
            _("Version %(number)s is published and cannot change. Start a new version to make changes.")
            % {"number": version.number}
        )
    return version


def _code_taken(code):
    return ServiceError(_("There is already a module with the code %(code)s.") % {"code": code}, field="code")


def _check_code_free(organisation, code):
    if Module.objects.filter(organisation=organisation, code=code).exists():
        raise _code_taken(code)


@transaction.atomic
def module_create(*, actor, organisation, code, **fields) -> Module:
    """A new module (shared if organisation is None) with its first version as a draft."""
    code = code.strip().lower()
    _check_code_free(organisation, code)
    try:
        with transaction.atomic():
            module = Module.objects.create(organisation=organisation, code=code, created_by=actor)
    except IntegrityError:
        raise _code_taken(code) from None
    version = ModuleVersion.objects.create(
        module=module, number=1, status=VersionStatus.DRAFT, created_by=actor, **_version_values(fields)
    )
    audit_record(
        actor=actor,
        verb="training.module_create",
        target=module,
        organisation=organisation,
        after={"code": code, **snapshot(version, VERSION_FIELDS)},
    )
    return module


def _version_values(fields):
    values = {name: fields[name] for name in VERSION_FIELDS if name in fields}
    for name in ("title", "title_ga"):
        if name in values:
            values[name] = values[name].strip()
    problems = settings_problems(**values)
    if problems:
        field, message = problems[0]
        raise ServiceError(message, field=field)
    return values


def settings_problems(*, pass_mark=None, max_attempts=None, questions_per_attempt=None, **_ignored):
    problems = []
    if pass_mark is not None and not 0 <= pass_mark <= 100:
        problems.append(("pass_mark", _("The pass mark is a percentage between 0 and 100.")))
    if max_attempts is not None and max_attempts < 1:
        problems.append(("max_attempts", _("Allow at least one attempt, or leave it empty for unlimited attempts.")))
    if questions_per_attempt is not None and questions_per_attempt < 1:
        problems.append(
            ("questions_per_attempt", _("Ask at least one question, or leave it empty to ask every question."))
        )
    return problems


STALE_MESSAGE = _(
    "Someone else saved changes to this while you were editing. Your text is still in the form: "
    "open the page in another tab to see their changes; saving this form again replaces them with yours."
)


@transaction.atomic
def version_update(*, actor, version, edit_version, **fields) -> ModuleVersion:
    """Save the draft's fields, unless someone saved it since the form was shown (``edit_version``)."""
    version = locked_draft(version)
    if version.edit_version != edit_version:
        raise ServiceError(str(STALE_MESSAGE))
    before = snapshot(version, VERSION_FIELDS)
    for name, value in _version_values(fields).items():
        setattr(version, name, value)
    version.edit_version += 1
    version.save()
    audit_record(
        actor=actor,
        verb="training.version_update",
        target=version,
        organisation=version.module.organisation,
        before=before,
        after=snapshot(version, VERSION_FIELDS),
    )
    return version


def publication_problems(version):
    """Every reason the draft cannot be published yet, as messages."""
    problems = []
    if not version.lessons.exists():
        problems.append(_("Add at least one lesson."))
    problems += quiz_problems(version)
    return problems


@transaction.atomic
def version_publish(*, actor, version) -> ModuleVersion:
    """Publish the draft: the version published before is superseded; learners take this one from now on."""
    module = Module.objects.select_for_update().get(pk=version.module_id)
    if ModuleVersion.objects.filter(pk=version.pk, status=VersionStatus.DRAFT).count() == 0:
        raise ServiceError(_("Version %(number)s is already published.") % {"number": version.number})
    version = locked_draft(version)
    problems = publication_problems(version)
    if problems:
        raise ServiceError(" ".join([_("The draft cannot be published yet."), *problems]))
    previous = module.versions.filter(status=VersionStatus.PUBLISHED).first()
    if previous is not None:
        previous.status = VersionStatus.SUPERSEDED
        previous.save(update_fields=["status"])
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.published_by = actor
    version.save(update_fields=["status", "published_at", "published_by"])
    before_valid_from = module.completions_valid_from
    if version.invalidates_earlier and version.number > module.completions_valid_from:
        module.completions_valid_from = version.number
        module.save(update_fields=["completions_valid_from"])
    audit_record(
        actor=actor,
        verb="training.version_publish",
        target=version,
        organisation=module.organisation,
        before={"superseded": previous.number if previous else None, "completions_valid_from": before_valid_from},
        after={"published": version.number, "completions_valid_from": module.completions_valid_from},
    )
    return version


@transaction.atomic
def version_new(*, actor, module) -> ModuleVersion:
    """A new draft copying the published version (lessons, questions, answers). One draft at a time."""
    module = Module.objects.select_for_update().get(pk=module.pk)
    if module.versions.filter(status=VersionStatus.DRAFT).exists():
        raise ServiceError(_("This module already has a draft: edit that one."))
    published = module.versions.filter(status=VersionStatus.PUBLISHED).first()
    if published is None:
        raise ServiceError(_("This module has no published version to start from."))
    number = max(module.versions.values_list("number", flat=True)) + 1
    draft = ModuleVersion.objects.create(
        module=module,
        number=number,
        status=VersionStatus.DRAFT,
        created_by=actor,
        **{name: getattr(published, name) for name in VERSION_FIELDS if name != "invalidates_earlier"},
    )
    _copy_content(published, draft)
    audit_record(
        actor=actor,
        verb="training.version_new",
        target=draft,
        organisation=module.organisation,
        after={"number": number, "copied_from": published.number},
    )
    return draft


LESSON_COPY = ["position", "title", "title_ga", "body", "body_ga"]
QUESTION_COPY = ["position", "kind", "text", "text_ga"]
ANSWER_COPY = ["position", "text", "text_ga", "is_correct", "feedback", "feedback_ga"]


def _copy_content(source, draft):
    Lesson.objects.bulk_create(
        Lesson(version=draft, **{name: getattr(lesson, name) for name in LESSON_COPY})
        for lesson in source.lessons.all()
    )
    for question in source.questions.prefetch_related("answers"):
        copy = Question.objects.create(version=draft, **{name: getattr(question, name) for name in QUESTION_COPY})
        Answer.objects.bulk_create(
            Answer(question=copy, **{name: getattr(answer, name) for name in ANSWER_COPY})
            for answer in question.answers.all()
        )


@transaction.atomic
def module_adopt(*, actor, organisation, module) -> ModuleAdoption:
    """The shared module applies to the organisation from now on (adopting twice changes nothing)."""
    if not module.is_shared or not module.versions.filter(status=VersionStatus.PUBLISHED).exists():
        raise ServiceError(_("Only a published shared module can be adopted."))
    adoption, created = ModuleAdoption.objects.get_or_create(
        organisation=organisation, module=module, defaults={"adopted_by": actor}
    )
    if created:
        audit_record(
            actor=actor, verb="training.module_adopt", target=module, organisation=organisation, after={"adopted": True}
        )
    return adoption


@transaction.atomic
def module_unadopt(*, actor, organisation, module) -> None:
    """The shared module no longer applies to the organisation (stopping twice changes nothing)."""
    deleted, _details = ModuleAdoption.objects.filter(organisation=organisation, module=module).delete()
    if deleted:
        audit_record(
            actor=actor,
            verb="training.module_unadopt",
            target=module,
            organisation=organisation,
            before={"adopted": True},
            after={"adopted": False},
        )
