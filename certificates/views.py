"""The public verification page: anyone with a certificate's code (or its QR code) can check it.

No sign-in. Requests are counted per IP address (django-ratelimit, CERTIFICATE_VERIFY_RATE), so codes
cannot be tried in bulk; an unknown code gets a 404 page of the same shape as a found one, saying only
that no certificate has that code.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET
from django_ratelimit.core import is_ratelimited

from .models import Certificate
from .services import display_code, normalised_code


def _over_limit(request):
    return is_ratelimited(
        request, group="certificate-verify", key="ip", rate=settings.CERTIFICATE_VERIFY_RATE, increment=True
    )


def certificate_status(certificate, day):
    if certificate.revoked_at is not None:
        return "revoked"
    if certificate.valid_until is not None and certificate.valid_until < day:
        return "expired"
    return "valid"


@require_GET
def verify_start(request):
    """A form to type a code from paper; a typed code goes to its verification page."""
    typed = request.GET.get("code", "")
    if typed.strip():
        code = normalised_code(typed)
        if code:
            return redirect("certificates:verify", code=code)
        if _over_limit(request):
            return render(request, "certificates/too_many.html", status=429)
        return render(
            request, "certificates/verify.html", {"code": typed.strip()[:40], "certificate": None}, status=404
        )
    return render(request, "certificates/verify_start.html")


@require_GET
def verify(request, code):
    if _over_limit(request):
        return render(request, "certificates/too_many.html", status=429)
    normalised = normalised_code(code)
    certificate = (
        Certificate.objects.select_related("organisation").filter(code=normalised).first() if normalised else None
    )
    context = {"code": display_code(normalised) if normalised else code[:40], "certificate": certificate}
    if certificate is None:
        return render(request, "certificates/verify.html", context, status=404)
    context["status"] = certificate_status(certificate, timezone.localdate())
    return render(request, "certificates/verify.html", context)
