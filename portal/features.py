"""The public services the home page offers, in one place.

A service appears as a card with a working link only once its feature has landed: the
issue that builds it sets `url_name` here. Until then the home page names it, without a
link, among the services that are not open yet.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class PublicService:
    title: str
    description: str
    url_name: str | None = None  # None until the feature lands

    @property
    def url(self):
        return reverse(self.url_name) if self.url_name else None


PUBLIC_SERVICES = (
    PublicService(
        _("Read a customer charter"),
        _("What you can expect from a public body, how to complain and how to appeal."),
        url_name="charters:index",
    ),
    PublicService(
        _("Make a complaint"),
        _("Tell the head of an organisation directly, anonymously if you wish, from any service point's QR code."),
        url_name="public_feedback:report_start",
    ),
    PublicService(
        _("Follow your case"),
        _(
            "Read the answers to a complaint or report you made, add information and rate how it was handled, "
            "with the receipt you were given. No account needed."
        ),
        url_name="public_feedback:case_follow",
    ),
    PublicService(
        _("Check a certificate"),
        _("Verify that a training or accreditation certificate is genuine and current, from its code or QR code."),
        url_name="certificates:verify_start",
    ),
)


def open_services():
    return [service for service in PUBLIC_SERVICES if service.url_name]


def coming_services():
    return [service for service in PUBLIC_SERVICES if not service.url_name]
