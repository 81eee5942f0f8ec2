from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.errors import ServiceError
from common.forms import run_service
from organisations import roles
from organisations.access import get_organisation_for_user, organisation_permissions

from ..access import get_return_for_user, returns_for_user
from ..forms.returns import CorrectionForm, QueryForm, ReturnCreateForm, ReturnValuesForm
from ..models import MetricReturn, MetricValue, ReturnState, ServiceStandard, StandardTarget
from ..services import returns as services


@login_required
@require_GET
def return_list(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk)
    returns = returns_for_user(request.user, organisation).select_related("period", "organisation")
    return render(
        request,
        "standards/return_list.html",
        {
            "organisation": organisation,
            "returns": returns.order_by("-period__start", "period__frequency", "-version"),
            "can_manage": roles.MANAGE_STANDARDS in organisation_permissions(request.user, organisation),
        },
    )


@login_required
def return_create(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_STANDARDS)
    standards = list(ServiceStandard.objects.filter(organisation=organisation).select_related("organisation"))
    taken = set(MetricReturn.objects.filter(organisation=organisation).values_list("period__label", flat=True))
    form = ReturnCreateForm(request.POST or None, standards=standards, taken_labels=taken, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        metric_return = run_service(
            form,
            services.return_create,
            actor=request.user,
            organisation=organisation,
            period=form.cleaned_data["bounds"],
        )
        if metric_return:
            messages.success(request, _("Return for %(period)s opened.") % {"period": metric_return.period_label})
            return redirect(
                "workspace:standards:return_edit",
                organisation_pk=metric_return.organisation_id,
                pk=metric_return.pk,
            )
    return render(
        request,
        "standards/return_create.html",
        {"form": form, "organisation": organisation, "has_standards": bool(standards)},
    )


def _review_context(request, metric_return, query_form=None, correction_form=None):
    granted = organisation_permissions(request.user, metric_return.organisation)
    standards = list(services.active_standards(metric_return).order_by("code"))
    values = {
        value.standard_id: value
        for value in MetricValue.objects.filter(metric_return=metric_return).select_related("standard")
    }
    active_ids = {standard.pk for standard in standards}
    extra = [value.standard for standard_id, value in values.items() if standard_id not in active_ids]
    in_force = StandardTarget.objects.filter(standard__in=standards + extra).in_force_on(metric_return.period.end)
    targets = {target.standard_id: target for target in in_force}
    rows = [
        {"standard": standard, "value": values.get(standard.pk), "target": targets.get(standard.pk)}
        for standard in standards + sorted(extra, key=lambda s: s.code)
    ]
    versions = (
        returns_for_user(request.user, metric_return.organisation)
        .filter(period_id=metric_return.period_id)
        .select_related("created_by", "reviewed_by")
    )
    can_manage = roles.MANAGE_STANDARDS in granted
    can_review = roles.REVIEW_RETURNS in granted
    is_submitted = metric_return.state == ReturnState.SUBMITTED
    return {
        "metric_return": metric_return,
        "organisation": metric_return.organisation,
        "rows": rows,
        "versions": versions.order_by("-version"),
        "can_edit": can_manage and metric_return.is_editable,
        "can_review": can_review and is_submitted,
        "can_correct": can_manage and metric_return.state == ReturnState.ACCEPTED and metric_return.is_current,
        "query_form": query_form or QueryForm(),
        "correction_form": correction_form,
    }


@login_required
@require_GET
def return_detail(request, organisation_pk, pk):
    metric_return = get_return_for_user(request, organisation_pk, pk)
    return render(request, "standards/return_detail.html", _review_context(request, metric_return))


@login_required
def return_edit(request, organisation_pk, pk):
    metric_return = get_return_for_user(request, organisation_pk, pk, roles.MANAGE_STANDARDS)
    if not metric_return.is_editable:
        messages.error(request, services.STATE_MESSAGES[metric_return.state])
        return redirect(
            "workspace:standards:return_detail", organisation_pk=metric_return.organisation_id, pk=metric_return.pk
        )
    standards = services.active_standards(metric_return).order_by("code")
    values = {value.standard_id: value for value in MetricValue.objects.filter(metric_return=metric_return)}
    submitting = request.method == "POST" and "submit" in request.POST
    form = ReturnValuesForm(
        request.POST or None,
        standards=standards,
        values=values,
        submitting=submitting,
        queried=metric_return.state == ReturnState.QUERIED,
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form, services.return_save_values, actor=request.user, metric_return=metric_return, values=form.value_rows()
        )
        if saved and not submitting:
            messages.success(request, _("Values saved. The return is still a draft until you submit it."))
            return redirect(
                "workspace:standards:return_edit", organisation_pk=metric_return.organisation_id, pk=metric_return.pk
            )
        if saved:
            submitted = run_service(
                form,
                services.return_submit,
                actor=request.user,
                metric_return=metric_return,
                response=form.cleaned_data.get("response", ""),
            )
            if submitted:
                messages.success(request, _("Return submitted. An evaluator will review it."))
                return redirect(
                    "workspace:standards:return_detail",
                    organisation_pk=metric_return.organisation_id,
                    pk=metric_return.pk,
                )
    return render(
        request,
        "standards/return_edit.html",
        {"form": form, "metric_return": metric_return, "organisation": metric_return.organisation},
    )


@login_required
@require_POST
def return_query(request, organisation_pk, pk):
    metric_return = get_return_for_user(request, organisation_pk, pk, roles.REVIEW_RETURNS)
    form = QueryForm(request.POST)
    if form.is_valid():
        queried = run_service(
            form,
            services.return_query,
            actor=request.user,
            metric_return=metric_return,
            question=form.cleaned_data["question"],
        )
        if queried:
            messages.success(request, _("Question sent. The return is back with the organisation."))
            return redirect(
                "workspace:standards:return_detail", organisation_pk=metric_return.organisation_id, pk=metric_return.pk
            )
    return render(
        request, "standards/return_detail.html", _review_context(request, metric_return, query_form=form), status=400
    )


@login_required
@require_POST
def return_accept(request, organisation_pk, pk):
    metric_return = get_return_for_user(request, organisation_pk, pk, roles.REVIEW_RETURNS)
    try:
        services.return_accept(actor=request.user, metric_return=metric_return)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Return accepted. Its values now count in the results."))
    return redirect(
        "workspace:standards:return_detail", organisation_pk=metric_return.organisation_id, pk=metric_return.pk
    )


@login_required
def return_correct(request, organisation_pk, pk):
    metric_return = get_return_for_user(request, organisation_pk, pk, roles.MANAGE_STANDARDS)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        correction = run_service(
            form,
            services.return_correct,
            actor=request.user,
            metric_return=metric_return,
            reason=form.cleaned_data["reason"],
        )
        if correction:
            messages.success(
                request,
                _("Version %(version)s opened as a draft. Change the values, then submit it.")
                % {"version": correction.version},
            )
            return redirect(
                "workspace:standards:return_edit", organisation_pk=correction.organisation_id, pk=correction.pk
            )
    return render(
        request,
        "standards/return_correct.html",
        {"form": form, "metric_return": metric_return, "organisation": metric_return.organisation},
    )
