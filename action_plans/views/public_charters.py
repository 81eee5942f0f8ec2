"""Public pages (no log-in): the index of published charters, each organisation's charter, its versions, the PDF.

Only published and superseded versions are public (`publication.lookup`); drafts answer 404.
The page follows the visitor's language (the language switcher). The PDF is in the language asked
for with ``?lang=en`` or ``?lang=ga`` (the page's PDF link always says which), else in the active one.
"""

from django.conf import settings
from django.core.files.base import ContentFile
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from common.throttling import public_request_allowed

from ..models import DocumentState
from ..publication.context import charter_context
from ..publication.lookup import charter_version, current_charter, organisations_with_charters
from ..publication.pdf import charter_pdf

PDF_LANGUAGES = {code for code, _name in settings.LANGUAGES}


@require_GET
def charter_index(request):
    return render(request, "action_plans/public/index.html", {"organisations": organisations_with_charters()})


def _page(request, charter):
    context = charter_context(charter)
    is_current = charter.state == DocumentState.PUBLISHED
    organisation_pk = charter.organisation_id
    if is_current:
        pdf_url = reverse("charters:current_pdf", kwargs={"organisation_pk": organisation_pk})
    else:
        pdf_url = reverse("charters:version_pdf", kwargs={"organisation_pk": organisation_pk, "number": charter.number})
    return render(
        request,
        "action_plans/public/charter.html",
        {"shown": context, "is_current": is_current, "pdf_url": f"{pdf_url}?lang={translation.get_language()}"},
    )


@require_GET
def charter_current(request, organisation_pk):
    return _page(request, current_charter(organisation_pk))


@require_GET
def charter_version_page(request, organisation_pk, number):
    return _page(request, charter_version(organisation_pk, number))


def _pdf(request, charter):
    # A PDF costs about half a second of CPU: limited per (hashed) address, like the public forms.
    if not public_request_allowed(request, "charter-pdf", settings.CHARTER_PDF_RATE):
        return HttpResponse(
            _("Too many PDFs were asked for from your connection. Please wait a minute and try again."),
            status=429,
            content_type="text/plain; charset=utf-8",
        )
    language = request.GET.get("lang", "")
    language = language if language in PDF_LANGUAGES else translation.get_language()
    with translation.override(language):
        pdf = charter_pdf(charter)
    name = f"{slugify(charter.organisation.short_name or charter.organisation.name)}-charter-v{charter.number}"
    return FileResponse(
        ContentFile(pdf), as_attachment=True, filename=f"{name}-{language}.pdf", content_type="application/pdf"
    )


@require_GET
def charter_current_pdf(request, organisation_pk):
    return _pdf(request, current_charter(organisation_pk))


@require_GET
def charter_version_pdf(request, organisation_pk, number):
    return _pdf(request, charter_version(organisation_pk, number))
