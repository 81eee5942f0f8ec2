"""Receipts for following a case without an account.

PLACEHOLDER written by the `cases` branch against the agreed interface; the `redbutton` branch owns
this module and the lead keeps redbutton's version at merge time.

The receipt shown once is "<reference>-<secret>"; only a slow hash of it is stored (make_password).
"""

import secrets

from django.contrib.auth.hashers import check_password, make_password

from .models.points import POINT_CODE_ALPHABET

_DUMMY_HASH = None


def new_reference():
    return "".join(secrets.choice(POINT_CODE_ALPHABET) for _ in range(8))


def receipt_issue():
    """(reference, secret, hash): show f"{reference}-{secret}" once, store the reference and the hash."""
    reference = new_reference()
    secret = "".join(secrets.choice(POINT_CODE_ALPHABET) for _ in range(12))
    return reference, secret, make_password(f"{reference}-{secret}")


def receipt_check(receipt):
    """The case the receipt belongs to, or None; the same work is done for an unknown reference."""
    global _DUMMY_HASH
    from .models import Case

    receipt = (receipt or "").strip().upper().replace(" ", "")
    reference = receipt.split("-", 1)[0]
    case = Case.objects.filter(reference=reference).exclude(receipt_hash="").first() if reference else None
    if case is None:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = make_password(secrets.token_hex(8))
        check_password(receipt, _DUMMY_HASH)
        return None
    return case if check_password(receipt, case.receipt_hash) else None
