"""Server-side SVG charts: they work in the browser without scripts and in PDFs.

Each chart is an <svg role="img"> labelled by its own <title> and <desc>; the page
always shows the table of the same numbers beside it.
"""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

STATUS_COLOURS = {"green": "#1b7f3b", "amber": "#b36200", "red": "#b00020", "no_data": "#6b6b6b"}
TEXT = "#222222"
GRID = "#d0d0d0"
TARGET = "#1f4e9a"
ACTUAL = "#333333"
FONT = 'font-family="Roboto, Helvetica, Arial, sans-serif"'


@dataclass
class TrendPoint:
    label: str
    actual: float | None
    target: float | None
    status: str = "no_data"


@dataclass
class Bar:
    label: str
    value: float | None
    colour: str
    text: str


def _number(value):
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _fmt(value):
    return f"{value:.1f}".rstrip("0").rstrip(".") if _number(value) else ""


def _open(chart_id, width, height, title, description):
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT} font-size="12">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]


def _nice_top(largest):
    if largest <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(largest))
    for step in (1, 2, 2.5, 5, 10):
        if largest <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _scale(points, percent, width, height, margins):
    """x(index) and y(value) for the plot area, with the bottom and top values of the axis."""
    left, right, top, bottom = margins
    plot_w, plot_h = width - left - right, height - top - bottom
    numbers = [v for p in points for v in (p.actual, p.target) if _number(v)]
    top_value = 100.0 if percent else _nice_top(max(numbers, default=1.0) * 1.1)
    bottom_value = min(0.0, min(numbers, default=0.0))
    span = top_value - bottom_value or 1.0

    def x(index):
        return left + (plot_w * (index + 0.5) / max(len(points), 1))

    def y(value):
        return top + plot_h * (1 - (value - bottom_value) / span)

    return x, y, bottom_value, span


def _target_path(points, x, y, step, digits=1):
    """The target as steps: level across each period, joined where the target changes."""
    path = []
    for index, point in enumerate(points):
        if _number(point.target):
            command = "M" if not path or not _number(points[index - 1].target) else "L"
            path.append(f"{command}{x(index) - step / 2:.{digits}f},{y(point.target):.{digits}f}")
            path.append(f"L{x(index) + step / 2:.{digits}f},{y(point.target):.{digits}f}")
    return " ".join(path)


def trend_chart(
    points, *, chart_id, title, description, suffix="", percent=False, width=640, height=260, compact=False
):
    """Actual results (line with status-coloured markers) against the target line, period by period.

    compact=True (for PDFs) draws the same lines and markers with far fewer nodes and letters (WeasyPrint
    lays SVG text out letter by letter): three axis labels, at most four period labels (the table beside
    the chart lists every period), one path per marker colour, and no legend (show trend_legend() once).
    """
    if compact:
        return _compact_trend_chart(points, chart_id, title, description, suffix, percent, width, height)
    left, right, bottom = 56, 16, 48
    suffix = suffix or ("%" if percent else "")
    x, y, bottom_value, span = _scale(points, percent, width, height, (left, right, 16, bottom))
    parts = _open(chart_id, width, height, title, description)
    for tick in range(5):
        value = bottom_value + span * tick / 4
        parts.append(
            f'<line x1="{left}" y1="{y(value):.1f}" x2="{width - right}" y2="{y(value):.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="{TEXT}">'
            f"{escape(_fmt(value) + suffix)}</text>"
        )
    for index, point in enumerate(points):
        parts.append(
            f'<text x="{x(index):.1f}" y="{height - bottom + 16}" text-anchor="middle" fill="{TEXT}">'
            f"{escape(point.label)}</text>"
        )
    target_path = _target_path(points, x, y, (width - left - right) / max(len(points), 1))
    if target_path:
        parts.append(f'<path d="{target_path}" fill="none" stroke="{TARGET}" stroke-width="2" stroke-dasharray="6 4"/>')
    actual = [(x(i), y(p.actual)) for i, p in enumerate(points) if _number(p.actual)]
    if len(actual) > 1:
        coordinates = " ".join(f"{px:.1f},{py:.1f}" for px, py in actual)
        parts.append(f'<polyline points="{coordinates}" fill="none" stroke="{ACTUAL}" stroke-width="2"/>')
    for index, point in enumerate(points):
        if _number(point.actual):
            colour = STATUS_COLOURS.get(point.status, STATUS_COLOURS["no_data"])
            parts.append(
                f'<circle class="point" cx="{x(index):.1f}" cy="{y(point.actual):.1f}" r="5" fill="{colour}" '
                f'stroke="#ffffff" stroke-width="1.5"/>'
            )
    parts.append(_legend(left, height - 6))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text node above is escaped


