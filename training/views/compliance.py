"""Training compliance: an organisation's figures (page and XLSX) and the evaluation unit's overview."""

from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from common.bilingual import wants_irish

from ..access import compliance_organisations_for_user, get_compliance_organisation_for_user
from ..charts import rate_chart
from ..compliance import NO_ROLE, compliance_report, organisation_rates
from ..compliance_xlsx import compliance_xlsx
from ..rules import EXPIRING_SOON_DAYS

LIST_PAGE_SIZE = 25
OVERVIEW_PAGE_SIZE = 50
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def module_label(module):
    """A module's title in the visitor's language (English when there is no Irish title)."""
    if not module:
        return ""
    return (wants_irish() and module.get("title_ga")) or module.get("title", "")


def _labelled(report):
    """The report with display labels: module titles in the visitor's language, role names, month names."""
    for row in report["modules"]:
        row["label"] = module_label(row)
    for row in report["roles"]:
        row["label"] = str(row["label"] or gettext("No current role"))
    for module in report["module_titles"].values():
        module["label"] = module_label(module)
    for point in report["trend"]:
        point["label"] = formats.date_format(point["day"], "M Y")
    return report


def _trend_chart(organisation, trend):
    described = [f"{point['label']}: {'—' if point['rate'] is None else _percent(point['rate'])}" for point in trend]
    return rate_chart(
        [(point["label"], point["rate"]) for point in trend],
        chart_id="compliance-trend",
        title=gettext("%(organisation)s: training completion rate at each month end")
        % {"organisation": organisation.name},
        description="; ".join(described),
    )


def _percent(rate):
    return f"{formats.number_format(rate, 1)}%"


def _page(request, rows, param, size=LIST_PAGE_SIZE):
    """A page of the rows, with links to the pages around it that keep the other lists' pages."""
    page = Paginator(rows, size).get_page(request.GET.get(param))
    page.param = param

    def link(number):
        query = request.GET.copy()
        query[param] = number
        return f"?{query.urlencode()}#{param}-heading"

    page.previous_link = link(page.previous_page_number()) if page.has_previous() else ""
    page.next_link = link(page.next_page_number()) if page.has_next() else ""
    return page


@login_required
@require_GET
def organisation_compliance(request, organisation_pk):
    organisation = get_compliance_organisation_for_user(request, organisation_pk)
    report = _labelled(compliance_report(organisation, on=timezone.localdate()))
    context = {
        "organisation": organisation,
        "report": report,
        "trend_chart": _trend_chart(organisation, report["trend"]),
        "overdue_page": _page(request, report["overdue"], "overdue"),
        "expiring_page": _page(request, report["expiring"], "expiring"),
        "expiring_soon_days": EXPIRING_SOON_DAYS,
        "no_role": NO_ROLE,
    }
    return render(request, "training/compliance/organisation.html", context)


@login_required
@require_GET
def organisation_compliance_xlsx(request, organisation_pk):
    organisation = get_compliance_organisation_for_user(request, organisation_pk)
    on = timezone.localdate()
    content = compliance_xlsx(organisation, _labelled(compliance_report(organisation, on=on)))
    name = f"{slugify(organisation.short_name or organisation.name)}-training-compliance-{on:%Y-%m-%d}.xlsx"
    return FileResponse(ContentFile(content), as_attachment=True, filename=name, content_type=XLSX_TYPE)


@login_required
@require_GET
def compliance_overview(request):
    organisations = compliance_organisations_for_user(request)
    rows = organisation_rates(organisations, on=timezone.localdate())
    page = _page(request, rows, "page", OVERVIEW_PAGE_SIZE)
    return render(request, "training/compliance/overview.html", {"page": page, "on": timezone.localdate()})
