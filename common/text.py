"""Single-line text: names, codes and titles hold no control characters.

A newline typed into an organisation name once travelled into e-mail subjects and broke every
invitation. Every single-line field refuses control characters (tab, newline, carriage return,
the other C0/C1 codes) and the Unicode line and paragraph separators.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REFUSED_CATEGORIES = {"Cc", "Zl", "Zp"}


def has_control_characters(value: str) -> bool:
    return any(unicodedata.category(character) in REFUSED_CATEGORIES for character in value)


def no_control_characters(value):
    """Validator for single-line text."""
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(
            _("Use a single line of text, without line breaks, tabs or other control characters."),
            code="control_characters",
        )


def single_line(value) -> str:
    """The text on one line: runs of control characters and line separators become one space."""
    parts = "".join(" " if unicodedata.category(ch) in REFUSED_CATEGORIES else ch for ch in str(value)).split()
    return " ".join(parts)


class SingleLineFormMixin:
    """Attaches ``no_control_characters`` to every text field of the form not shown as a text area."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            is_single_line = isinstance(field, forms.CharField) and not isinstance(field.widget, forms.Textarea)
            if is_single_line and no_control_characters not in field.validators:
                field.validators.append(no_control_characters)
