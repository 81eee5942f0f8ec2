"""The annual report PDF: compact charts, lean markup, and WeasyPrint's lean user-agent stylesheet."""

import xml.etree.ElementTree as ET
from decimal import Decimal

from weasyprint import HTML
from weasyprint.images import SVGImage

from common.pdf import LeanHTML, html_document, html_to_pdf, lean_user_agent_stylesheet
from standards.charts import TrendPoint, trend_chart, trend_legend
from standards.reports.context import annual_report_context
from standards.reports.pdf import annual_report_pdf_html

from .factories import ServiceStandardFactory, StandardTargetFactory, current_value, quarter_period

SVG = "{http://www.w3.org/2000/svg}"


def _monthly_points(count):
    return [TrendPoint(f"2025-{m:02d}", 70.0 + m, 80.0, "green" if m > 9 else "red") for m in range(1, count + 1)]


def test_compact_trend_chart_keeps_lines_markers_and_labels_with_few_nodes():
    points = _monthly_points(12) + [TrendPoint("2026-01", None, 80.0, "no_data")]
    root = ET.fromstring(
        str(trend_chart(points, chart_id="c", title="T <1>", description="D & d", percent=True, compact=True))
    )

    assert root.get("role") == "img" and root.get("aria-labelledby") == "c-title c-desc"
    assert root.find(f"{SVG}title").text == "T <1>" and root.find(f"{SVG}desc").text == "D & d"
    markers = [p for p in root.findall(f"{SVG}path") if p.get("class") == "points"]
    assert {m.get("fill") for m in markers} == {"#1b7f3b", "#b00020"}  # one path per status colour
    assert sum(m.get("d").count("M") for m in markers) == 12  # a marker per result, none without one
    assert len(root.findall(f"{SVG}polyline")) == 1
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert labels[:3] == ["0%", "50%", "100%"]
    assert labels[3:] == ["2025-01", "2025-05", "2025-09", "2026-01"]  # at most four period labels
    assert len(list(root.iter())) < 20


def test_trend_legend_is_decorative():
    root = ET.fromstring(str(trend_legend()))
    assert root.get("aria-hidden") == "true"
    assert "Target" in [t.text for t in root.iter(f"{SVG}text")]


def test_pdf_html_has_a_compact_chart_and_a_table_per_standard(cast):
    for code in ("A1", "B2"):
        standard = ServiceStandardFactory(organisation=cast.org_a, code=code, title=f"Standard {code}")
        StandardTargetFactory(standard=standard, target=Decimal("80"))
        for quarter in (1, 2):
            current_value(standard, quarter_period(2025, quarter), numerator=70 + quarter * 10, denominator=100)
    context = annual_report_context(cast.org_a, 2025)
    html = annual_report_pdf_html(context)

    assert html.count('class="points"') >= 2 and html.count("<figure>") == 3  # summary + one per standard
    assert "visually-hidden" not in html and 'class="point"' not in html  # no full charts, no hidden text
    document = html_document(html).render()
    svgs = [
        box.replacement
        for page in document.pages
        for box in page._page_box.descendants()
        if isinstance(getattr(box, "replacement", None), SVGImage)
    ]
    assert len(svgs) == 4  # legend, summary, two trends
    assert 'class="point"' in context["trends"][0]["svg"]  # the HTML page keeps its full chart


def test_lean_stylesheet_drops_universal_pseudo_element_rules_but_keeps_list_markers():
    assert hasattr(HTML, "_ua_stylesheets")  # the WeasyPrint hook LeanHTML overrides
    assert LeanHTML(string="<p>x</p>")._ua_stylesheets() == [lean_user_agent_stylesheet()]
    document = html_document("<ul><li>First</li><li>Second</li></ul>").render()
    tags = [box.element_tag for box in document.pages[0]._page_box.descendants()]
    assert tags.count("li::marker") == 2
    assert html_to_pdf("<ol><li>One</li></ol>").startswith(b"%PDF")
