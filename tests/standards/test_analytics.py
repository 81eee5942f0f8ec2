"""pandas analytics: attainment per period, targets in force, sums not means, trends, share met, benchmark."""

import datetime
from decimal import Decimal

import pytest

from organisations.models import Organisation, Sector
from standards.analytics.annual import annual_results
from standards.analytics.attainment import (
    latest_status,
    rag_counts,
    results_by_period,
    share_met_by_organisation,
    trend,
)
from standards.analytics.benchmark import benchmark_overview
from standards.analytics.frames import load_dataset
from standards.models import Channel, Measure, ServiceStandard, ThresholdUnit

from ..factories import OrganisationFactory
from .factories import (
    MetricReturnFactory,
    MetricValueFactory,
    ServiceStandardFactory,
    StandardTargetFactory,
    current_value,
    quarter_period,
)

pytestmark = pytest.mark.django_db


def _standard(organisation, target="80", higher=True, **fields):
    standard = ServiceStandardFactory(organisation=organisation, **fields)
    StandardTargetFactory(standard=standard, target=Decimal(target), higher_is_better=higher)
    return standard


def _only(*organisations):
    return Organisation.objects.filter(pk__in=[organisation.pk for organisation in organisations])


def _by_label(frame):
    return {row["label"]: row for row in frame.to_dict("records")}


def test_each_period_is_judged_against_the_target_in_force_then():
    organisation = OrganisationFactory()
    standard = _standard(organisation, target="80")
    StandardTargetFactory(standard=standard, valid_from=datetime.date(2025, 7, 1), target=Decimal("90"))
    StandardTargetFactory(standard=standard, valid_from=datetime.date(2025, 10, 1), target=Decimal("95"))
    for number, result in [(2, 85), (3, 85), (4, 85)]:
        current_value(standard, quarter_period(2025, number), numerator=result, denominator=100)

    results = _by_label(results_by_period(load_dataset(organisations=_only(organisation))))

    assert results["2025-Q2"]["target"] == 80 and results["2025-Q2"]["status"] == "green"
    assert results["2025-Q3"]["target"] == 90 and results["2025-Q3"]["status"] == "red"  # 90 in force from 1 July
    assert results["2025-Q4"]["target"] == 95 and results["2025-Q4"]["status"] == "red"


def test_a_target_starting_after_the_period_end_does_not_apply():
    organisation = OrganisationFactory()
    standard = ServiceStandardFactory(organisation=organisation)
    StandardTargetFactory(standard=standard, valid_from=datetime.date(2025, 4, 1), target=Decimal("80"))
    current_value(standard, quarter_period(2025, 1), numerator=90, denominator=100)
    current_value(standard, quarter_period(2025, 2), numerator=90, denominator=100)

    results = _by_label(results_by_period(load_dataset(organisations=_only(organisation))))

    assert results["2025-Q1"]["status"] == "no_data"
    assert results["2025-Q2"]["status"] == "green"


def test_percentages_are_recomputed_from_counts():
    organisation = OrganisationFactory()
    standard = _standard(organisation)
    current_value(standard, quarter_period(2025, 1), value="12", numerator=81, denominator=100)

    (row,) = results_by_period(load_dataset(organisations=_only(organisation))).to_dict("records")

    assert row["result"] == pytest.approx(81)
    assert row["status"] == "green"


def test_only_current_returns_count():
    organisation = OrganisationFactory()
    standard = _standard(organisation)
    period = quarter_period(2025, 1)
    superseded = MetricReturnFactory(organisation=organisation, period=period, version=1, state="superseded")
    MetricValueFactory(metric_return=superseded, standard=standard, value=10, numerator=10, denominator=100)
    draft = MetricReturnFactory(organisation=organisation, period=quarter_period(2025, 2), state="draft")
    MetricValueFactory(metric_return=draft, standard=standard)
    current_value(standard, period, numerator=79, denominator=100, version=2)

    results = results_by_period(load_dataset(organisations=_only(organisation)))

    assert list(results["label"]) == ["2025-Q1"]
    assert results["result"].iloc[0] == pytest.approx(79)
    assert results["status"].iloc[0] == "amber"


