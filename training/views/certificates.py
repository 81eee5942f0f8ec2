"""A training certificate as a tagged PDF, with its verification code and a QR code of the public page."""

import segno
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from certificates.services import display_code
from common.pdf import html_to_pdf

from ..access import get_certificate_completion_for_user


def qr_svg(url, title):
    """An inline SVG QR code of the URL (drawn here: nothing fetched), scaled by its viewBox."""
    svg = segno.make(url, error="m").svg_inline(dark="#000", light="#fff", omitsize=True, title=title)
    return mark_safe(svg)  # noqa: S308 - segno's own markup of our own URL


def certificate_html(completion, verify_url):
    """The certificate's HTML for WeasyPrint: holder, module, dates, the code and the QR code of verify_url."""
    certificate = completion.certificate
    return render_to_string(
        "training/learning/certificate_pdf.html",
        {
            "completion": completion,
            "certificate": certificate,
            "code": display_code(certificate.code),
            "verify_url": verify_url,
            "qr": qr_svg(verify_url, _("QR code of the verification page")),
        },
    )


@login_required
@require_GET
def certificate_pdf(request, organisation_pk, pk):
    completion = get_certificate_completion_for_user(request, organisation_pk, pk)
    certificate = completion.certificate
    verify_url = request.build_absolute_uri(reverse("certificates:verify", kwargs={"code": certificate.code}))
    html = certificate_html(completion, verify_url)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response
