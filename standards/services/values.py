"""The one home of metric values: parsing, the rules of one value, the percentage and the writer.

The form grid, the CSV/XLSX import and the feeds all go through here, so the same input
gets the same verdict and the same message everywhere.

Accepted syntax: a plain decimal number with an optional sign, a full stop for decimals and
optional thousands separators (``1,000`` or ``1 000``). A trailing ``%`` is accepted only for
the value of a percentage standard. Exponents (``1e20``), NaN and infinity are refused.
Numbers are rounded half up to the places the database keeps, then checked against the
digits it can hold (``max_digits`` and ``decimal_places`` of ``MetricValue``).

A percentage comes in one of two forms: the percentage alone (the value, 0 to 100, as most
bodies publish it; stored without numerator and denominator, so "no counts"), or the number
within the threshold and the total (numerator and denominator; the value is computed). If
the value and the counts are both given they must agree to the places the value was written
with, else the row is refused naming both. Half the counts is refused.
"""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import connection
from django.utils.translation import gettext as _

from ..models import MetricValue, ValueSource

NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)\Z")
THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:(,)\d{3})+(?:\.\d+)?\Z|[+-]?\d{1,3}(?:([ \u00a0\u202f])\d{3})+(?:\.\d+)?\Z")
DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+\Z")
DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\Z|\d{1,2}:\d{2}(?::\d{2})?\Z")
NOT_A_NUMBER = {"nan", "-nan", "na", "n/a", "#n/a", "null", "none", "inf", "-inf", "+inf", "infinity", "-infinity", "-"}
HUNDRED = Decimal(100)
FIGURES = ("value", "numerator", "denominator")
VALUE_FIELDS = ["value", "numerator", "denominator", "note", "source"]
WRITE_BATCH = 5000
MAX_NOTE_LENGTH = 2000


def _limits(name):
    """(places to round to, the smallest number too large to store) for one figure of MetricValue."""
    model_field = MetricValue._meta.get_field(name)
    places = Decimal(1).scaleb(-model_field.decimal_places)
    return places, Decimal(10) ** (model_field.max_digits - model_field.decimal_places)


LIMITS = {name: _limits(name) for name in FIGURES}
VALUE_PLACES = LIMITS["value"][0]


class NumberError(ValueError):
    """What was typed or imported is not a number we accept; the message says what to do."""


def parse_number(raw, *, percent=False):
    """A Decimal, or None for a blank. Raises NumberError with a message for anything else.

    ``percent``: a trailing % is accepted (the value of a percentage standard).
    """
    if raw is None:
        return None
    kind = type(raw)
    if kind is str:
        text = raw.strip()
        if not text:
            return None
        if NUMBER.match(text):
            return Decimal(text)
        if percent and text.endswith("%"):
            number = text[:-1].rstrip()
            if NUMBER.match(number):
                return Decimal(number)
            if THOUSANDS.match(number):
                return Decimal(re.sub(r"[, \u00a0\u202f]", "", number))
        elif THOUSANDS.match(text):
            return Decimal(re.sub(r"[, \u00a0\u202f]", "", text))
        raise NumberError(_explain_text(text))
    if kind is int:
        return Decimal(raw)
    if kind is float:
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise NumberError(_explain_text(str(raw)))
        return Decimal(repr(raw))
    if kind is bool:
        raise NumberError(_("%(text)s is a yes/no value, not a number.") % {"text": str(raw).upper()})
    if isinstance(raw, (datetime.date, datetime.time, datetime.timedelta)):
        shown = raw.isoformat() if hasattr(raw, "isoformat") else str(raw)
        raise NumberError(
            _(
                "This cell is a date or time (%(text)s), not a number. Excel may have turned the number into a "
                "date: format the column as Number and type the value again."
            )
            % {"text": shown}
        )
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise NumberError(_explain_text(str(raw)))
        return raw
    raise NumberError(_('"%(text)s" is not a number.') % {"text": str(raw)[:40]})