def test_annual_result_aggregates_percentages_by_sums():
    organisation = OrganisationFactory()
    standard = _standard(organisation, target="80")
    current_value(standard, quarter_period(2025, 1), numerator=9, denominator=10)
    current_value(standard, quarter_period(2025, 2), numerator=700, denominator=1000)
    current_value(standard, quarter_period(2024, 4), numerator=0, denominator=1000)  # another year

    (row,) = annual_results(organisations=_only(organisation), year=2025).to_dict("records")

    assert row["result"] == pytest.approx(100 * 709 / 1010)  # 70.2%, not (90 + 70) / 2 = 80
    assert row["periods_reported"] == 2
    assert row["status"] == "red"


def test_annual_result_of_other_measures():
    organisation = OrganisationFactory()
    mean = _standard(organisation, target="10", higher=False, measure=Measure.MEAN_DURATION)
    median = _standard(organisation, target="5", higher=False, measure=Measure.MEDIAN_DURATION)
    count = _standard(organisation, target="100", measure=Measure.COUNT)
    satisfaction = _standard(organisation, target="4", measure=Measure.SATISFACTION)
    empty = _standard(organisation)
    q1, q2, q3 = (quarter_period(2025, n) for n in (1, 2, 3))
    current_value(mean, q1, 8, denominator=10)
    current_value(mean, q2, 14, denominator=30)  # weighted by cases: (80 + 420) / 40 = 12.5
    for period, result in [(q1, 4), (q2, 9), (q3, 5)]:
        current_value(median, period, result)
    current_value(count, q1, 90)
    current_value(count, q2, 110)
    current_value(satisfaction, q1, "3.9")

    rows = {
        row["standard_id"]: row
        for row in annual_results(organisations=_only(organisation), year=2025).to_dict("records")
    }

    assert rows[mean.pk]["result"] == pytest.approx(12.5) and rows[mean.pk]["status"] == "red"
    assert rows[median.pk]["result"] == pytest.approx(6) and rows[median.pk]["status"] == "red"  # mean of medians
    assert rows[count.pk]["result"] == pytest.approx(100) and rows[count.pk]["status"] == "green"
    assert rows[satisfaction.pk]["status"] == "amber"
    assert rows[empty.pk]["status"] == "no_data" and rows[empty.pk]["periods_reported"] == 0


def test_trend_keeps_the_last_eight_periods_and_latest_status_covers_every_standard():
    organisation = OrganisationFactory()
    standard = _standard(organisation)
    silent = _standard(organisation)
    periods = [quarter_period(year, number) for year in (2023, 2024, 2025) for number in (1, 2, 3, 4)]
    for index, period in enumerate(periods):
        current_value(standard, period, numerator=70 + index, denominator=100)
    dataset = load_dataset(organisations=_only(organisation))
    results = results_by_period(dataset)

    recent = trend(results)
    current = latest_status(dataset.standards, results)

    assert list(recent["label"]) == [p.label for p in periods[-8:]]
    assert current.loc[standard.pk, "label"] == "2025-Q4"
    assert current.loc[standard.pk, "status"] == "green"  # 81%
    assert current.loc[silent.pk, "status"] == "no_data"
    assert rag_counts(current["status"]) == {"green": 1, "amber": 0, "red": 0, "no_data": 1}


def test_share_met_per_organisation():
    first, second = OrganisationFactory(name="A body"), OrganisationFactory(name="B body")
    period = quarter_period(2025, 1)
    for result in (90, 79, 50):
        current_value(_standard(first), period, numerator=result, denominator=100)
    current_value(_standard(second), period, numerator=95, denominator=100)
    _standard(second)
    dataset = load_dataset(organisations=_only(first, second))

    table = share_met_by_organisation(latest_status(dataset.standards, results_by_period(dataset)).reset_index())
    rows = {row["organisation"]: row for row in table.to_dict("records")}

    assert rows["A body"]["share_met"] == pytest.approx(100 / 3)
    assert (rows["A body"]["green"], rows["A body"]["amber"], rows["A body"]["red"]) == (1, 1, 1)
    assert rows["B body"]["share_met"] == pytest.approx(100) and rows["B body"]["no_data"] == 1
    assert list(table["organisation"]) == ["B body", "A body"]


