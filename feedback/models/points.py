"""Service points: each customs post, clearance centre or counter where the public can press the red button."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

# Short public codes for the QR code and the printed short URL: no look-alike characters.
POINT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_point_code():
    return "".join(secrets.choice(POINT_CODE_ALPHABET) for _ in range(7))


class ServicePoint(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="service_points")
    name = models.CharField(_("name"), max_length=200)
    name_ga = models.CharField(_("name in Irish"), max_length=200, blank=True)
    address = models.TextField(_("address"), max_length=1000)
    code = models.CharField(_("public code"), max_length=12, unique=True, default=new_point_code, editable=False)
    officials = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="service_points",
        verbose_name=_("officials working here"),
        help_text=_("They never see reports of unethical conduct made at this service point."),
    )
    is_active = models.BooleanField(_("taking reports"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        ordering = ["organisation", "name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="service_point_name_unique")]

    def __str__(self):
        return self.name
