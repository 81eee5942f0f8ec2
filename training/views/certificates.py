"""A training certificate as a tagged PDF, with its verification code and a QR code of the public page."""

import segno
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from certificates.services import display_code
from common.pdf import html_to_pdf

from ..access import get_certificate_completion_for_user


def qr_svg(url):
    """An inline SVG QR code of the URL (drawn here: nothing fetched)."""
    svg = segno.make(url, error="m").svg_inline(scale=4, dark="#000", light="#fff", omitsize=False)
    return mark_safe(svg)  # noqa: S308 - segno's own markup of our own URL


@login_required
@require_GET
def certificate_pdf(request, organisation_pk, pk):
    completion = get_certificate_completion_for_user(request, organisation_pk, pk)
    certificate = completion.certificate
    verify_url = request.build_absolute_uri(reverse("certificates:verify", kwargs={"code": certificate.code}))
    html = render_to_string(
        "training/learning/certificate_pdf.html",
        {
            "completion": completion,
            "certificate": certificate,
            "code": display_code(certificate.code),
            "verify_url": verify_url,
            "qr": qr_svg(verify_url),
        },
        request=request,
    )
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response