def test_benchmark_by_sector_channel_and_principle():
    health = OrganisationFactory(sector=Sector.HEALTH)
    local = OrganisationFactory(sector=Sector.LOCAL_AUTHORITY)
    q1, q2 = quarter_period(2025, 1), quarter_period(2025, 2)
    phone = _standard(health, channel=Channel.PHONE)
    web = _standard(local, channel=Channel.WEB)
    letters = _standard(
        local,
        target="10",
        higher=False,
        channel=Channel.LETTER,
        measure=Measure.MEAN_DURATION,
        threshold_unit=ThresholdUnit.WORKING_DAYS,
    )
    current_value(phone, q1, numerator=9, denominator=10)
    current_value(phone, q2, numerator=100, denominator=1000)
    current_value(web, q1, numerator=60, denominator=100)
    current_value(letters, q1, 9)

    tables = benchmark_overview(organisations=_only(health, local))["dimensions"]

    sectors = {row["key"]: row for row in tables["sector"].to_dict("records")}
    # the phone standard over both quarters: 109 / 1010 = 10.8% against 80% → missed
    assert sectors[Sector.HEALTH]["results"] == 2 and sectors[Sector.HEALTH]["missed"] == 1
    assert sectors[Sector.HEALTH]["pooled_rate"] == pytest.approx(100 * 109 / 1010)
    assert sectors[Sector.HEALTH]["share_met"] == pytest.approx(0)
    assert sectors[Sector.LOCAL_AUTHORITY]["organisations"] == 1
    assert sectors[Sector.LOCAL_AUTHORITY]["standards"] == 2
    assert sectors[Sector.LOCAL_AUTHORITY]["pooled_rate"] == pytest.approx(60)  # durations not pooled
    assert sectors[Sector.LOCAL_AUTHORITY]["label"] == "Local authority"
    channels = {row["key"]: row for row in tables["channel"].to_dict("records")}
    assert set(channels) == {Channel.PHONE, Channel.WEB, Channel.LETTER}
    assert channels[Channel.LETTER]["met"] == 1
    principles = tables["principle"].to_dict("records")
    assert [(row["results"], row["standards"], row["met"]) for row in principles] == [(4, 3, 1)]


def test_benchmark_overview_scopes_to_the_given_organisations_and_year():
    mine, other = OrganisationFactory(), OrganisationFactory()
    current_value(_standard(mine), quarter_period(2025, 1), numerator=9, denominator=10)
    current_value(_standard(mine), quarter_period(2024, 1), numerator=9, denominator=10)
    current_value(_standard(other), quarter_period(2025, 1), numerator=9, denominator=10)

    scoped = benchmark_overview(organisations=_only(mine), year=2025)
    everything = benchmark_overview(organisations=Organisation.objects.all())

    assert scoped["values"] == 1
    assert list(scoped["organisations"]["organisation_id"]) == [mine.pk]
    assert list(scoped["organisations"]["standards"]) == [2]  # the 2024 standard has no data in 2025
    assert everything["values"] == 3
    assert benchmark_overview(organisations=Organisation.objects.none())["values"] == 0
    assert benchmark_overview(organisations=Organisation.objects.exclude(pk=mine.pk))["values"] == 1


def test_empty_data_gives_empty_tables():
    organisation = OrganisationFactory()
    dataset = load_dataset(organisations=_only(organisation))
    results = results_by_period(dataset)
    assert results.empty
    assert all(table.empty for table in benchmark_overview(organisations=_only(organisation))["dimensions"].values())
    assert annual_results(organisations=_only(organisation), year=2025).empty


@pytest.mark.parametrize(
    "call",
    [
        lambda: benchmark_overview(),
        lambda: benchmark_overview(organisations=None),
        lambda: annual_results(organisations=[OrganisationFactory()], year=2025),
        lambda: load_dataset(),
        lambda: load_dataset(organisations=ServiceStandard.objects.all()),
    ],
    ids=["missing", "none", "list", "dataset-missing", "other-model"],
)
def test_analytics_need_an_explicit_organisation_queryset(call):
    with pytest.raises(TypeError):
        call()
