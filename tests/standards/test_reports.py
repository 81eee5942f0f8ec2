"""The annual report as HTML, PDF and XLSX; PDFs fetch only our static files."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from weasyprint import HTML
from weasyprint.images import SVGImage

from common.pdf import BASE_URL, StaticFileFetcher, html_to_pdf
from standards.models import Measure, ThresholdUnit
from standards.reports.context import annual_report_context

from .factories import ServiceStandardFactory, StandardTargetFactory, current_value, quarter_period

YEAR = 2025


@pytest.fixture
def report_data(cast):
    calls = ServiceStandardFactory(organisation=cast.org_a, code="CALL1", title="Calls answered within 5 minutes")
    StandardTargetFactory(standard=calls, target=Decimal("80"))
    letters = ServiceStandardFactory(
        organisation=cast.org_a,
        code="LET1",
        title="Letters answered",
        measure=Measure.MEAN_DURATION,
        threshold_unit=ThresholdUnit.WORKING_DAYS,
    )
    StandardTargetFactory(standard=letters, target=Decimal("10"), higher_is_better=False)
    for number, (answered, calls_made, days) in enumerate([(90, 200, "9"), (700, 800, "10.5")], start=1):
        current_value(calls, quarter_period(YEAR, number), numerator=answered, denominator=calls_made)
        current_value(letters, quarter_period(YEAR, number), days, denominator=10)
    return cast


def _url(name, cast, year=YEAR):
    return reverse(f"workspace:standards:{name}", kwargs={"organisation_pk": cast.org_a.pk, "year": year})


def test_annual_report_page_lists_standard_target_result_status(report_data, client_for):
    response = client_for("head_a").get(_url("annual_report", report_data))

    assert response.status_code == 200
    html = response.content.decode()
    # calls: (90 + 700) / (200 + 800) = 79% against 80% → nearly met
    assert "79.0%" in html and "Nearly met" in html
    # (9 × 10 + 10.5 × 10) / 20 = 9.75: shown as the standard measures it, the exact value on hover
    assert '<abbr class="exact-value" title="9.75 working days">9.8 working days</abbr>' in html
    assert "Met at 80% or more; nearly met down to 78%" in html
    assert _url("annual_report_pdf", report_data) in html and _url("annual_report_xlsx", report_data) in html


def test_annual_report_pdf_download(report_data, client_for):
    response = client_for("rep_a").get(_url("annual_report_pdf", report_data))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="')
    assert response.getvalue().startswith(b"%PDF")


def _svg_images(document):
    return [
        box.replacement
        for page in document.pages
        for box in page._page_box.descendants()
        if isinstance(getattr(box, "replacement", None), SVGImage)
    ]


def test_annual_report_pdf_lays_out_the_charts(report_data):
    from django.template.loader import render_to_string

    html = render_to_string("standards/annual_report_pdf.html", annual_report_context(report_data.org_a, YEAR))
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFileFetcher()).render()

    assert len(_svg_images(document)) == 3  # the RAG summary and one trend per standard
    assert document.pages


def test_annual_report_xlsx_download(report_data, client_for):
    response = client_for("lead").get(_url("annual_report_xlsx", report_data))

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(BytesIO(response.getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == f"{report_data.org_a.name}: results {YEAR}"
    assert rows[2][:8] == ("Code", "Standard", "Measure", "Unit", "Target", "Result", "Combined", "Status")
    assert rows[3][:8] == (
        "CALL1",
        "Calls answered within 5 minutes",
        "Percentage",
        "%",
        80,
        79,
        "from counts",
        "Nearly met",
    )
    assert rows[4][:8] == (
        "LET1",
        "Letters answered",
        "Mean duration",
        "working days",
        10,
        9.75,
        "mean weighted by cases or responses",
        "Met",
    )
    assert len(rows) == 5


def test_report_for_a_year_without_data_says_no_data(report_data, client_for):
    response = client_for("rep_a").get(_url("annual_report", report_data, year=2019))
    assert response.status_code == 200
    assert response.content.decode().count("No data") >= 2
    sheet = load_workbook(
        BytesIO(client_for("rep_a").get(_url("annual_report_xlsx", report_data, 2019)).getvalue())
    ).active
    assert [row[7] for row in sheet.iter_rows(min_row=4, values_only=True)] == ["No data", "No data"]


def test_pdf_fetcher_serves_static_files_and_refuses_everything_else():
    fetcher = StaticFileFetcher()
    response = fetcher.fetch(f"{BASE_URL}static/css/report.css")
    assert b".rag--green" in response.read()
    assert response.content_type == "text/css"
    for url in [
        "https://example.org/static/css/report.css",
        "file:///etc/passwd",
        f"{BASE_URL}static/../config/settings.py",
        f"{BASE_URL}media/imports/secret.csv",
        f"{BASE_URL}static/css/missing.css",
        "http://169.254.169.254/latest/meta-data/",
    ]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_pdf_with_a_foreign_image_still_renders_without_fetching_it():
    pdf = html_to_pdf('<p>Hello</p><img src="https://example.org/tracker.png" alt=""><img src="file:///etc/hostname">')
    assert pdf.startswith(b"%PDF")
