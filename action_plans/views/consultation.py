"""Workspace pages for consultations: list, record, view, edit (representatives record and edit)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from common.forms import run_service
from organisations import roles
from organisations.access import get_organisation_for_user, user_can

from ..access import get_consultation_for_user, informed_actions_for_user, informed_sections_for_user
from ..forms.consultation import ConsultationForm
from ..models import CommentPeriod, Consultation
from ..services import consultation as services


@login_required
@require_GET
def consultation_list(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk)
    can_manage = user_can(request.user, roles.MANAGE_CHARTER, organisation)
    consultations = Consultation.objects.filter(organisation=organisation).order_by("-ends_on", "-pk")
    periods = []
    if can_manage:
        periods = CommentPeriod.objects.filter(charter__organisation=organisation).select_related(
            "charter", "consultation"
        )
        periods = periods.order_by("-starts_on", "-pk")
    return render(
        request,
        "action_plans/consult/consultation_list.html",
        {"organisation": organisation, "consultations": consultations, "periods": periods, "can_manage": can_manage},
    )


def _form(request, organisation, instance=None):
    return ConsultationForm(
        request.POST or None,
        instance=instance,
        sections=services.linkable_sections(organisation),
        actions=services.linkable_actions(organisation),
    )


@login_required
def consultation_create(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_CHARTER)
    form = _form(request, organisation)
    if request.method == "POST" and form.is_valid():
        consultation = run_service(
            form,
            services.consultation_create,
            actor=request.user,
            organisation=organisation,
            values=form.values(),
            section_ids=form.cleaned_data["informed_sections"],
            action_ids=form.cleaned_data["informed_actions"],
        )
        if consultation:
            messages.success(request, _("Consultation recorded."))
            return redirect("workspace:action_plans:consultation_detail", organisation.pk, consultation.pk)
    return render(
        request,
        "action_plans/consult/consultation_form.html",
        {"form": form, "organisation": organisation, "consultation": None},
    )


@login_required
@require_GET
def consultation_detail(request, organisation_pk, pk):
    consultation = get_consultation_for_user(request, organisation_pk, pk)
    organisation = consultation.organisation
    return render(
        request,
        "action_plans/consult/consultation_detail.html",
        {
            "consultation": consultation,
            "organisation": organisation,
            "sections": informed_sections_for_user(request.user, consultation),
            "actions": informed_actions_for_user(request.user, consultation),
            "period": CommentPeriod.objects.filter(consultation=consultation).first(),
            "frozen": services.is_frozen(consultation),
            "can_manage": user_can(request.user, roles.MANAGE_CHARTER, organisation),
        },
    )


@login_required
def consultation_edit(request, organisation_pk, pk):
    consultation = get_consultation_for_user(request, organisation_pk, pk, roles.MANAGE_CHARTER)
    organisation = consultation.organisation
    if services.is_frozen(consultation):
        messages.error(
            request,
            _("A published charter cites this consultation, so it can no longer be changed: it is part of the record."),
        )
        return redirect("workspace:action_plans:consultation_detail", organisation.pk, consultation.pk)
    form = _form(request, organisation, consultation)
    if request.method == "POST" and form.is_valid():
        updated = run_service(
            form,
            services.consultation_update,
            actor=request.user,
            consultation=consultation,
            values=form.values(),
            section_ids=form.cleaned_data["informed_sections"],
            action_ids=form.cleaned_data["informed_actions"],
        )
        if updated:
            messages.success(request, _("Changes saved."))
            return redirect("workspace:action_plans:consultation_detail", organisation.pk, consultation.pk)
    return render(
        request,
        "action_plans/consult/consultation_form.html",
        {"form": form, "organisation": organisation, "consultation": consultation},
    )
