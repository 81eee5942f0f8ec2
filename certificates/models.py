"""Certificates anyone can verify: training completions now, accreditation decisions later.

A certificate is issued once and never edited; revoking it records when and why. The public
verification page (reached by the QR code printed on the certificate) looks it up by its code.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

# Crockford's base32 without I, L, O, U: easy to read aloud and to type from paper.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16


def new_certificate_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class CertificateKind(models.TextChoices):
    TRAINING = "training", _("Training completion")
    ACCREDITATION = "accreditation", _("Accreditation")


class Certificate(models.Model):
    code = models.CharField(_("verification code"), max_length=32, unique=True, default=new_certificate_code)
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
    holder_name = models.CharField(_("holder"), max_length=300)
    title = models.CharField(_("title"), max_length=300)
    title_ga = models.CharField(_("title (Irish)"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="certificates"
    )
    issued_at = models.DateTimeField()
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revoking"), max_length=500, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return f"{self.title} · {self.holder_name} ({self.code})"
