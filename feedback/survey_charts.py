"""An accessible horizontal bar chart (inline SVG) of one question's answers; the page shows the data table too."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from standards.charts import FONT

ROW, LABEL, BAR = 22, 160, 300


def bar_chart(chart_id, title, rows):
    """SVG markup: one bar a row of (label, count), the count written after the bar."""
    largest = max([count for _label, count in rows] or [0]) or 1
    height = ROW * len(rows) + 8
    width = LABEL + BAR + 50
    description = "; ".join(f"{label}: {count}" for label, count in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT} font-size="12">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(_("Number of answers: ") + description)}</desc>',
    ]
    for index, (label, count) in enumerate(rows):
        y = 4 + index * ROW
        length = round(BAR * count / largest)
        text = str(label)
        text = text if len(text) <= 24 else text[:23] + "…"
        parts.append(f'<text x="{LABEL - 6}" y="{y + 14}" text-anchor="end" fill="#1a1a1a">{escape(text)}</text>')
        parts.append(f'<rect x="{LABEL}" y="{y + 2}" width="{length}" height="{ROW - 6}" fill="#1d5b8f"></rect>')
        parts.append(f'<text x="{LABEL + length + 4}" y="{y + 14}" fill="#1a1a1a">{count}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text in it is escaped above