def _legend(left, baseline):
    return (
        f'<line x1="{left}" y1="{baseline - 4}" x2="{left + 24}" y2="{baseline - 4}" stroke="{TARGET}" '
        f'stroke-width="2" stroke-dasharray="6 4"/>'
        f'<text x="{left + 30}" y="{baseline}" fill="{TEXT}">{escape(gettext("Target"))}</text>'
        f'<line x1="{left + 120}" y1="{baseline - 4}" x2="{left + 144}" y2="{baseline - 4}" stroke="{ACTUAL}" '
        f'stroke-width="2"/><circle cx="{left + 132}" cy="{baseline - 4}" r="4" fill="{ACTUAL}"/>'
        f'<text x="{left + 150}" y="{baseline}" fill="{TEXT}">'
        f"{escape(gettext('Result (marker colour shows the status)'))}</text>"
    )


def trend_legend(width=640, height=20):
    """The legend of compact trend charts, drawn once above them; decorative (each chart has its own desc)."""
    return mark_safe(  # noqa: S308 - the legend's text is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-legend" aria-hidden="true" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" {FONT} font-size="12">{_legend(0, height - 6)}</svg>'
    )


def _compact_trend_chart(points, chart_id, title, description, suffix, percent, width, height):
    left, right, bottom = 48, 8, 24
    suffix = suffix or ("%" if percent else "")
    x, y, bottom_value, span = _scale(points, percent, width, height, (left, right, 10, bottom))
    ticks = [bottom_value + span * tick / 2 for tick in range(3)]
    grid = " ".join(f"M{left},{y(value):.0f}H{width - right}" for value in ticks)
    parts = _open(chart_id, width, height, title, description)
    parts.append(f'<path d="{grid}" stroke="{GRID}"/><g fill="{TEXT}" text-anchor="end">')
    parts.extend(
        f'<text x="{left - 6}" y="{y(value) + 4:.0f}">{escape(_fmt(value) + suffix)}</text>' for value in ticks
    )
    every = math.ceil(len(points) / 4) or 1
    parts.append(f'</g><g fill="{TEXT}" text-anchor="middle">')
    parts.extend(
        f'<text x="{x(index):.0f}" y="{height - 8}">{escape(point.label)}</text>'
        for index, point in enumerate(points)
        if index % every == 0
    )
    parts.append("</g>")
    target_path = _target_path(points, x, y, (width - left - right) / max(len(points), 1), digits=0)
    if target_path:
        parts.append(f'<path d="{target_path}" fill="none" stroke="{TARGET}" stroke-width="2" stroke-dasharray="6 4"/>')
    actual = [(x(i), y(p.actual)) for i, p in enumerate(points) if _number(p.actual)]
    if len(actual) > 1:
        coordinates = " ".join(f"{px:.0f},{py:.0f}" for px, py in actual)
        parts.append(f'<polyline points="{coordinates}" fill="none" stroke="{ACTUAL}" stroke-width="2"/>')
    markers = {}
    for index, point in enumerate(points):
        if _number(point.actual):
            colour = STATUS_COLOURS.get(point.status, STATUS_COLOURS["no_data"])
            markers.setdefault(colour, []).append(
                f"M{x(index) - 5:.0f},{y(point.actual):.0f}a5,5 0 1,0 10,0a5,5 0 1,0 -10,0"
            )
    parts.extend(
        f'<path class="points" d="{"".join(circles)}" fill="{colour}" stroke="#ffffff" stroke-width="1.5"/>'
        for colour, circles in markers.items()
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text node above is escaped


def bar_chart(bars, *, chart_id, title, description, maximum=None, width=640, row_height=28, label_width=200):
    """Horizontal bars, one per row, with the value written at the end of each bar."""
    height = row_height * len(bars) + 16
    plot_w = width - label_width - 70
    top_value = maximum or _nice_top(max((b.value for b in bars if _number(b.value)), default=1.0))
    parts = _open(chart_id, width, height, title, description)
    for index, bar in enumerate(bars):
        y = 8 + index * row_height
        length = plot_w * (bar.value / top_value) if _number(bar.value) and top_value else 0
        parts.append(
            f'<text x="{label_width - 8}" y="{y + row_height / 2 + 1:.1f}" text-anchor="end" fill="{TEXT}">'
            f"{escape(bar.label)}</text>"
            f'<rect x="{label_width}" y="{y + 4}" width="{max(length, 0):.1f}" height="{row_height - 10}" '
            f'fill="{bar.colour}"/>'
            f'<text x="{label_width + max(length, 0) + 6:.1f}" y="{y + row_height / 2 + 1:.1f}" fill="{TEXT}">'
            f"{escape(bar.text)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text node above is escaped
