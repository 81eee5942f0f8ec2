"""Server-side SVG charts: valid XML, labelled for assistive technology, numbers escaped."""

import xml.etree.ElementTree as ET

from standards.charts import Bar, TrendPoint, bar_chart, trend_chart

SVG = "{http://www.w3.org/2000/svg}"


def _points(root):
    return [circle for circle in root.findall(f"{SVG}circle") if circle.get("class") == "point"]


def _parse(svg):
    return ET.fromstring(str(svg))


def _assert_labelled(root, chart_id, title, description):
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{chart_id}-title {chart_id}-desc"
    assert root.find(f"{SVG}title").get("id") == f"{chart_id}-title"
    assert root.find(f"{SVG}title").text == title
    assert root.find(f"{SVG}desc").get("id") == f"{chart_id}-desc"
    assert root.find(f"{SVG}desc").text == description


def test_trend_chart_draws_target_line_and_status_markers():
    points = [
        TrendPoint("2025-Q1", 85.0, 80.0, "green"),
        TrendPoint("2025-Q2", None, 80.0, "no_data"),
        TrendPoint("2025-Q3", 79.0, 90.0, "red"),
    ]
    root = _parse(trend_chart(points, chart_id="t1", title="S001 <calls>", description="Q1 85% & Q3 79%", percent=True))

    _assert_labelled(root, "t1", "S001 <calls>", "Q1 85% & Q3 79%")
    markers = _points(root)
    assert [m.get("fill") for m in markers] == ["#1b7f3b", "#b00020"]
    target = [p for p in root.findall(f"{SVG}path") if p.get("stroke-dasharray")]
    assert len(target) == 1 and target[0].get("d").count("L") == 5  # a step per period
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert {"2025-Q1", "2025-Q2", "2025-Q3", "Target"} <= set(labels)
    assert "100%" in labels  # percentage axis runs to 100


def test_trend_chart_without_points_is_still_valid():
    root = _parse(trend_chart([], chart_id="empty", title="Nothing", description="No results yet."))
    _assert_labelled(root, "empty", "Nothing", "No results yet.")
    assert _points(root) == []


def test_trend_chart_scales_durations_to_their_values():
    points = [TrendPoint("2025-01", 12.0, 10.0, "red"), TrendPoint("2025-02", 9.0, 10.0, "green")]
    root = _parse(trend_chart(points, chart_id="d", title="Letters", description="d"))
    circles = _points(root)
    assert float(circles[0].get("cy")) < float(circles[1].get("cy"))  # 12 is drawn above 9
    height = float(root.get("height"))
    assert all(0 <= float(c.get("cy")) <= height for c in circles)


def test_bar_chart_rows_and_lengths():
    bars = [Bar("Met", 3, "#1b7f3b", "3"), Bar("Missed", 0, "#b00020", "0"), Bar("Health & care", None, "#000", "—")]
    root = _parse(bar_chart(bars, chart_id="b", title="By status", description="Met: 3"))
    _assert_labelled(root, "b", "By status", "Met: 3")
    widths = [float(r.get("width")) for r in root.findall(f"{SVG}rect")]
    assert widths[0] > 0 and widths[1] == 0 and widths[2] == 0
    assert "Health & care" in [t.text for t in root.iter(f"{SVG}text")]
