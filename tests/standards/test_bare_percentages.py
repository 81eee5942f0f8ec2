"""Percentages published without their counts: imported, submitted, accepted, combined and shown with the method.

A year of bare percentages is combined as the mean of the published percentages; a year where
every period gave its counts, from the counts; a mixed year as the mean of all its percentages.
Runs on SQLite and on PostgreSQL.
"""

from decimal import Decimal
from io import BytesIO

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from weasyprint import HTML

from common.pdf import BASE_URL, StaticFileFetcher
from organisations.models import Organisation, Sector
from standards.analytics.annual import annual_results, recent_results
from standards.analytics.attainment import latest_status, results_by_period, trend
from standards.analytics.benchmark import benchmark_overview
from standards.analytics.combining import Method, combine, totals_from_values
from standards.analytics.frames import load_dataset
from standards.models import Channel, ImportStatus, Measure, MetricReturn, MetricValue, ReturnState, ThresholdUnit
from standards.periods import period_for_label
from standards.reports.context import annual_report_context
from standards.reports.pdf import annual_report_pdf_html
from standards.services.returns import return_create

from ..factories import OrganisationFactory
from .factories import current_value, quarter_period, standard_with_target
from .import_support import confirm, csv_file, media_root, upload, xlsx_file  # noqa: F401 (fixture)

pytestmark = pytest.mark.usefixtures("media_root")

YEAR = 2025
MEAN = "mean of published percentages"
COUNTS = "from counts"
# The published results of two standards, quarter by quarter: the percentages alone.
LETTERS = ["96", "94", "97", "95"]  # mean 95.5 against 95% → met
CALLS = ["85", "86", "88", "87%"]  # mean 86.5 against 90% → missed by 3.5 points (more than 2) → missed


