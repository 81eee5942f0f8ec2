"""The completion-rate trend as an accessible SVG line chart (the page shows the table of its numbers too).

Drawn the way `standards/charts.py` draws its charts: <svg role="img"> labelled by its own <title> and <desc>.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from standards.charts import ACTUAL, GRID, TEXT, TrendPoint, _fmt, _number, _open, _scale

LINE = "#005a4e"


def rate_chart(points, *, chart_id, title, description, width=640, height=240):
    """Rates in percent (None for no one assigned), one point per (label, rate), on a 0-100% axis."""
    trend = [TrendPoint(label, rate, None) for label, rate in points]
    left, right, bottom = 48, 16, 32
    x, y, bottom_value, span = _scale(trend, True, width, height, (left, right, 16, bottom))
    parts = _open(chart_id, width, height, title, description)
    for tick in range(5):
        value = bottom_value + span * tick / 4
        parts.append(
            f'<line x1="{left}" y1="{y(value):.1f}" x2="{width - right}" y2="{y(value):.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="{TEXT}">{_fmt(value)}%</text>'
        )
    for index, point in enumerate(trend):
        parts.append(
            f'<text x="{x(index):.1f}" y="{height - bottom + 18}" text-anchor="middle" fill="{TEXT}" '
            f'font-size="10">{escape(point.label)}</text>'
        )
    drawn = [(x(i), y(p.actual)) for i, p in enumerate(trend) if _number(p.actual)]
    if len(drawn) > 1:
        coordinates = " ".join(f"{px:.1f},{py:.1f}" for px, py in drawn)
        parts.append(f'<polyline points="{coordinates}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    parts.extend(
        f'<circle class="point" cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{ACTUAL}" stroke="#ffffff" stroke-width="1.5"/>'
        for px, py in drawn
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text node above is escaped
