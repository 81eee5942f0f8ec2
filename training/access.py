"""Access helpers for training: every training view fetches its objects through these.

Built on organisations.access: 404 for another organisation's things, 403 for the wrong role.
Each part of the training issue keeps its helpers in its own section below.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from organisations import roles
from organisations.access import (
    get_organisation_for_user,
    get_organisation_object_for_user,
    is_member,
    organisation_permissions,
    organisations_for_user,
    require_central_role,
)
from organisations.models import Organisation
from organisations.roles import CentralRole

from .models import (
    Assignment,
    AssignmentRule,
    Completion,
    Lesson,
    LessonImage,
    Module,
    ModuleVersion,
    Question,
    QuizAttempt,
    VersionStatus,
)

# --- tauthor: authoring ---------------------------------------------------------------------------
#
# Shared modules (no organisation) are authored by administrators, under ``shared/...``; an
# organisation's own modules by whoever holds MANAGE_TRAINING on it (its head; administrators hold
# every permission), under ``organisations/<organisation_pk>/...``. The same views serve both, told
# apart by the Owner. A non-administrator asking for a shared authoring page gets 403; a thing of
# another owner than the URL's gets 404.


@dataclass(frozen=True)
class Owner:
    """Whose modules an authoring page is about: the shared library (organisation None) or one organisation."""

    organisation: Organisation | None

    @property
    def is_shared(self):
        return self.organisation is None

    def url_name(self, name):
        return f"workspace:training:{'shared_' if self.is_shared else ''}{name}"

    def url(self, name, pk=None):
        kwargs = {} if self.is_shared else {"organisation_pk": self.organisation.pk}
        if pk is not None:
            kwargs["pk"] = pk
        return reverse(self.url_name(name), kwargs=kwargs)

    def modules(self):
        if self.is_shared:
            return Module.objects.filter(organisation__isnull=True)
        return Module.objects.filter(organisation=self.organisation)


def get_author_owner(request, organisation_pk=None):
    """Administrators author shared modules; MANAGE_TRAINING holders their organisation's own (404/403)."""
    if organisation_pk is None:
        if not request.user.is_administrator:
            raise PermissionDenied
        return Owner(None)
    return Owner(get_organisation_for_user(request, organisation_pk, roles.MANAGE_TRAINING))


def get_module_for_author(request, organisation_pk, pk):
    owner = get_author_owner(request, organisation_pk)
    return owner, get_object_or_404(owner.modules().select_related("organisation"), pk=pk)


def get_lesson_for_author(request, organisation_pk, pk):
    owner = get_author_owner(request, organisation_pk)
    lessons = Lesson.objects.select_related("version__module").filter(version__module__in=owner.modules())
    return owner, get_object_or_404(lessons, pk=pk)


def get_question_for_author(request, organisation_pk, pk):
    owner = get_author_owner(request, organisation_pk)
    questions = Question.objects.select_related("version__module").filter(version__module__in=owner.modules())
    return owner, get_object_or_404(questions.prefetch_related("answers"), pk=pk)


def get_image_for_reader(request, organisation_pk, pk):
    """An image of a module the user may read, or 404.

    An organisation's own module: whoever sees the organisation (members, its evaluators, lead
    evaluators, administrators). A shared module: administrators, and whoever sees an organisation
    that adopted it.
    """
    user = request.user
    if organisation_pk is not None:
        organisation = get_organisation_for_user(request, organisation_pk)
        return get_object_or_404(LessonImage.objects.all(), pk=pk, module__organisation=organisation)
    image = get_object_or_404(LessonImage.objects.select_related("module"), pk=pk, module__organisation__isnull=True)
    if user.is_administrator:
        return image
    if not organisations_for_user(user).filter(adopted_modules__module_id=image.module_id).exists():
        raise Http404
    return image


# --- tassign: assignment rules, assignments, staff list import, completions export -------------------------
# Heads (manage training) and administrators; everyone else who sees the organisation gets 403, outsiders 404.


def get_rule_for_user(request, organisation_pk, pk, permission=roles.MANAGE_TRAINING):
    rules = AssignmentRule.objects.select_related("organisation", "module")
    return get_organisation_object_for_user(request, rules, organisation_pk, pk, permission)


