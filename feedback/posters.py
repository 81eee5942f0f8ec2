"""QR codes (segno) and the printable A4 poster of a service point."""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from common.pdf import html_to_pdf


def report_url(point):
    """The absolute short URL printed under the QR code: SITE_URL + r/<code>/."""
    return settings.SITE_URL.rstrip("/") + reverse("public_feedback:report", kwargs={"code": point.code})


def qr_svg(point, scale=6):
    """Inline SVG of the QR code (no XML declaration), with a title for screen readers."""
    qr = segno.make(report_url(point), error="m")
    svg = qr.svg_inline(scale=scale, dark="#000", light="#fff", title=report_url(point))
    return mark_safe(svg)  # noqa: S308 - segno's own markup; the URL is ours and escaped by segno


def poster_pdf(point):
    """A4 poster, English and Irish on the same page, whatever the reader's language."""
    context = {"point": point, "url": report_url(point), "qr": qr_svg(point, scale=10)}
    with translation.override("en"):
        context["english"] = _poster_text(point)
    with translation.override("ga"):
        context["irish"] = _poster_text(point)
    html = render_to_string("feedback/points/poster_pdf.html", context)
    return html_to_pdf(html)


def _poster_text(point):
    from django.utils.translation import gettext as _

    return {
        "title": _("Tell us about our service"),
        "scan": _("Scan the code with your phone's camera, or type the address below."),
        "what": _(
            "Make a complaint, report unethical conduct by an official, suggest an improvement or pay a compliment."
        ),
        "anonymous": _("You may stay anonymous. You will get a receipt code to follow your report."),
        "code": _("Service point code"),
        "name": point.name_ga if translation.get_language() == "ga" and point.name_ga else point.name,
    }
