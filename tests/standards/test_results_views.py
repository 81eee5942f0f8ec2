"""Results page and benchmark page: who sees what, what they show, and queries independent of data size."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.services import evaluator_assign
from standards.models import Channel, Measure, ThresholdUnit

from .factories import ServiceStandardFactory, StandardTargetFactory, current_value, quarter_period


def _standard(organisation, target="80", **fields):
    standard = ServiceStandardFactory(organisation=organisation, **fields)
    StandardTargetFactory(
        standard=standard,
        target=Decimal(target),
        higher_is_better=fields.get("measure")
        not in {
            Measure.MEAN_DURATION,
            Measure.MEDIAN_DURATION,
        },
    )
    return standard


def _results_url(organisation):
    return reverse("workspace:standards:results", kwargs={"organisation_pk": organisation.pk})


def _fill(organisation, standards, years):
    created = [_standard(organisation, code=f"P{len(organisation.standards.all()):03d}") for _ in range(standards)]
    for standard in created:
        for year in years:
            for number in (1, 2, 3, 4):
                current_value(standard, quarter_period(year, number), numerator=70 + number * 3, denominator=100)


@pytest.fixture
def assigned(cast):
    evaluator_assign(actor=cast.admin, organisation=cast.org_a, evaluator=cast.evaluator)
    return cast.evaluator


def test_results_page_shows_status_rule_trend_and_summary(cast, client_for):
    calls = _standard(cast.org_a, code="CALL1", title="Calls answered within 5 minutes")
    letters = _standard(
        cast.org_a,
        target="10",
        code="LET1",
        title="Letters answered",
        measure=Measure.MEAN_DURATION,
        threshold_unit=ThresholdUnit.WORKING_DAYS,
        channel=Channel.LETTER,
    )
    _standard(cast.org_a, code="NEW1", title="Web forms acknowledged")
    current_value(calls, quarter_period(2025, 1), numerator=85, denominator=100)
    current_value(calls, quarter_period(2025, 2), numerator=79, denominator=100)
    current_value(letters, quarter_period(2025, 2), "12.5")

    response = client_for("staff_a").get(_results_url(cast.org_a))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Calls answered within 5 minutes" in html
    assert "Nearly met" in html and "Missed" in html and "No data" in html
    assert "Met at 80% or more; nearly met down to 78%; missed below 78%." in html
    assert "Met at 10 working days or less; nearly met up to 11 working days" in html
    assert "12.5 working days" in html
    assert 'role="img"' in html and 'aria-labelledby="trend-' in html and 'aria-labelledby="results-rag-title' in html
    assert reverse("workspace:standards:annual_report", kwargs={"organisation_pk": cast.org_a.pk, "year": 2025}) in html
    assert reverse("workspace:standards:benchmark") not in html  # staff have no review rights


@pytest.mark.parametrize(
    ("role", "status"), [("rep_a", 200), ("head_a", 200), ("rep_b", 404), ("lead", 200), ("admin", 200)]
)
def test_results_page_access(role, status, cast, client_for):
    assert client_for(role).get(_results_url(cast.org_a)).status_code == status


def test_assigned_evaluator_reads_results_and_benchmarks_only_their_organisations(cast, client_for, assigned):
    _standard(cast.org_a, code="A1")
    current_value(_standard(cast.org_b, code="B1"), quarter_period(2025, 1), numerator=1, denominator=2)
    client = client_for("evaluator")

    assert client.get(_results_url(cast.org_a)).status_code == 200
    assert client.get(_results_url(cast.org_b)).status_code == 404
    response = client.get(reverse("workspace:standards:benchmark"))
    assert response.status_code == 200
    html = response.content.decode()
    assert cast.org_a.name in html and cast.org_b.name not in html


def test_lead_benchmark_covers_every_organisation(cast, client_for):
    current_value(_standard(cast.org_a, code="A1"), quarter_period(2025, 1), numerator=9, denominator=10)
    current_value(_standard(cast.org_b, code="B1"), quarter_period(2025, 1), numerator=5, denominator=10)

    response = client_for("lead").get(reverse("workspace:standards:benchmark"))

    html = response.content.decode()
    assert cast.org_a.name in html and cast.org_b.name in html
    assert "By sector" in html and "By channel" in html and "By principle" in html
    assert "70.0%" in html  # pooled: (9 + 5) / (10 + 10)
    assert html.count('role="img"') == 3


@pytest.mark.parametrize("role", ["rep_a", "head_a", "staff_a", "rep_b"])
def test_benchmark_is_refused_to_organisation_members(role, cast, client_for):
    assert client_for(role).get(reverse("workspace:standards:benchmark")).status_code == 403


def test_benchmark_year_filter_and_bad_input(cast, client_for):
    standard = _standard(cast.org_a)
    current_value(standard, quarter_period(2024, 1), numerator=9, denominator=10)
    current_value(standard, quarter_period(2025, 1), numerator=9, denominator=10)
    client = client_for("lead")
    url = reverse("workspace:standards:benchmark")

    assert "Based on 1 result " in client.get(url, {"year": "2025"}).content.decode()
    assert "Based on 2 results " in client.get(url).content.decode()
    bad = client.get(url, {"year": "'; DROP TABLE"})
    assert bad.status_code == 200
    assert "Select a valid choice" in bad.content.decode()


@pytest.mark.parametrize("year", [1899, 2101])
def test_annual_report_outside_the_years_is_not_found(year, cast, client_for):
    url = reverse("workspace:standards:annual_report", kwargs={"organisation_pk": cast.org_a.pk, "year": year})
    assert client_for("rep_a").get(url).status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_results_page_query_count_is_independent_of_data_size(cast, client_for):
    client = client_for("rep_a")
    url = _results_url(cast.org_a)
    _fill(cast.org_a, standards=1, years=[2025])
    client.get(url)  # warm caches (content types, sessions)
    small = _queries(client, url)

    _fill(cast.org_a, standards=6, years=[2022, 2023, 2024, 2025])
    large = _queries(client, url)

    assert small == large, (small, large)
    assert large <= 12


def test_annual_report_query_count_is_independent_of_data_size(cast, client_for):
    client = client_for("rep_a")
    url = reverse("workspace:standards:annual_report", kwargs={"organisation_pk": cast.org_a.pk, "year": 2025})
    _fill(cast.org_a, standards=1, years=[2025])
    client.get(url)
    small = _queries(client, url)
    _fill(cast.org_a, standards=5, years=[2024, 2025])
    assert _queries(client, url) == small
