"""The figures page: which standards are fed by case and survey figures, and feeding a period at once."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.forms import run_service
from standards.forms.returns import ReturnCreateForm
from standards.models import ServiceStandard
from standards.periods import label_for, period_store

from ..access_figures import get_figure_for_user, get_figures_organisation_for_user
from ..forms.figures import FigureLinkForm
from ..models import FeedbackFigure
from ..services import figures as services


def _page(organisation):
    return redirect("workspace:feedback:figure_list", organisation_pk=organisation.pk)


def _feed_form(organisation, data=None):
    linked = ServiceStandard.objects.filter(organisation=organisation, feedback_figure__isnull=False)
    return ReturnCreateForm(data, standards=list(linked), taken_labels=set(), organisation=organisation, prefix="feed")


def _render(request, organisation, link_form=None, feed_form=None):
    figures = (
        FeedbackFigure.objects.filter(standard__organisation=organisation)
        .select_related("standard", "survey_question__survey")
        .order_by("standard__code")
    )
    return render(
        request,
        "feedback/figure_list.html",
        {
            "organisation": organisation,
            "figures": figures,
            "link_form": link_form or FigureLinkForm(organisation=organisation),
            "feed_form": feed_form or _feed_form(organisation),
        },
    )


@login_required
def figure_list(request, organisation_pk):
    organisation = get_figures_organisation_for_user(request, organisation_pk)
    form = FigureLinkForm(request.POST or None, organisation=organisation)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, services.feedback_figure_link, actor=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("The standard is now fed by the figure."))
        return _page(organisation)
    return _render(request, organisation, link_form=form)


@login_required
@require_POST
def figure_unlink(request, organisation_pk, pk):
    figure = get_figure_for_user(request, organisation_pk, pk)
    services.feedback_figure_unlink(actor=request.user, figure=figure)
    messages.success(request, _("The standard is no longer fed by a figure. Its values so far stay as they are."))
    return _page(figure.standard.organisation)


@login_required
@require_POST
def figure_feed(request, organisation_pk):
    organisation = get_figures_organisation_for_user(request, organisation_pk)
    form = _feed_form(organisation, request.POST)
    if form.is_valid():
        period = period_store(form.cleaned_data["bounds"])
        result = run_service(
            form, services.feedback_figures_feed, actor=request.user, organisation=organisation, period=period
        )
        if result is not None:
            _return, fed = result
            label = label_for(period, organisation)
            if fed:
                messages.success(
                    request, _("%(count)s standard(s) fed for %(period)s.") % {"count": fed, "period": label}
                )
            else:
                messages.info(request, _("No figure has data for %(period)s yet.") % {"period": label})
            return _page(organisation)
    return _render(request, organisation, feed_form=form)
