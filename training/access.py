"""Access helpers for training: every training view fetches its objects through these.

Built on organisations.access: 404 for another organisation's things, 403 for the wrong role.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations import roles
from organisations.access import get_organisation_for_user, is_member, organisation_permissions

from .models import Completion, Lesson, Module, ModuleVersion, QuizAttempt, VersionStatus

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