@pytest.fixture
def year_of_bare_percentages(cast):
    """Organisation A's four quarters of 2025 imported (Q1, Q3 from CSV; Q2, Q4 from XLSX), submitted, accepted."""
    letters = standard_with_target(
        cast.org_a, code="LET", title="Routine letters answered within 20 working days", target="95"
    )
    calls = standard_with_target(cast.org_a, code="CALL", title="Calls answered within 5 minutes", target="90")
    rep, evaluator = _signed_in(cast.rep_a), _signed_in(cast.evaluator_a)
    for quarter in range(1, 5):
        metric_return = return_create(
            actor=cast.rep_a, organisation=cast.org_a, period=period_for_label(f"{YEAR}-Q{quarter}")
        )
        rows = [("LET", LETTERS[quarter - 1]), ("CALL", CALLS[quarter - 1])]
        if quarter % 2:
            body = "".join(f"{code},{value},,,Published figure\n" for code, value in rows)
            response, job = upload(rep, metric_return, csv_file(body))
        else:
            sheet = [["standard_code", "value", "numerator", "denominator", "note"]]
            sheet += [[code, value if value.endswith("%") else float(value), None, None, None] for code, value in rows]
            response, job = upload(rep, metric_return, xlsx_file({"values": sheet}))
        assert job.status == ImportStatus.READY, job.errors
        confirm(rep, job)
        _submit_from_grid(rep, metric_return)
        accepted = evaluator.post(_return_url("return_accept", metric_return))
        assert accepted.status_code == 302
        metric_return.refresh_from_db()
        assert metric_return.state == ReturnState.ACCEPTED and metric_return.is_current
    return letters, calls


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _return_url(name, metric_return):
    return reverse(
        f"workspace:standards:{name}",
        kwargs={"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk},
    )


def _submit_from_grid(client, metric_return):
    """What the browser does: the grid as shown (the imported values filled in), then "Submit the return"."""
    form = client.get(_return_url("return_edit", metric_return)).context["form"]
    data = {name: "" if form[name].value() is None else str(form[name].value()) for name in form.fields}
    data["submit"] = "1"
    response = client.post(_return_url("return_edit", metric_return), data)
    assert response.status_code == 302, response.context["form"].errors


def test_bare_percentages_are_stored_without_counts(year_of_bare_percentages):
    values = MetricValue.objects.filter(metric_return__period__label=f"{YEAR}-Q4").order_by("standard__code")
    assert [(v.standard.code, v.value, v.numerator, v.denominator) for v in values] == [
        ("CALL", Decimal("87"), None, None),
        ("LET", Decimal("95"), None, None),
    ]
    assert MetricReturn.objects.filter(state=ReturnState.ACCEPTED, is_current=True).count() == 4


def test_annual_report_judges_the_mean_of_published_percentages(cast, client_for, year_of_bare_percentages):
    rows = {row["code"]: row for row in annual_report_context(cast.org_a, YEAR, charts=False)["rows"]}
    assert (rows["LET"]["result"], rows["LET"]["method_label"], rows["LET"]["status"]) == (95.5, MEAN, "green")
    assert (rows["CALL"]["result"], rows["CALL"]["method_label"], rows["CALL"]["status"]) == (86.5, MEAN, "red")

    url_kwargs = {"organisation_pk": cast.org_a.pk, "year": YEAR}
    html = client_for("head_a").get(reverse("workspace:standards:annual_report", kwargs=url_kwargs)).content.decode()
    assert "95.5%" in html and "86.5%" in html
    assert html.count(f'<span class="rag-rule">{MEAN}</span>') == 2

    workbook = client_for("rep_a").get(reverse("workspace:standards:annual_report_xlsx", kwargs=url_kwargs))
    sheet = load_workbook(BytesIO(workbook.getvalue())).active
    assert [row[:8] for row in sheet.iter_rows(min_row=4, values_only=True)] == [
        ("CALL", "Calls answered within 5 minutes", "Percentage", "%", 90, 86.5, MEAN, "Missed"),
        (
            "LET",
            "Routine letters answered within 20 working days",
            "Percentage",
            "%",
            95,
            95.5,
            MEAN,
            "Met",
        ),
    ]

    pdf = client_for("rep_a").get(reverse("workspace:standards:annual_report_pdf", kwargs=url_kwargs))
    assert pdf.status_code == 200 and pdf.getvalue().startswith(b"%PDF")
    text = _pdf_text(annual_report_pdf_html(annual_report_context(cast.org_a, YEAR)))
    assert "95.5%" in text and "86.5%" in text and text.count(MEAN) == 2


def _pdf_text(html):
    """The text laid out on the PDF's pages (what the PDF shows), in reading order."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFileFetcher()).render()
    return " ".join(box.text for page in document.pages for box in page._page_box.descendants() if hasattr(box, "text"))


def test_results_page_shows_the_combined_figure_with_its_method(cast, client_for, year_of_bare_percentages):
    response = client_for("rep_a").get(
        reverse("workspace:standards:results", kwargs={"organisation_pk": cast.org_a.pk})
    )

    standards = {row["code"]: row for row in response.context["standards"]}
    assert standards["LET"]["combined"] == {
        "periods": 4,
        "result": 95.5,
        "text": "95.5%",
        "method_label": MEAN,
        "status": "green",
        "status_label": "Met",
    }
    assert standards["CALL"]["combined"]["result"] == 86.5
    assert standards["CALL"]["combined"]["status_label"] == "Missed"
    # The latest quarter on its own: 95% for the letters (met), 87% for the calls (missed).
    assert (standards["LET"]["result"], standards["LET"]["status"]) == (95.0, "green")
    assert (standards["CALL"]["result"], standards["CALL"]["status"]) == (87.0, "red")
    assert response.content.decode().count(f"{MEAN}; 4 periods") == 2


def test_benchmark_says_the_method_per_group(cast, client_for, year_of_bare_percentages):
    response = client_for("lead").get(reverse("workspace:standards:benchmark"), {"year": YEAR})

    html = response.content.decode()
    # every 2025 value of A: (96 + 94 + 97 + 95 + 85 + 86 + 88 + 87) / 8 = 91.0
    assert f'91.0%<span class="rag-rule">{MEAN}</span>' in html
    blocks = {block["key"]: block["rows"] for block in response.context["blocks"]}
    sector = {row["key"]: row for row in blocks["sector"]}[cast.org_a.sector]
    assert (sector["pooled_rate"], sector["pooled_method"], sector["met"], sector["missed"]) == (
        91.0,
        Method.PERCENTAGES,
        1,
        1,
    )


def _only(*organisations):
    return Organisation.objects.filter(pk__in=[organisation.pk for organisation in organisations])


@pytest.fixture
def mixed_year(db):
    """MIX gives counts in Q1 and Q2 and only the percentage in Q3 and Q4; ALL gives counts every quarter."""
    organisation = OrganisationFactory(sector=Sector.HEALTH)
    mixed = standard_with_target(organisation, code="MIX", target="80", channel=Channel.WEB)
    counted = standard_with_target(organisation, code="ALL", target="80", channel=Channel.PHONE)
    days = standard_with_target(
        organisation,
        code="DAYS",
        target="10",
        channel=Channel.LETTER,
        measure=Measure.MEAN_DURATION,
        threshold_unit=ThresholdUnit.WORKING_DAYS,
    )
    q1, q2, q3, q4 = (quarter_period(YEAR, number) for number in range(1, 5))
    current_value(mixed, q1, numerator=90, denominator=100)  # 90%
    current_value(mixed, q2, numerator=150, denominator=200)  # 75%
    current_value(mixed, q3, "80")
    current_value(mixed, q4, "70")
    current_value(counted, q1, numerator=9, denominator=10)  # 90%
    current_value(counted, q2, numerator=100, denominator=1000)  # 10%
    current_value(days, q1, "9", denominator=10)
    current_value(days, q2, "12", denominator=30)
    current_value(days, q3, "11")
    return organisation


def test_a_mixed_year_is_the_mean_of_its_percentages(mixed_year):
    frame = annual_results(organisations=_only(mixed_year), year=YEAR).set_index("code")

    # (90 + 75 + 80 + 70) / 4 = 78.75: the counts of Q1 and Q2 are not pooled with bare percentages.
    assert frame.loc["MIX", "result"] == pytest.approx(78.75)
    assert frame.loc["MIX", "method"] == Method.PERCENTAGES
    assert frame.loc["MIX", "status"] == "amber"  # 1.25 points under 80: within the 2-point tolerance
    # (9 + 100) / (10 + 1000): every quarter gave its counts, so they are pooled.
    assert frame.loc["ALL", "result"] == pytest.approx(100 * 109 / 1010)
    assert frame.loc["ALL", "method"] == Method.COUNTS
    assert frame.loc["ALL", "status"] == "red"
    # Q3 gave no number of cases: the plain mean (9 + 12 + 11) / 3 = 10.67 days.
    assert frame.loc["DAYS", "result"] == pytest.approx(32 / 3)
    assert frame.loc["DAYS", "method"] == Method.PERIODS


def test_a_mixed_year_on_the_results_page_and_the_benchmark(mixed_year):
    dataset = load_dataset(organisations=_only(mixed_year))
    results = results_by_period(dataset)
    combined = recent_results(latest_status(dataset.standards, results), trend(results))
    codes = dict(zip(dataset.standards["standard_id"], dataset.standards["code"], strict=True))
    combined = combined.rename(index=codes)
    assert combined.loc["MIX", "result"] == pytest.approx(78.75)
    assert (combined.loc["MIX", "method"], combined.loc["MIX", "status"]) == (Method.PERCENTAGES, "amber")
    assert combined.loc["ALL", "result"] == pytest.approx(100 * 109 / 1010)
    assert combined.loc["ALL", "method"] == Method.COUNTS

    tables = benchmark_overview(organisations=_only(mixed_year), year=YEAR)["dimensions"]
    channels = {row["key"]: row for row in tables["channel"].to_dict("records")}
    assert channels[Channel.PHONE]["pooled_rate"] == pytest.approx(100 * 109 / 1010)
    assert channels[Channel.PHONE]["pooled_method_label"] == COUNTS
    assert channels[Channel.WEB]["pooled_rate"] == pytest.approx(78.75)
    assert channels[Channel.WEB]["pooled_method_label"] == MEAN
    assert channels[Channel.LETTER]["pooled_method_label"] == ""  # no percentage standard
    # the whole sector: one bare percentage is enough for the mean of all six: (90+75+80+70+90+10) / 6
    sector = tables["sector"].to_dict("records")[0]
    assert sector["pooled_rate"] == pytest.approx(415 / 6)
    assert sector["pooled_method"] == Method.PERCENTAGES


def test_the_database_totals_and_the_period_totals_agree(mixed_year):
    """The two ways of summing periods (SQL for a range, pandas for the trend) give the same figures."""
    dataset = load_dataset(organisations=_only(mixed_year), year=YEAR)
    from_periods = totals_from_values(dataset.values).merge(dataset.standards, on="standard_id")
    from_periods["result"], from_periods["method"] = combine(from_periods)
    from_database = annual_results(organisations=_only(mixed_year), year=YEAR)
    merged = from_database.merge(from_periods, on="standard_id", suffixes=("", "_periods"))
    assert list(merged["method"]) == list(merged["method_periods"])
    assert merged["result"].to_numpy() == pytest.approx(merged["result_periods"].to_numpy())


BAD_ROWS = [
    (["P1", 101, None, None, None], "value", "101 is more than 100; a percentage is between 0 and 100."),
    (["P2", None, 5, None, None], "denominator", "Give both the number within the threshold (numerator)"),
    (["P1", 80, 850, 1000, None], "value", "The value 80 does not match the counts"),
    (["P1", None, 11, 10, None], "numerator", "The number within the threshold (11) cannot be more than"),
    (["P2", None, None, None, None], "value", "Enter the percentage as the value, or the number within"),
]


@pytest.mark.parametrize(("row", "column", "message"), BAD_ROWS)
def test_bad_percentages_in_a_workbook_import_nothing(cast, client_for, row, column, message):
    from .import_support import return_with_standards

    metric_return, _ = return_with_standards(cast.org_a)
    sheet = [["standard_code", "value", "numerator", "denominator", "note"], ["D1", 4, None, None, None]]
    sheet.append(["P2" if row[0] == "P1" else "P1", 96, None, None, None])
    sheet.append(row)
    rep = client_for("rep_a")
    response, job = upload(rep, metric_return, xlsx_file({"values": sheet}))

    assert job.status == ImportStatus.INVALID
    assert [(line, name) for line, name, _ in job.errors] == [(4, column)]
    assert message in job.errors[0][2]
    assert message in response.content.decode()
    confirm(rep, job)
    assert not MetricValue.objects.exists()


def test_grid_takes_the_percentage_alone_and_keeps_what_was_typed(cast, client_for):
    from .import_support import return_with_standards

    metric_return, standards = return_with_standards(cast.org_a)
    p1, p2, d1 = standards["P1"].pk, standards["P2"].pk, standards["D1"].pk
    client = client_for("rep_a")
    url = _return_url("return_edit", metric_return)
    typed = {f"s{p1}_value": "96.5%", f"s{p2}_value": "120", f"s{p2}_numerator": "", f"s{d1}_value": "4", "save": "1"}

    refused = client.post(url, typed)

    assert refused.status_code == 200
    form = refused.context["form"]
    assert form.errors == {f"s{p2}_value": ["120 is more than 100; a percentage is between 0 and 100."]}
    assert form[f"s{p2}_value"].value() == "120" and form[f"s{p1}_value"].value() == "96.5%"
    assert 'value="96.5%"' in refused.content.decode()
    assert not MetricValue.objects.exists()

    saved = client.post(url, {**typed, f"s{p2}_value": "", f"s{p2}_numerator": "3"})
    assert saved.status_code == 200  # half the counts
    assert saved.context["form"].errors[f"s{p2}_denominator"][0].startswith("Give both the number within")

    client.post(
        url,
        {**typed, f"s{p2}_value": "", f"s{p2}_numerator": "3", f"s{p2}_denominator": "4"},
    )
    stored = {v.standard.code: (v.value, v.numerator, v.denominator) for v in MetricValue.objects.all()}
    assert stored == {
        "P1": (Decimal("96.5"), None, None),
        "P2": (Decimal("75"), Decimal("3"), Decimal("4")),
        "D1": (Decimal("4"), None, None),
    }
    # Shown again: the bare percentage in its field; the computed one left empty beside its counts.
    form = client.get(url).context["form"]
    assert form[f"s{p1}_value"].value() == Decimal("96.5")
    assert form[f"s{p2}_value"].value() is None and form[f"s{p2}_numerator"].value() == Decimal("3")
