"""Texts that organisations give in English and, optionally, in Irish (fields ``x`` and ``x_ga``).

The visitor's language picks the text; where the Irish text is empty the English one is shown and
`has_irish` lets the page say so.
"""

from django.utils.translation import get_language


def wants_irish():
    return (get_language() or "en").split("-")[0] == "ga"


def in_language(obj, field):
    """The field's text in the active language, falling back to English."""
    if wants_irish():
        irish = getattr(obj, f"{field}_ga", "")
        if irish:
            return irish
    return getattr(obj, field)


def has_irish(obj, field):
    return bool(getattr(obj, f"{field}_ga", ""))
