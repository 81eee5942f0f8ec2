"""The annual-report table of an organisation: HTML page, PDF and XLSX downloads."""

from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.text import slugify

from organisations import roles
from organisations.access import get_organisation_for_user

from ..reports.context import FIRST_YEAR, LAST_YEAR, annual_report_context
from ..reports.pdf import annual_report_pdf as render_annual_report_pdf
from ..reports.xlsx import annual_report_xlsx as render_annual_report_xlsx


def get_report_organisation_for_user(request, pk, year):
    """The organisation whose report the user may read, for a year the report can cover (404 otherwise)."""
    organisation = get_organisation_for_user(request, pk, roles.VIEW)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    return organisation


def _download(content, content_type, organisation, year, extension):
    name = f"{slugify(organisation.short_name or organisation.name)}-annual-report-{year}.{extension}"
    return FileResponse(ContentFile(content), as_attachment=True, filename=name, content_type=content_type)


@login_required
def annual_report(request, pk, year):
    organisation = get_report_organisation_for_user(request, pk, year)
    context = annual_report_context(organisation, year)
    return render(request, "standards/annual_report.html", context)


@login_required
def annual_report_pdf(request, pk, year):
    organisation = get_report_organisation_for_user(request, pk, year)
    pdf = render_annual_report_pdf(annual_report_context(organisation, year))
    return _download(pdf, "application/pdf", organisation, year, "pdf")


@login_required
def annual_report_xlsx(request, pk, year):
    organisation = get_report_organisation_for_user(request, pk, year)
    content = render_annual_report_xlsx(annual_report_context(organisation, year, charts=False))
    xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _download(content, xlsx_type, organisation, year, "xlsx")
