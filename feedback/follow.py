"""Keeping a reporter "signed in" to their case without an account, a session or a cookie.

After the receipt checks out, each page carries a short-lived signed token (django.core.signing,
salted, timestamped) in a hidden form field; every later POST sends it back. The token holds the
case id and a fingerprint of the receipt hash (so a new receipt would void it), and expires after
FEEDBACK_FOLLOW_TOKEN_MAX_AGE seconds (30 minutes by default; each page issues a fresh one). It is
never in a URL, a cookie or a log, and the receipt itself is never stored or echoed back.
"""

import hashlib

from django.conf import settings
from django.core import signing

SALT = "feedback.case-follow"


def _fingerprint(case):
    return hashlib.sha256(case.receipt_hash.encode()).hexdigest()[:16]


def max_age():
    return getattr(settings, "FEEDBACK_FOLLOW_TOKEN_MAX_AGE", 30 * 60)


def follow_token(case):
    return signing.dumps({"c": case.pk, "f": _fingerprint(case)}, salt=SALT)


def case_for_token(token):
    """The case the token was issued for, or None when it is forged, expired or void."""
    from .models import Case

    try:
        data = signing.loads(token or "", salt=SALT, max_age=max_age())
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    case = Case.objects.select_related("organisation").filter(pk=data.get("c")).exclude(receipt_hash="").first()
    if case is None or _fingerprint(case) != data.get("f"):
        return None
    return case
