"""Rows of an uploaded file checked against a metric return: clean values, every bad row, the changes.

``validate_rows`` reads every row once, looking standards up in a dictionary loaded with one
query (a lookup per row would be ~30x slower), and collects every problem with its line.
``plan_changes`` compares the clean rows with the values already in the return: new,
changed or unchanged. Nothing here writes to the database.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from ..models import Measure, MetricValue, ServiceStandard
from . import max_rows
from .cells import CellError, parse_number

VALUE_PLACES = Decimal("0.0001")
COUNT_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)
VALUE_LIMIT = Decimal(10) ** 10
COUNT_LIMIT = Decimal(10) ** 12
MAX_NOTE_LENGTH = 2000
PROGRESS_EVERY = 5000

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"


def _standards_by_code(metric_return):
    """code → (id, is a percentage, is part of the return), for every standard of the organisation, in two queries."""
    standards = ServiceStandard.objects.filter(organisation_id=metric_return.organisation_id)
    active = set(standards.active_in(metric_return.period).values_list("pk", flat=True))
    return {
        code: (pk, measure == Measure.PERCENT_WITHIN, pk in active)
        for code, pk, measure in standards.values_list("code", "id", "measure")
    }


@dataclass
class Validation:
    """Clean rows as (line, standard_id, code, value, numerator, denominator, note) and [line, column, message]s."""

    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    total: int = 0


def _code_text(raw):
    if raw is None:
        return ""
    if type(raw) is float and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def _is_blank(cells):
    return all(cell is None or cell == "" for cell in cells)


def validate_rows(table, metric_return, *, progress=None):
    """Check every row of the table against the return's standards. Reads the file once."""
    standards = _standards_by_code(metric_return)
    columns = table.columns
    code_at, value_at = columns["standard_code"], columns["value"]
    numerator_at, denominator_at, note_at = (columns.get(name, 10**6) for name in ("numerator", "denominator", "note"))
    numeric = ((0, "value", value_at), (1, "numerator", numerator_at), (2, "denominator", denominator_at))
    result = Validation()
    errors, clean = result.errors, result.rows
    first_line = {}
    limit = max_rows()
    for line, cells in table.rows:
        if not any(cells) and _is_blank(cells):
            continue
        result.total += 1
        if result.total > limit:
            errors.append([line, "", _("The file has more than %(limit)s rows.") % {"limit": f"{limit:,}"}])
            break
        if progress is not None and result.total % PROGRESS_EVERY == 0:
            progress(result.total)
        width = len(cells)
        raw_code = cells[code_at] if code_at < width else None
        code = raw_code.strip() if type(raw_code) is str else _code_text(raw_code)
        row_errors = len(errors)
        standard = None
        if not code:
            errors.append([line, "standard_code", _("The standard code is blank.")])
        elif code in first_line:
            errors.append(
                [
                    line,
                    "standard_code",
                    _('The code "%(code)s" appears more than once in the file (first on line %(line)s).')
                    % {"code": code, "line": first_line[code]},
                ]
            )
        else:
            first_line[code] = line
            standard = standards.get(code)
            if standard is None:
                errors.append([line, "standard_code", _unknown_code_message(code, standards)])
            elif not standard[2]:
                errors.append(
                    [
                        line,
                        "standard_code",
                        _(
                            'The standard "%(code)s" is not part of this return: it is not reported in this period '
                            "or at this frequency."
                        )
                        % {"code": code},
                    ]
                )
        numbers = [None, None, None]
        for position, name, index in numeric:
            raw = cells[index] if index < width else None
            if raw is None or raw == "":
                continue
            try:
                number = parse_number(raw)
            except CellError as error:
                errors.append([line, name, str(error)])
                continue
            if number is not None and number < 0:
                errors.append(
                    [line, name, _("%(number)s is negative; values cannot be negative.") % {"number": number}]
                )
            numbers[position] = number
        value, numerator, denominator = numbers
        raw_note = cells[note_at] if note_at < width else None
        note = "" if raw_note is None else str(raw_note).strip()
        if len(note) > MAX_NOTE_LENGTH:
            errors.append(
                [line, "note", _("The note is longer than %(limit)s characters.") % {"limit": MAX_NOTE_LENGTH}]
            )
        if standard is None or len(errors) > row_errors:
            continue
        if standard[1]:
            value = _percentage(line, value, numerator, denominator, errors)
        else:
            _other_measure(line, value, numerator, denominator, errors)
        if len(errors) > row_errors:
            continue
        if value >= VALUE_LIMIT:
            errors.append([line, "value", _("%(number)s is too large.") % {"number": value}])
            continue
        clean.append(
            (
                line,
                standard[0],
                code,
                value.quantize(VALUE_PLACES, ROUND_HALF_UP),
                None if numerator is None else numerator.quantize(COUNT_PLACES, ROUND_HALF_UP),
                None if denominator is None else denominator.quantize(COUNT_PLACES, ROUND_HALF_UP),
                note,
            )
        )
    return result


