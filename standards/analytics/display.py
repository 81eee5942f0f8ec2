"""Turning analytics frames into rows and charts for pages, PDFs and spreadsheets."""

import math

from django.utils.formats import number_format
from django.utils.translation import gettext

from ..charts import STATUS_COLOURS, Bar, TrendPoint, bar_chart, trend_chart
from ..models import Measure, ThresholdUnit
from .attainment import STATUS_ORDER
from .status import Status, rule_text

DURATIONS = {Measure.MEAN_DURATION, Measure.MEDIAN_DURATION}


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
    """85.3%, 9.5 working days, 4.2, 1,200 — or an empty string for no value."""
    value = number(value)
    if value is None:
        return ""
    if measure == Measure.PERCENT_WITHIN:
        return f"{number_format(round(value, 1), decimal_pos=1)}%"
    if measure == Measure.COUNT:
        return number_format(round(value), use_l10n=True, force_grouping=True)
    unit = unit_label(measure, threshold_unit)
    text = number_format(round(value, 2), decimal_pos=1 if round(value, 1) == round(value, 2) else 2)
    return f"{text} {unit}".strip()


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
