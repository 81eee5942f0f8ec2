"""Receipts: the code a reporter keeps to follow a case without an account.

The receipt shown (once) is ``<reference>-<secret>``. Only a slow hash of the secret is stored
(Django's password hashers), so a copy of the database does not let anyone follow a case.
"""

import secrets

from django.contrib.auth.hashers import check_password, make_password

# No look-alike characters (0/O, 1/I/L): the receipt is copied by hand from a phone screen.
RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 8
SECRET_LENGTH = 12
_DUMMY_HASH = None


def _random(length):
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(length))


def new_reference():
    """A case reference: 8 characters, unique by chance (checked by the caller)."""
    return _random(REFERENCE_LENGTH)


def receipt_issue(reference=None):
    """(reference, secret, hash) for a new case; the receipt shown is ``f"{reference}-{secret}"``."""
    reference = reference or new_reference()
    secret = _random(SECRET_LENGTH)
    return reference, secret, make_password(secret)


def receipt_text(reference, secret):
    return f"{reference}-{secret}"


def _normalised(receipt):
    return "".join(str(receipt or "").split()).upper()


def _dummy_hash():
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = make_password(_random(SECRET_LENGTH))
    return _DUMMY_HASH


def receipt_check(receipt):
    """The case this receipt opens, or None. Unknown references cost the same hash check as wrong secrets,
    and every refusal is the same None: no hint whether the reference exists."""
    from .models import Case

    reference, _, secret = _normalised(receipt).partition("-")
    case = None
    if reference and len(reference) <= REFERENCE_LENGTH * 2:
        case = Case.objects.filter(reference=reference).exclude(receipt_hash="").first()
    if case is None:
        check_password(secret, _dummy_hash())
        return None
    if not secret or not check_password(secret, case.receipt_hash):
        return None
    return case
