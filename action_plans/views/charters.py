"""Charter versions of an organisation, starting a version, the charter page and saving its sections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.errors import ServiceError
from common.forms import run_service
from organisations import roles
from organisations.access import get_organisation_for_user, organisation_permissions

from ..access import charters_for_user, get_charter_for_user, get_charter_section_for_user
from ..checklists import section_anchor
from ..forms.charters import SectionForm
from ..models import Charter, DocumentState
from ..services import charters as services
from .charter_page import render_charter


def charter_url(charter, anchor=""):
    url = reverse("workspace:action_plans:charter_detail", args=[charter.organisation_id, charter.pk])
    return f"{url}#{anchor}" if anchor else url


@login_required
@require_GET
def charter_list(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk)
    charters = charters_for_user(request.user, organisation).order_by("-number")
    all_versions = Charter.objects.filter(organisation=organisation)
    can_manage = roles.MANAGE_CHARTER in organisation_permissions(request.user, organisation)
    has_open = all_versions.filter(state__in=DocumentState.OPEN_STATES).exists()
    return render(
        request,
        "action_plans/charter/list.html",
        {
            "organisation": organisation,
            "charters": charters,
            "can_start": can_manage and not all_versions.exists(),
            "can_start_version": can_manage
            and not has_open
            and all_versions.filter(state=DocumentState.PUBLISHED).exists(),
            "has_open": has_open,
            "can_manage": can_manage,
        },
    )


def _start(request, organisation_pk, service, done_message):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_CHARTER)
    try:
        charter = service(actor=request.user, organisation=organisation)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("workspace:action_plans:charter_list", organisation_pk=organisation.pk)
    messages.success(request, done_message % {"number": charter.number})
    return redirect(charter_url(charter))


@login_required
@require_POST
def charter_start(request, organisation_pk):
    return _start(request, organisation_pk, services.charter_start, _("Version %(number)s of the charter started."))


@login_required
@require_POST
def charter_new_version(request, organisation_pk):
    return _start(
        request,
        organisation_pk,
        services.charter_new_version,
        _("Version %(number)s started as a copy of the published charter. Each section shows what you change."),
    )


@login_required
@require_GET
def charter_detail(request, organisation_pk, pk):
    charter = get_charter_for_user(request, organisation_pk, pk)
    return render_charter(request, charter)


def _wants_fragment(request):
    return request.headers.get("X-Requested-With") == "fetch"


@login_required
@require_POST
def section_save(request, organisation_pk, pk):
    """Save one section, or show a preview of the typed text (a fragment for the live preview, else the page)."""
    section = get_charter_section_for_user(request, organisation_pk, pk, roles.MANAGE_CHARTER)
    charter = section.charter
    form = SectionForm(request.POST, section=section)
    if "preview" in request.POST:
        if not form.is_valid():
            if _wants_fragment(request):
                return HttpResponse(" ".join(str(e) for errors in form.errors.values() for e in errors), status=400)
            return render_charter(request, charter, forms={section.pk: form}, status=200)
        html = render_to_string(
            "action_plans/charter/preview.html",
            {"body": form.cleaned_data["body"], "body_ga": form.cleaned_data["body_ga"]},
            request=request,
        )
        if _wants_fragment(request):
            return HttpResponse(html)
        return render_charter(request, charter, forms={section.pk: form}, previews={section.pk: html})
    saved, data = None, {}
    if form.is_valid():
        data = form.cleaned_data
        saved = run_service(
            form,
            services.section_save,
            actor=request.user,
            section=section,
            edit_version=data["edit_version"],
            body=data["body"],
            body_ga=data["body_ga"],
            not_applicable=data.get("not_applicable", False),
            not_applicable_reason=data.get("not_applicable_reason", ""),
        )
    if saved:
        messages.success(request, _("“%(section)s” saved.") % {"section": section})
        return redirect(charter_url(charter, section_anchor(section.kind, section.principle)))
    section.refresh_from_db()
    refused_as_stale = set(form.errors) <= {"__all__"} and section.edit_version != data["edit_version"]
    if not refused_as_stale:
        return render_charter(request, charter, forms={section.pk: form})
    # Someone else saved it meanwhile: keep the typed text, show theirs, and let a second save go through.
    posted = request.POST.copy()
    posted[f"{form.prefix}-edit_version"] = str(section.edit_version)
    kept = SectionForm(posted, section=section)
    kept.full_clean()
    for error in form.non_field_errors():
        kept.add_error(None, error)
    return render_charter(request, charter, forms={section.pk: kept}, stale={section.pk})
