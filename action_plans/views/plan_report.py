"""The annual progress report of a published action plan, as a page and as a tagged PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from common.pdf import html_to_pdf

from ..access import get_plan_for_user
from ..models import DocumentState
from ..report import plan_report_context

REPORTED_STATES = (DocumentState.PUBLISHED, DocumentState.SUPERSEDED)
PDF_STYLESHEETS = ("css/report_pdf.css",)  # the annual report's print stylesheet


def _report(request, organisation_pk, pk, year):
    plan = get_plan_for_user(request, organisation_pk, pk)
    if plan.state not in REPORTED_STATES or not plan.starts_on.year <= year <= plan.ends_on.year:
        raise Http404
    return plan_report_context(plan, year)


@login_required
@require_GET
def plan_report(request, organisation_pk, pk, year):
    return render(request, "action_plans/plan/report.html", _report(request, organisation_pk, pk, year))


@login_required
@require_GET
def plan_report_pdf(request, organisation_pk, pk, year):
    context = _report(request, organisation_pk, pk, year)
    pdf = html_to_pdf(render_to_string("action_plans/plan/report_pdf.html", context, request=request), PDF_STYLESHEETS)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"{context['organisation'].name} action plan progress {year}")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
