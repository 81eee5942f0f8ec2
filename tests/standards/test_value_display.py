"""Values shown the way their standard measures them, with the exact stored value on hover and in exports."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.template import Context, Template
from django.urls import reverse
from openpyxl import load_workbook

from standards.analytics.display import shown_and_exact
from standards.models import Measure, MetricValue, ThresholdUnit
from standards.periods import period_for_label
from standards.reports.xlsx import annual_report_xlsx
from standards.services.returns import return_create, return_save_values

from .factories import standard_with_target


@pytest.mark.parametrize(
    ("value", "measure", "unit", "shown", "exact"),
    [
        (Decimal("95.4301"), Measure.PERCENT_WITHIN, "", "95.4%", "95.4301%"),
        (Decimal("85.0000"), Measure.PERCENT_WITHIN, "", "85.0%", ""),
        (Decimal("16.5"), Measure.MEAN_DURATION, ThresholdUnit.WORKING_DAYS, "16.5 working days", ""),
        (9.75, Measure.MEDIAN_DURATION, ThresholdUnit.DAYS, "9.8 days", "9.75 days"),
        (Decimal("4.1234"), Measure.SATISFACTION, "", "4.1 of 5", "4.1234 of 5"),
        (Decimal("1200.0000"), Measure.COUNT, "", "1,200", ""),
        (Decimal("1200.5"), Measure.COUNT, "", "1,201", "1,200.5"),
        (Decimal("0.05"), Measure.PERCENT_WITHIN, "", "0.1%", "0.05%"),
        (None, Measure.COUNT, "", "", ""),
        (float("nan"), Measure.PERCENT_WITHIN, "", "", ""),
    ],
)
def test_shown_as_the_standard_measures_it(value, measure, unit, shown, exact):
    assert shown_and_exact(value, measure, unit) == (shown, exact)


def test_measured_tag_puts_the_exact_value_in_a_title():
    template = Template("{% load standard_values %}{% measured value measure %}|{% measured none measure %}")
    html = template.render(Context({"value": Decimal("95.4301"), "measure": Measure.PERCENT_WITHIN, "none": None}))
    assert html == '<abbr class="exact-value" title="95.4301%">95.4%</abbr>|—'


def test_return_page_shows_rounded_values_with_the_exact_value_on_hover(cast, client_for):
    calls = standard_with_target(cast.org_a, code="CALLS")
    score = standard_with_target(
        cast.org_a, code="SCORE", measure=Measure.SATISFACTION, threshold=None, threshold_unit="", target="4"
    )
    metric_return = return_create(actor=cast.rep_a, organisation=cast.org_a, period=period_for_label("2026-Q1"))
    values = {calls: {"numerator": Decimal("2"), "denominator": Decimal("3")}, score: {"value": Decimal("4.125")}}
    return_save_values(actor=cast.rep_a, metric_return=metric_return, values=values)
    assert MetricValue.objects.get(standard=calls).value == Decimal("66.6667")
    page = client_for("rep_a").get(
        reverse(
            "workspace:standards:return_detail",
            kwargs={"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk},
        )
    )
    html = page.content.decode()
    assert '<abbr class="exact-value" title="66.6667%">66.7%</abbr>' in html
    assert '<abbr class="exact-value" title="4.125 of 5">4.1 of 5</abbr>' in html
    assert "2 / 3" in html
    assert "66.6667" not in html.replace('title="66.6667%"', "")


def test_xlsx_export_keeps_the_exact_value(cast):
    row = {
        "code": "CALLS",
        "title": "Calls",
        "measure_label": "Percentage",
        "unit": "%",
        "target": 80.0,
        "result": 200 / 3,
        "method_label": "from counts",
        "status_label": "Nearly met",
        "periods_reported": 1,
        "rule": "",
    }
    content = annual_report_xlsx({"organisation": cast.org_a, "year": 2026, "rows": [row]})
    sheet = load_workbook(BytesIO(content)).active
    assert sheet.cell(row=4, column=6).value == 66.6667