def _explain_text(text):
    """Why a piece of text is not a number we accept, in words a spreadsheet user understands."""
    shown = text[:40]
    if "%" in text:
        example = text.replace("%", "").strip()
        return _('"%(text)s" has a percent sign. Write the number alone (for example %(example)s).') % {
            "text": shown,
            "example": example if NUMBER.match(example) else "85",
        }
    if DECIMAL_COMMA.match(text):
        return _('"%(text)s" uses a comma for decimals. Use a full stop (for example %(example)s).') % {
            "text": shown,
            "example": text.replace(",", "."),
        }
    if text.lower() in NOT_A_NUMBER:
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
        return _('"%(text)s" is not a number.') % {"text": shown}
    return _('"%(text)s" is written in a form we do not accept. Write a plain number such as 85 or 85.5.') % {
        "text": shown
    }


def percentage(numerator, denominator):
    """numerator ÷ denominator × 100, rounded to the places a value keeps."""
    return (numerator * HUNDRED / denominator).quantize(VALUE_PLACES, ROUND_HALF_UP)


def plain(number):
    """A number without trailing zeros (85.5000 → 85.5), as messages and previews show it."""
    if number is None:
        return ""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _stored(name, number, problems):
    """The number rounded as the database keeps it, or None (and a problem) if it is negative or too large."""
    if number is None:
        return None
    if not number:
        return Decimal(0).quantize(LIMITS[name][0])
    if number < 0:
        problems.append((name, _("%(number)s is negative; values cannot be negative.") % {"number": plain(number)}))
        return None
    places, limit = LIMITS[name]
    if number.adjusted() < limit.adjusted():
        rounded = number.quantize(places, ROUND_HALF_UP)
        if rounded < limit:
            return rounded
    problems.append(
        (
            name,
            _("%(number)s is too large: a value can have at most %(digits)s digits before the decimal point.")
            % {"number": str(number)[:40], "digits": limit.adjusted()},
        )
    )
    return None


def check_row(is_percentage, value, numerator, denominator, note, *, complete):
    """The rules of one row of parsed figures: (problems as (field, message), (value, numerator, denominator, note)).

    What is returned is what to store: figures rounded, for a percentage the value computed from
    numerator and denominator (or the percentage given alone, without counts), the note stripped.
    ``complete``: the row must carry its figures (an import row, a feed, a submitted return);
    otherwise an empty row is allowed (a draft).
    """
    note = "" if note is None else str(note).strip()
    problems, figures = _check_figures(is_percentage, value, numerator, denominator, complete)
    if len(note) > MAX_NOTE_LENGTH:
        problems.append(("note", _("The note is longer than %(limit)s characters.") % {"limit": MAX_NOTE_LENGTH}))
    return problems, (*figures, note)


def _check_figures(is_percentage, value, numerator, denominator, complete):
    problems = []
    given = value
    value = _stored("value", value, problems)
    numerator = _stored("numerator", numerator, problems)
    denominator = _stored("denominator", denominator, problems)
    if problems:
        return problems, (None, None, None)
    if not is_percentage:
        if numerator is not None or denominator is not None:
            problems.append(
                (
                    "numerator" if numerator is not None else "denominator",
                    _("This standard is not a percentage: leave the numerator and denominator empty."),
                )
            )
        elif complete and value is None:
            problems.append(("value", _("Enter a value.")))
        return problems, (value, None, None)
    if numerator is None and denominator is None:
        return _bare_percentage(value, complete, problems)
    if numerator is None or denominator is None:
        problems.append(
            (
                "numerator" if numerator is None else "denominator",
                _(
                    "Give both the number within the threshold (numerator) and the total (denominator), "
                    "or leave both empty and give the percentage alone as the value."
                ),
            )
        )
        return problems, (None, None, None)
    if denominator == 0:
        problems.append(("denominator", _("The total (denominator) is 0; it must be more than 0.")))
    elif numerator > denominator:
        problems.append(
            (
                "numerator",
                _("The number within the threshold (%(numerator)s) cannot be more than the total (%(denominator)s).")
                % {"numerator": plain(numerator), "denominator": plain(denominator)},
            )
        )
    if problems:
        return problems, (None, None, None)
    rate = numerator * HUNDRED / denominator
    places = VALUE_PLACES.max(Decimal(1).scaleb(min(given.as_tuple().exponent, 0))) if given is not None else None
    if places is not None and rate.quantize(places, ROUND_HALF_UP) != given.quantize(places, ROUND_HALF_UP):
        problems.append(
            (
                "value",
                _(
                    "The value %(value)s does not match the counts: numerator ÷ denominator × 100 = %(rate)s. "
                    "Correct one of them, or give only the value or only the counts."
                )
                % {"value": plain(given), "rate": plain(rate.quantize(Decimal("0.01"), ROUND_HALF_UP))},
            )
        )
        return problems, (None, None, None)
    return problems, (rate.quantize(VALUE_PLACES, ROUND_HALF_UP), numerator, denominator)