def _unknown_code_message(code, standards):
    message = _('No standard with the code "%(code)s" in this organisation.') % {"code": code}
    close = [known for known in standards if known.lower() == code.lower()]
    if close:
        message += " " + _('Did you mean "%(code)s"?') % {"code": close[0]}
    return message


def _percentage(line, value, numerator, denominator, errors):
    """The rate in percent from numerator and denominator; a given value must agree with it."""
    if numerator is None or denominator is None:
        errors.append(
            [
                line,
                "numerator" if numerator is None else "denominator",
                _("This standard is a percentage: give both the numerator and the denominator."),
            ]
        )
        return None
    if denominator == 0:
        errors.append([line, "denominator", _("The denominator is 0; it must be more than 0.")])
        return None
    if numerator > denominator:
        errors.append(
            [
                line,
                "numerator",
                _("The numerator (%(numerator)s) is larger than the denominator (%(denominator)s).")
                % {"numerator": numerator, "denominator": denominator},
            ]
        )
        return None
    if denominator >= COUNT_LIMIT:
        errors.append([line, "denominator", _("%(number)s is too large.") % {"number": denominator}])
        return None
    rate = numerator * HUNDRED / denominator
    if value is not None:
        exponent = min(value.as_tuple().exponent, 0)
        if rate.quantize(Decimal(1).scaleb(exponent), ROUND_HALF_UP) != value:
            errors.append(
                [
                    line,
                    "value",
                    _(
                        "The value %(value)s does not match numerator ÷ denominator × 100 = %(rate)s. "
                        "Correct it or leave the value empty."
                    )
                    % {"value": value, "rate": _plain(rate.quantize(Decimal("0.01"), ROUND_HALF_UP))},
                ]
            )
            return None
    return rate


def _other_measure(line, value, numerator, denominator, errors):
    if value is None:
        errors.append([line, "value", _("The value is blank.")])
    if numerator is not None or denominator is not None:
        errors.append(
            [
                line,
                "numerator" if numerator is not None else "denominator",
                _("This standard is not a percentage: leave the numerator and denominator empty."),
            ]
        )


def _plain(number):
    if number is None:
        return ""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass
class Plan:
    """What an import would do. ``writes`` are (standard_id, value, numerator, denominator, note)."""

    writes: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    preview_rows: list = field(default_factory=list)
    digest: str = ""


def existing_values(metric_return):
    return {
        standard_id: (value, numerator, denominator, note)
        for standard_id, value, numerator, denominator, note in MetricValue.objects.filter(
            metric_return=metric_return
        ).values_list("standard_id", "value", "numerator", "denominator", "note")
    }


def plan_changes(clean_rows, existing, *, with_preview=False):
    """Compare clean rows with the values in the return. Unchanged rows are not written again."""
    plan = Plan(counts={NEW: 0, CHANGED: 0, UNCHANGED: 0})
    counts, writes, preview = plan.counts, plan.writes, plan.preview_rows
    digest = hashlib.sha256()
    for line, standard_id, code, value, numerator, denominator, note in clean_rows:
        new = (value, numerator, denominator, note)
        old = existing.get(standard_id)
        if old is None:
            kind = NEW
        elif old == new:
            kind = UNCHANGED
        else:
            kind = CHANGED
        counts[kind] += 1
        if kind != UNCHANGED:
            writes.append((standard_id, *new))
        if old is not None:
            digest.update(f"{standard_id}|{old}\n".encode())
        if with_preview:
            preview.append([line, code, kind, _shown(old) if kind == CHANGED else None, _shown(new)])
    digest.update(repr(sorted(counts.items())).encode())
    plan.digest = digest.hexdigest()
    return plan


def _shown(values):
    value, numerator, denominator, note = values
    return [_plain(value), _plain(numerator), _plain(denominator), note]
