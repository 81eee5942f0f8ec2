"""The annual-report table of an organisation: HTML page, PDF and XLSX downloads."""

from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from ..access import get_report_organisation_for_user
from ..reports.context import annual_report_context
from ..reports.pdf import annual_report_pdf as render_annual_report_pdf
from ..reports.xlsx import annual_report_xlsx as render_annual_report_xlsx


def _download(content, content_type, organisation, year, extension):
    name = f"{slugify(organisation.short_name or organisation.name)}-annual-report-{year}.{extension}"
    return FileResponse(ContentFile(content), as_attachment=True, filename=name, content_type=content_type)


@login_required
@require_GET
def annual_report(request, organisation_pk, year):
    organisation = get_report_organisation_for_user(request, organisation_pk, year)
    context = annual_report_context(organisation, year)
    return render(request, "standards/annual_report.html", context)


@login_required
@require_GET
def annual_report_pdf(request, organisation_pk, year):
    organisation = get_report_organisation_for_user(request, organisation_pk, year)
    pdf = render_annual_report_pdf(annual_report_context(organisation, year))
    return _download(pdf, "application/pdf", organisation, year, "pdf")


@login_required
@require_GET
def annual_report_xlsx(request, organisation_pk, year):
    organisation = get_report_organisation_for_user(request, organisation_pk, year)
    content = render_annual_report_xlsx(annual_report_context(organisation, year, charts=False))
    xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _download(content, xlsx_type, organisation, year, "xlsx")