def _bare_percentage(value, complete, problems):
    """A percentage given alone, without its counts: 0 to 100, stored without numerator and denominator."""
    if value is None:
        if complete:
            problems.append(
                (
                    "value",
                    _(
                        "Enter the percentage as the value, or the number within the threshold (numerator) "
                        "and the total (denominator)."
                    ),
                )
            )
        return problems, (None, None, None)
    if value > HUNDRED:
        problems.append(
            ("value", _("%(value)s is more than 100; a percentage is between 0 and 100.") % {"value": plain(value)})
        )
        return problems, (None, None, None)
    return problems, (value, None, None)


def value_row(standard, row, *, complete=False):
    """``check_row`` for a row dict of value/numerator/denominator/note (the grid, the feeds, stored values)."""
    return check_row(
        standard.is_percentage,
        row.get("value"),
        row.get("numerator"),
        row.get("denominator"),
        row.get("note"),
        complete=complete,
    )


def value_snapshot(figures):
    """The audit shape of one stored value: (value, numerator, denominator, note, source) → dict of text."""
    if figures is None:
        return None
    value, numerator, denominator, note, source = figures
    return {
        "value": None if value is None else plain(value),
        "numerator": None if numerator is None else plain(numerator),
        "denominator": None if denominator is None else plain(denominator),
        "note": note,
        "source": str(source),
    }


def existing_values(metric_return):
    """standard_id → (value, numerator, denominator, note, source) of the values already in the return."""
    return {
        row[0]: row[1:]
        for row in MetricValue.objects.filter(metric_return=metric_return).values_list("standard_id", *VALUE_FIELDS)
    }


def values_write(*, metric_return, writes, existing, source):
    """Create, update or clear values of a return; returns the audit changes {code: {"before", "after"}}.

    writes: (standard_id, code, value, numerator, denominator, note) checked with ``check_row``;
    a write without figures and note clears the value. existing: ``existing_values`` of the return,
    which the caller has locked. New values go in with PostgreSQL's COPY where available (several
    times faster than INSERT); changed values are updated with one upsert per batch.
    """
    new, changed, cleared, changes = [], [], [], {}
    for standard_id, code, *stored in writes:
        old = existing.get(standard_id)
        if old is not None and old[:4] == tuple(stored):
            continue
        if all(figure is None for figure in stored[:3]) and not stored[3]:
            if old is not None:
                cleared.append(standard_id)
                changes[code] = {"before": value_snapshot(old), "after": None}
            continue
        (new if old is None else changed).append((standard_id, *stored))
        changes[code] = {"before": value_snapshot(old), "after": value_snapshot((*stored, source))}
    if cleared:
        MetricValue.objects.filter(metric_return=metric_return, standard_id__in=cleared).delete()
    if new and connection.vendor == "postgresql":
        _copy_new_values(metric_return, new, source)
    elif new:
        MetricValue.objects.bulk_create(_instances(metric_return, new, source), batch_size=WRITE_BATCH)
    if changed:
        MetricValue.objects.bulk_create(
            _instances(metric_return, changed, source),
            batch_size=WRITE_BATCH,
            update_conflicts=True,
            unique_fields=["metric_return", "standard"],
            update_fields=VALUE_FIELDS,
        )
    return changes


def _instances(metric_return, writes, source):
    return [
        MetricValue(
            metric_return_id=metric_return.pk,
            standard_id=standard_id,
            value=value,
            numerator=numerator,
            denominator=denominator,
            note=note,
            source=source,
        )
        for standard_id, value, numerator, denominator, note in writes
    ]


def _copy_new_values(metric_return, writes, source):
    meta = MetricValue._meta
    names = ["metric_return", "standard", *VALUE_FIELDS]
    columns = ", ".join(connection.ops.quote_name(meta.get_field(name).column) for name in names)
    statement = f"COPY {connection.ops.quote_name(meta.db_table)} ({columns}) FROM STDIN"  # noqa: S608 (model names)
    return_id, source = metric_return.pk, ValueSource(source).value
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for standard_id, value, numerator, denominator, note in writes:
            copy.write_row((return_id, standard_id, value, numerator, denominator, note, source))