def get_training_assignment_for_user(request, organisation_pk, pk, permission=roles.MANAGE_TRAINING):
    assignments = Assignment.objects.select_related("organisation", "module", "user")
    return get_organisation_object_for_user(request, assignments, organisation_pk, pk, permission)


# --- tlearn: the learner --------------------------------------------------------------------------
# A person takes a module of an organisation they belong to (TAKE_TRAINING): the organisation's own
# modules and the shared modules it has adopted, in their current published version only. Someone who
# may see the organisation without belonging to it (an evaluator, a lead evaluator, an administrator)
# gets 403: they have nothing to take there. Attempts are their taker's only (404 for anyone else, the
# head included: the head sees completions, not individual answers). A certificate is its holder's, and
# also readable by those who manage the organisation's training (heads, administrators).


def modules_of_organisation(organisation):
    """The modules the organisation's members may take: its own and the shared ones it adopted."""
    return Module.objects.filter(
        Q(organisation=organisation) | Q(organisation__isnull=True, adoptions__organisation=organisation)
    ).distinct()


def get_learning_organisation_for_user(request, organisation_pk):
    """The organisation, if the user belongs to it and may take training there (404 outsiders, 403 others)."""
    organisation = get_organisation_for_user(request, organisation_pk, roles.TAKE_TRAINING)
    if not is_member(request.user, organisation):
        raise PermissionDenied
    return organisation


def get_current_version(module):
    """The module's published version, or 404 when it has none."""
    version = ModuleVersion.objects.filter(module=module, status=VersionStatus.PUBLISHED).first()
    if version is None:
        raise Http404
    return version


def get_learning_module_for_user(request, organisation_pk, pk):
    """(organisation, module, current version) for a learner; 404 for a module the organisation does not use."""
    organisation = get_learning_organisation_for_user(request, organisation_pk)
    module = get_object_or_404(modules_of_organisation(organisation), pk=pk)
    return organisation, module, get_current_version(module)


def get_learning_lesson_for_user(request, organisation_pk, pk):
    """(organisation, lesson) of a current version of a module the organisation uses; 404 otherwise."""
    organisation = get_learning_organisation_for_user(request, organisation_pk)
    lessons = Lesson.objects.select_related("version__module").filter(
        version__status=VersionStatus.PUBLISHED, version__module__in=modules_of_organisation(organisation)
    )
    return organisation, get_object_or_404(lessons, pk=pk)


def get_attempt_for_user(request, organisation_pk, pk):
    """The person's own quiz attempt under the organisation; 404 for anyone else's."""
    organisation = get_learning_organisation_for_user(request, organisation_pk)
    attempts = QuizAttempt.objects.select_related("version__module", "organisation")
    return get_object_or_404(attempts, pk=pk, organisation=organisation, user=request.user)


def get_certificate_completion_for_user(request, organisation_pk, pk):
    """A completion with a certificate: its holder's, or readable by those who manage the training (404 else)."""
    organisation = get_organisation_for_user(request, organisation_pk)
    completion = get_object_or_404(
        Completion.objects.select_related("certificate", "user", "organisation", "version"),
        pk=pk,
        organisation=organisation,
        certificate__isnull=False,
    )
    if completion.user_id != request.user.pk and roles.MANAGE_TRAINING not in organisation_permissions(
        request.user, organisation
    ):
        raise Http404
    return completion


# --- tcomply: compliance figures --------------------------------------------------------------------------------
# Heads, representatives (they prepare the accreditation application the figures are evidence for), assigned
# evaluators, lead evaluators and administrators read an organisation's figures (VIEW_TRAINING_COMPLIANCE);
# staff and complaints officers do not (403): the page names the people who are overdue.


def get_compliance_organisation_for_user(request, organisation_pk):
    """The organisation whose training compliance the user may read; 404 for outsiders, 403 for other roles."""
    return get_organisation_for_user(request, organisation_pk, roles.VIEW_TRAINING_COMPLIANCE)


def compliance_organisations_for_user(request):
    """The organisations of the evaluation unit's overview; 403 for anyone outside the evaluation unit."""
    require_central_role(request, CentralRole.EVALUATOR, CentralRole.LEAD_EVALUATOR)
    return organisations_for_user(request.user, roles.VIEW_TRAINING_COMPLIANCE)
