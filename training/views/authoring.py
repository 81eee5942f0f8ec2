"""Authoring modules: the organisation's module list and adoption, shared and own modules, versions.

The same views serve shared modules (administrators, ``shared/...``) and an organisation's own
(MANAGE_TRAINING, ``organisations/<organisation_pk>/...``): ``organisation_pk`` is None for shared ones.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.errors import ServiceError
from common.forms import run_service
from organisations import roles
from organisations.access import get_organisation_for_user, user_can

from ..access import get_author_owner, get_module_for_author
from ..forms.authoring import ModuleCreateForm, VersionForm, refresh_seen
from ..models import Module, ModuleAdoption, ModuleVersion, VersionStatus
from ..services import authoring as services

PUBLISHED_VERSIONS = Prefetch(
    "versions", queryset=ModuleVersion.objects.exclude(status=VersionStatus.SUPERSEDED), to_attr="current_versions"
)


def _with_current(modules):
    """Each module with ``.draft`` and ``.published`` (or None), from one prefetch."""
    modules = list(modules.prefetch_related(PUBLISHED_VERSIONS).order_by("code"))
    for module in modules:
        by_status = {version.status: version for version in module.current_versions}
        module.draft = by_status.get(VersionStatus.DRAFT)
        module.published = by_status.get(VersionStatus.PUBLISHED)
    return modules


@login_required
@require_GET
def module_list(request, organisation_pk):
    """The organisation's own modules and the published shared ones, with whether it adopted each."""
    organisation = get_organisation_for_user(request, organisation_pk)
    adopted = set(ModuleAdoption.objects.filter(organisation=organisation).values_list("module_id", flat=True))
    shared = [
        module
        for module in _with_current(Module.objects.filter(organisation__isnull=True))
        if module.published is not None
    ]
    for module in shared:
        module.adopted = module.pk in adopted
    return render(
        request,
        "training/authoring/module_list.html",
        {
            "organisation": organisation,
            "own_modules": _with_current(Module.objects.filter(organisation=organisation)),
            "shared_modules": shared,
            "can_manage": user_can(request.user, roles.MANAGE_TRAINING, organisation),
        },
    )


@login_required
@require_POST
def module_adoption(request, organisation_pk, pk):
    """Adopt (``adopt=yes``) or stop adopting (``adopt=no``) a shared module."""
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_TRAINING)
    module = get_object_or_404(Module.objects.filter(organisation__isnull=True), pk=pk)
    adopt = request.POST.get("adopt") == "yes"
    try:
        if adopt:
            services.module_adopt(actor=request.user, organisation=organisation, module=module)
            messages.success(request, _("%(module)s now applies to your organisation.") % {"module": module.code})
        else:
            services.module_unadopt(actor=request.user, organisation=organisation, module=module)
            messages.success(request, _("%(module)s no longer applies to your organisation.") % {"module": module.code})
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("workspace:training:module_list", organisation_pk=organisation.pk)


@login_required
@require_GET
def shared_module_list(request):
    owner = get_author_owner(request)
    return render(
        request,
        "training/authoring/shared_module_list.html",
        {"owner": owner, "modules": _with_current(owner.modules())},
    )


@login_required
def module_create(request, organisation_pk=None):
    owner = get_author_owner(request, organisation_pk)
    form = ModuleCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        module = run_service(
            form,
            services.module_create,
            actor=request.user,
            organisation=owner.organisation,
            code=form.cleaned_data["code"],
            **form.values(),
        )
        if module:
            messages.success(request, _("Module %(code)s created as a draft.") % {"code": module.code})
            return redirect(owner.url("module_detail", module.pk))
    return render(request, "training/authoring/module_form.html", {"owner": owner, "form": form, "module": None})


def _versions(module):
    versions = {version.status: version for version in module.versions.exclude(status=VersionStatus.SUPERSEDED)}
    return versions.get(VersionStatus.DRAFT), versions.get(VersionStatus.PUBLISHED)


@login_required
@require_GET
def module_detail(request, pk, organisation_pk=None):
    owner, module = get_module_for_author(request, organisation_pk, pk)
    draft, published = _versions(module)
    context = {"owner": owner, "module": module, "draft": draft, "published": published}
    if draft is not None:
        context["draft_lessons"] = list(draft.lessons.all())
        context["draft_questions"] = list(draft.questions.prefetch_related("answers"))
        context["problems"] = services.publication_problems(draft)
    if published is not None:
        context["published_lessons"] = list(published.lessons.all())
        context["published_questions"] = list(published.questions.prefetch_related("answers"))
    context["history"] = list(module.versions.select_related("published_by"))
    return render(request, "training/authoring/module_detail.html", context)


def _refuse_published(request, owner, module):
    messages.error(
        request, _("This module has no draft: published versions cannot change. Start a new version to make changes.")
    )
    return redirect(owner.url("module_detail", module.pk))


@login_required
def version_edit(request, pk, organisation_pk=None):
    owner, module = get_module_for_author(request, organisation_pk, pk)
    draft, _published = _versions(module)
    if draft is None:
        return _refuse_published(request, owner, module)
    form = VersionForm(request.POST or None, instance=draft)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            services.version_update,
            actor=request.user,
            version=ModuleVersion.objects.get(pk=draft.pk),
            edit_version=form.cleaned_data["edit_version"],
            **form.values(),
        )
        if saved:
            messages.success(request, _("Changes saved."))
            return redirect(owner.url("module_detail", module.pk))
        refresh_seen(form, "edit_version", ModuleVersion.objects.get(pk=draft.pk).edit_version)
    return render(
        request, "training/authoring/module_form.html", {"owner": owner, "form": form, "module": module, "draft": draft}
    )


def _posted_version(request, module):
    number = request.POST.get("number", "")
    return module.versions.filter(number=int(number)).first() if number.isdigit() else None


@login_required
@require_POST
def version_publish(request, pk, organisation_pk=None):
    owner, module = get_module_for_author(request, organisation_pk, pk)
    version = _posted_version(request, module)
    if version is None:
        messages.error(request, _("Choose the draft version to publish."))
        return redirect(owner.url("module_detail", module.pk))
    try:
        services.version_publish(actor=request.user, version=version)
        messages.success(request, _("Version %(number)s is published.") % {"number": version.number})
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(owner.url("module_detail", module.pk))


@login_required
@require_POST
def version_new(request, pk, organisation_pk=None):
    owner, module = get_module_for_author(request, organisation_pk, pk)
    try:
        draft = services.version_new(actor=request.user, module=module)
        messages.success(
            request, _("Version %(number)s is a draft copy of the published one: edit it.") % {"number": draft.number}
        )
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(owner.url("module_detail", module.pk))
