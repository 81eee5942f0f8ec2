"""The service standards a charter promises: add one of the organisation's standards, reword it, remove it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.errors import ServiceError
from common.forms import run_service
from organisations import roles
from standards.models import ServiceStandard

from ..access import get_charter_for_user, get_charter_standard_for_user
from ..checklists import section_anchor
from ..forms.charters import CharterStandardForm, CharterStandardWordingForm
from ..services import charters as services
from .charter_page import render_charter
from .charters import charter_url

STANDARDS_ANCHOR = section_anchor("standards")


@login_required
@require_POST
def charter_standard_add(request, organisation_pk, pk):
    charter = get_charter_for_user(request, organisation_pk, pk, roles.MANAGE_CHARTER)
    # Any standard id is accepted by the form, so another organisation's one gets the service's clear message.
    form = CharterStandardForm(request.POST, standards=ServiceStandard.objects.all())
    if form.is_valid():
        data = form.cleaned_data
        added = run_service(
            form,
            services.charter_standard_add,
            actor=request.user,
            charter=charter,
            standard=data["standard"],
            wording=data["wording"],
            wording_ga=data["wording_ga"],
        )
        if added:
            messages.success(request, _("Standard %(code)s added to the charter.") % {"code": added.standard.code})
            return redirect(charter_url(charter, STANDARDS_ANCHOR))
    form.fields["standard"].queryset = ServiceStandard.objects.filter(organisation=charter.organisation).exclude(
        pk__in=charter.standards.values("standard_id")
    )
    return render_charter(request, charter, standard_form=form)


@login_required
@require_POST
def charter_standard_edit(request, organisation_pk, pk):
    item = get_charter_standard_for_user(request, organisation_pk, pk, roles.MANAGE_CHARTER)
    form = CharterStandardWordingForm(request.POST, item=item)
    if form.is_valid():
        saved = run_service(
            form,
            services.charter_standard_update,
            actor=request.user,
            item=item,
            wording=form.cleaned_data["wording"],
            wording_ga=form.cleaned_data["wording_ga"],
        )
        if saved:
            messages.success(request, _("Wording of %(code)s saved.") % {"code": item.standard.code})
            return redirect(charter_url(item.charter, STANDARDS_ANCHOR))
    return render_charter(request, item.charter, wording_forms={item.pk: form})


@login_required
@require_POST
def charter_standard_remove(request, organisation_pk, pk):
    item = get_charter_standard_for_user(request, organisation_pk, pk, roles.MANAGE_CHARTER)
    try:
        services.charter_standard_remove(actor=request.user, item=item)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Standard %(code)s removed from the charter.") % {"code": item.standard.code})
    return redirect(charter_url(item.charter, STANDARDS_ANCHOR))
