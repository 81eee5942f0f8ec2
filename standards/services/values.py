"""Rules for one metric value, shared by the form grid, the feeds and the services."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from ..models import MetricValue

HUNDRED = Decimal("100")
VALUE_PLACES = Decimal("0.0001")


def percentage(numerator, denominator):
    """numerator ÷ denominator × 100, to the four places a value keeps."""
    return (numerator / denominator * HUNDRED).quantize(VALUE_PLACES, rounding=ROUND_HALF_UP)


def value_problems(standard, *, value=None, numerator=None, denominator=None, complete=False):
    """Every rule one row breaks, as (field, message) pairs. `complete`: a submitted return needs every figure."""
    problems = []
    if standard.is_percentage:
        if complete and numerator is None:
            problems.append(("numerator", _("Enter how many were within the threshold.")))
        if complete and denominator is None:
            problems.append(("denominator", _("Enter the total number.")))
        if numerator is not None and numerator < 0:
            problems.append(("numerator", _("The number within the threshold cannot be negative.")))
        if denominator is not None and denominator <= 0:
            problems.append(("denominator", _("The total must be more than 0.")))
        if numerator is not None and denominator is not None and 0 < denominator < numerator:
            problems.append(("numerator", _("The number within the threshold cannot be more than the total.")))
        if (numerator is None) != (denominator is None) and not complete:
            missing = "denominator" if denominator is None else "numerator"
            problems.append((missing, _("Enter both numbers, or neither.")))
    else:
        if complete and value is None:
            problems.append(("value", _("Enter a value.")))
        if value is not None and value < 0:
            problems.append(("value", _("The value cannot be negative.")))
    return problems


def row_is_blank(row):
    return all(row.get(name) in (None, "") for name in ("value", "numerator", "denominator", "note"))


def value_fields(standard, row, source):
    """The stored fields for one row; a percentage's value is computed from its numerator and denominator."""
    numerator, denominator = row.get("numerator"), row.get("denominator")
    if standard.is_percentage:
        value = percentage(numerator, denominator) if numerator is not None and denominator else None
    else:
        value, numerator, denominator = row.get("value"), None, None
    return {
        "value": value,
        "numerator": numerator,
        "denominator": denominator,
        "note": (row.get("note") or "").strip(),
        "source": source,
    }


def value_snapshot(value):
    if value is None:
        return None
    return {
        "value": None if value.value is None else str(value.value),
        "numerator": None if value.numerator is None else str(value.numerator),
        "denominator": None if value.denominator is None else str(value.denominator),
        "note": value.note,
        "source": value.source,
    }


def values_write(metric_return, rows, source):
    """Create, update or clear the values of a return. rows: standard → row dict. Returns the audit changes.

    The caller has locked the return and checked every row with `value_problems`.
    """
    existing = {value.standard_id: value for value in MetricValue.objects.filter(metric_return=metric_return)}
    changes = {}
    for standard, row in rows.items():
        current = existing.get(standard.pk)
        before = value_snapshot(current)
        if row_is_blank(row):
            if current is not None:
                current.delete()
                changes[standard.code] = {"before": before, "after": None}
            continue
        fields = value_fields(standard, row, source)
        if current is None:
            current = MetricValue.objects.create(metric_return=metric_return, standard=standard, **fields)
        else:
            unchanged = all(getattr(current, name) == fields[name] for name in fields if name != "source")
            if unchanged:
                continue
            for name, field_value in fields.items():
                setattr(current, name, field_value)
            current.save()
        changes[standard.code] = {"before": before, "after": value_snapshot(current)}
    return changes
