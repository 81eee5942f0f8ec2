"""Issuing certificates, and reading the codes people type from paper."""

import re

from django.db import transaction
from django.utils import timezone

from organisations.audit import audit_record

from .models import CODE_ALPHABET, CODE_LENGTH, Certificate

# Crockford's reading of look-alike characters, so a code typed from paper still matches.
_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})
_SEPARATORS = re.compile(r"[\s\-–.]+")


def normalised_code(text):
    """The stored form of a code as typed (any case, spaces or dashes, O for 0): '' if it cannot be one."""
    code = _SEPARATORS.sub("", (text or "").upper()).translate(_LOOKALIKES)
    if len(code) != CODE_LENGTH or any(character not in CODE_ALPHABET for character in code):
        return ""
    return code


def display_code(code):
    """The code in groups of four, as printed: 'ABCD-EFGH-JKMN-PQRS'."""
    return "-".join(code[start : start + 4] for start in range(0, len(code), 4))


@transaction.atomic
def certificate_issue(*, actor, kind, holder_name, title, title_ga="", organisation=None, valid_until=None):
    """Issue a certificate (never edited afterwards) and record it in the audit log."""
    certificate = Certificate.objects.create(
        kind=kind,
        holder_name=holder_name[:300],
        title=title[:300],
        title_ga=title_ga[:300],
        organisation=organisation,
        issued_at=timezone.now(),
        valid_until=valid_until,
    )
    audit_record(
        actor=actor,
        verb="certificate.issue",
        target=certificate,
        organisation=organisation,
        after={"code": certificate.code, "kind": kind, "valid_until": str(valid_until or "")},
    )
    return certificate
