"""One spreadsheet cell to a number, or a message saying what is wrong with it and how to fix it."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)\Z")
THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?\Z")
DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+\Z")
DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\Z|\d{1,2}:\d{2}(?::\d{2})?\Z")
NOT_A_NUMBER = {"nan", "-nan", "na", "n/a", "#n/a", "null", "none", "inf", "-inf", "+inf", "infinity", "-infinity", "-"}


class CellError(ValueError):
    """The cell holds something that is not a number; the message says what to do."""


def parse_number(raw):
    """A Decimal, or None for a blank cell. Raises CellError with a message for anything else."""
    if raw is None:
        return None
    kind = type(raw)
    if kind is str:
        text = raw.strip()
        if not text:
            return None
        if NUMBER.match(text):
            return Decimal(text)
        raise CellError(explain_text(text))
    if kind is int:
        return Decimal(raw)
    if kind is float:
        if raw != raw:  # NaN: what pandas and some exporters write for a blank cell
            return None
        if raw in (float("inf"), float("-inf")):
            raise CellError(explain_text(str(raw)))
        return Decimal(repr(raw))
    if kind is bool:
        raise CellError(_("%(text)s is a yes/no value, not a number.") % {"text": str(raw).upper()})
    if isinstance(raw, (datetime.date, datetime.time, datetime.timedelta)):
        shown = raw.isoformat() if hasattr(raw, "isoformat") else str(raw)
        raise CellError(
            _(
                "This cell is a date or time (%(text)s), not a number. Excel may have turned the number into a "
                "date: format the column as Number and type the value again."
            )
            % {"text": shown}
        )
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise CellError(explain_text(str(raw)))
        return raw
    raise CellError(_('"%(text)s" is not a number.') % {"text": str(raw)[:40]})


def explain_text(text):
    """Why a piece of text is not a number we accept, in words a spreadsheet user understands."""
    shown = text[:40]
    lowered = text.lower()
    if "%" in text:
        example = text.replace("%", "").strip()
        return _('"%(text)s" has a percent sign. Write the number alone (for example %(example)s).') % {
            "text": shown,
            "example": example if NUMBER.match(example) else "85",
        }
    if THOUSANDS.match(text):
        example = text.replace(",", "").replace(" ", "")
        return _(
            '"%(text)s" has a thousands separator. Write the number without it (for example %(example)s); '
            "use a full stop for decimals."
        ) % {"text": shown, "example": example}
    if DECIMAL_COMMA.match(text):
        return _('"%(text)s" uses a comma for decimals. Use a full stop (for example %(example)s).') % {
            "text": shown,
            "example": text.replace(",", "."),
        }
    if lowered in NOT_A_NUMBER:
        return _('"%(text)s" is not a number. Leave the cell empty if there is no value, or type the number.') % {
            "text": shown
        }
    if text.startswith("#") and (text.endswith("!") or text.endswith("?")):
        return _('"%(text)s" is a spreadsheet error, not a number. Fix the formula or type the number.') % {
            "text": shown
        }
    if DATE_LIKE.match(text):
        return _(
            '"%(text)s" looks like a date or time, not a number. Format the column as Number and type the value again.'
        ) % {"text": shown}
    try:
        Decimal(text)
    except InvalidOperation:
        pass
    else:
        return _('"%(text)s" is written in a form we do not accept. Write a plain number such as 85 or 85.5.') % {
            "text": shown
        }
    return _('"%(text)s" is not a number.') % {"text": shown}
