"""Turning analytics frames into rows and charts for pages, PDFs and spreadsheets."""

import math
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext

from ..charts import STATUS_COLOURS, Bar, TrendPoint, bar_chart, trend_chart
from ..models import Measure, ThresholdUnit
from ..services.values import VALUE_PLACES, plain
from .attainment import STATUS_ORDER
from .status import Status, rule_text

DURATIONS = {Measure.MEAN_DURATION, Measure.MEDIAN_DURATION}
SATISFACTION_SCALE = 5
WHOLE = Decimal(1)
ONE_PLACE = Decimal("0.1")


def number(value):
    """A float from the frames, or None for NaN/missing."""
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def unit_label(measure, threshold_unit):
    if measure in DURATIONS and threshold_unit:
        return str(ThresholdUnit(threshold_unit).label)
    return ""


def format_value(value, measure, threshold_unit=""):
    """A value the way its standard measures it: 95.4%, 16.5 working days, 4.1 of 5, 1,200; "" for no value."""
    return shown_and_exact(value, measure, threshold_unit)[0]


def shown_and_exact(value, measure, threshold_unit=""):
    """(the value as its standard measures it, the value with every stored decimal or "" if that is the same).

    95.4301 as a percentage gives ("95.4%", "95.4301%"); 85 gives ("85.0%", "").
    """
    exact = _decimal(value)
    if exact is None:
        return "", ""
    if measure == Measure.COUNT:
        rounded = exact.quantize(WHOLE, ROUND_HALF_UP)
        shown = number_format(rounded, force_grouping=True)
    else:
        rounded = exact.quantize(ONE_PLACE, ROUND_HALF_UP)
        shown = _with_unit(number_format(rounded, decimal_pos=1, force_grouping=True), measure, threshold_unit)
    exact = exact.quantize(VALUE_PLACES, ROUND_HALF_UP)
    if exact == rounded:
        return shown, ""
    text = number_format(Decimal(plain(exact)), force_grouping=True)
    return shown, text if measure == Measure.COUNT else _with_unit(text, measure, threshold_unit)


def _decimal(value):
    """A Decimal, or None for no value (also a template's empty string for a missing value)."""
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, Decimal):
        return value
    value = number(value)
    return None if value is None else Decimal(repr(value))


def _with_unit(text, measure, threshold_unit):
    if measure == Measure.PERCENT_WITHIN:
        return f"{text}%"
    if measure == Measure.SATISFACTION:
        return gettext("%(score)s of %(scale)s") % {"score": text, "scale": SATISFACTION_SCALE}
    return f"{text} {unit_label(measure, threshold_unit)}".strip()


def status_label(status):
    return str(Status(status).label)


def describe(row, *, result, target):
    """Template-ready fields of one standard's result: formatted numbers, status, label and rule."""
    measure, unit = row["measure"], row["threshold_unit"]
    target_value = number(target)
    tolerance = number(row.get("tolerance"))
    higher = bool(row.get("higher_is_better", True))
    return {
        "standard_id": int(row["standard_id"]),
        "code": row["code"],
        "title": row["title"],
        "measure": measure,
        "measure_label": str(Measure(measure).label),
        "threshold_unit": unit,
        "unit": "%" if measure == Measure.PERCENT_WITHIN else unit_label(measure, unit),
        "result": number(result),
        "result_text": format_value(result, measure, unit),
        "target": target_value,
        "target_text": format_value(target, measure, unit),
        "direction": gettext("higher is better") if higher else gettext("lower is better"),
        "status": row["status"],
        "status_label": status_label(row["status"]),
        "rule": rule_text(
            measure,
            None if target_value is None else round(target_value, 2),
            higher_is_better=higher,
            tolerance=None if tolerance is None else round(tolerance, 2),
            unit=unit_label(measure, unit),
        ),
    }


def rag_rows(counts):
    return [
        {"status": status, "label": status_label(status), "count": counts[status], "colour": STATUS_COLOURS[status]}
        for status in STATUS_ORDER
    ]


def rag_chart(counts, *, chart_id, title):
    rows = rag_rows(counts)
    description = ", ".join(f"{row['label']}: {row['count']}" for row in rows)
    bars = [Bar(row["label"], row["count"], row["colour"], str(row["count"])) for row in rows]
    return bar_chart(bars, chart_id=chart_id, title=title, description=description, label_width=120)


def trend_block(standard, periods, *, chart_id):
    """Chart and table of one standard's results over its periods (rows of the results frame).

    "chart" keeps the chart's arguments, so the PDF can draw the same chart with trend_chart(compact=True).
    """
    measure, unit = standard["measure"], standard["threshold_unit"]
    rows, points = [], []
    for period in periods.itertuples(index=False):
        points.append(TrendPoint(period.label, number(period.result), number(period.target), period.status))
        rows.append(
            {
                "label": period.label,
                "measure": measure,
                "threshold_unit": unit,
                "result": number(period.result),
                "target": number(period.target),
                "result_text": format_value(period.result, measure, unit),
                "target_text": format_value(period.target, measure, unit),
                "status": period.status,
                "status_label": status_label(period.status),
            }
        )
    title = gettext("%(code)s %(title)s: result against target") % {
        "code": standard["code"],
        "title": standard["title"],
    }
    if rows:
        description = gettext("Results from %(first)s to %(last)s: %(values)s.") % {
            "first": rows[0]["label"],
            "last": rows[-1]["label"],
            "values": "; ".join(f"{row['label']} {row['result_text'] or '—'} ({row['status_label']})" for row in rows),
        }
    else:
        description = gettext("No results yet.")
    chart = {
        "points": points,
        "chart_id": chart_id,
        "title": title,
        "description": description,
        "suffix": "%" if measure == Measure.PERCENT_WITHIN else "",
        "percent": measure == Measure.PERCENT_WITHIN,
    }
    return {
        "svg": trend_chart(**chart),
        "chart": chart,
        "rows": rows,
        "title": title,
        "unit": unit_label(measure, unit),
    }
