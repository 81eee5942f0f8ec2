"""Financial years: label forms, bounds for every start month, the end-of-year target rule, imports of
"2015-16" and "2019-20" results, weeks and months thresholds, historic periods and the benchmark's years."""

import datetime
from datetime import date as D
from decimal import Decimal

import pytest
from django.urls import reverse

from common.errors import ServiceError
from organisations.models import AuditEvent, Organisation
from standards.analytics.annual import annual_results, range_results
from standards.analytics.attainment import results_by_period
from standards.analytics.frames import load_dataset
from standards.models import (
    Frequency,
    Measure,
    MetricReturn,
    MetricValue,
    ReportingPeriod,
    ServiceStandard,
    ThresholdUnit,
    YearBasis,
    threshold_phrase,
)
from standards.periods import (
    Convention,
    display_label,
    parse_period_label,
    period_bounds,
    period_for_label,
    recent_periods,
    shift,
    year_ending_in,
    year_window,
)
from standards.services.definitions import standard_target_change
from standards.services.returns import return_accept, return_create, return_submit
from standards.todo import returns_to_complete

from .factories import StandardTargetFactory, standard_with_target
from .import_support import confirm, csv_file, media_root, upload, xlsx_file  # noqa: F401 (fixture)

APRIL = Convention(4)
JULY = Convention(7)


def financial(organisation, month=4, style="dash"):
    organisation.financial_year_start_month = month
    organisation.financial_year_label_style = style
    organisation.save()
    return organisation


# Labels -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["2019-20", "2019/20", "FY2020", "fy 2020", "2019-2020", " 2019 / 20 "])
def test_every_form_names_the_financial_year_starting_in_2019(label):
    bounds = parse_period_label(label, APRIL)
    assert (bounds.frequency, bounds.start, bounds.end) == (Frequency.YEARLY, D(2019, 4, 1), D(2020, 3, 31))


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2019-20 Q1", D(2019, 4, 1), D(2019, 6, 30)),
        ("2019/20 Q3", D(2019, 10, 1), D(2019, 12, 31)),
        ("FY2020 Q4", D(2020, 1, 1), D(2020, 3, 31)),
        ("2019-20-Q2", D(2019, 7, 1), D(2019, 9, 30)),
    ],
)
def test_quarters_of_a_financial_year(label, start, end):
    bounds = parse_period_label(label, APRIL)
    assert (bounds.frequency, bounds.start, bounds.end) == (Frequency.QUARTERLY, start, end)


def test_july_start_and_calendar_forms_still_read():
    assert parse_period_label("2019-20", JULY).start == D(2019, 7, 1)
    assert parse_period_label("2019-20", JULY).end == D(2020, 6, 30)
    assert parse_period_label("2019-Q2", APRIL).start == D(2019, 4, 1)  # a calendar quarter is still a quarter
    assert parse_period_label("2019", APRIL).start == D(2019, 1, 1)  # and a calendar year a calendar year
    assert parse_period_label("2019-04", APRIL).frequency == Frequency.MONTHLY
    # In a financial-year organisation "2011-12" is the financial year; the month is written 12/2011.
    assert parse_period_label("2011-12", APRIL).frequency == Frequency.YEARLY
    assert parse_period_label("12/2011", APRIL).start == D(2011, 12, 1)
    assert parse_period_label("2011-12").frequency == Frequency.MONTHLY  # the calendar convention: a month


@pytest.mark.parametrize(
    ("style", "year", "quarter"),
    [("dash", "2019-20", "2019-20 Q2"), ("slash", "2019/20", "2019/20 Q2"), ("fy", "FY2020", "FY2020 Q2")],
)
def test_labels_are_shown_in_the_organisations_style(style, year, quarter):
    convention = Convention(4, style)
    assert display_label(Frequency.YEARLY, D(2019, 4, 1), convention) == year
    assert display_label(Frequency.QUARTERLY, D(2019, 7, 1), convention) == quarter
    assert display_label(Frequency.MONTHLY, D(2019, 7, 1), convention) == "2019-07"
    assert display_label(Frequency.YEARLY, D(2019, 1, 1), convention) == "2019"  # a calendar year stays one
    assert display_label(Frequency.YEARLY, D(2019, 4, 1)) == "2019-04..2020-03"  # no convention: the stored label


@pytest.mark.parametrize("label", ["2015-17", "2019/21", "FY20x", "2019-13", "13/2019", "2019-20 Q5", "", "1899"])
def test_bad_labels_name_the_accepted_forms_of_the_organisation(label):
    with pytest.raises(ServiceError) as refused:
        parse_period_label(label, APRIL)
    assert "is not a reporting period" in refused.value.message
    assert "2026-27" in refused.value.message and "April" in refused.value.message
    with pytest.raises(ServiceError) as calendar:
        parse_period_label(label)
    assert "2026-27" not in calendar.value.message


def test_financial_labels_are_refused_where_the_year_is_the_calendar_year():
    for label in ("2019-20", "FY2020"):
        with pytest.raises(ServiceError, match="2026-Q1 for a quarter"):
            parse_period_label(label)


# Bounds ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("year", [2019, 2023, 2024])  # 2020 and 2024 are leap years
def test_bounds_of_the_year_for_each_start_month(month, year):
    convention = Convention(month)
    window = year_window(year, convention)
    assert window.start == D(year, month, 1)
    assert window.end == D(year + (month > 1), month, 1) - datetime.timedelta(days=1) if month > 1 else D(year, 12, 31)
    assert year_ending_in(window.end.year, convention) == window
    quarters = [shift(period_bounds(Frequency.QUARTERLY, window.start, month), step) for step in range(4)]
    assert quarters[0].start == window.start and quarters[-1].end == window.end
    assert all(b.start - a.end == datetime.timedelta(days=1) for a, b in zip(quarters, quarters[1:], strict=False))
    for day in (window.start, window.end, window.start + datetime.timedelta(days=200)):
        assert period_bounds(Frequency.YEARLY, day, month) == window
    if month == 3:
        assert window.end == (D(year + 1, 2, 29) if (year + 1) % 4 == 0 else D(year + 1, 2, 28))


def test_a_year_ending_on_29_february():
    assert year_window(2019, Convention(3)).end == D(2020, 2, 29)
    assert period_bounds(Frequency.QUARTERLY, D(2020, 2, 29), 3).end == D(2020, 2, 29)
    assert [b.label for b in recent_periods(Frequency.YEARLY, D(2020, 5, 1), 2, 4)] == [
        "2020-04..2021-03",
        "2019-04..2020-03",
    ]


# The standards of a period ------------------------------------------------------------------------


def test_financial_and_calendar_standards_report_in_their_own_periods(cast):
    financial(cast.org_a)
    fy = standard_with_target(cast.org_a, code="FY", frequency=Frequency.YEARLY, year_basis=YearBasis.FINANCIAL)
    cal = standard_with_target(cast.org_a, code="CAL", frequency=Frequency.YEARLY)
    quarterly = standard_with_target(cast.org_a, code="Q", year_basis=YearBasis.FINANCIAL)
    organisation_standards = ServiceStandard.objects.filter(organisation=cast.org_a)
    assert list(organisation_standards.active_in(period_for_label("2025-26", cast.org_a))) == [fy]
    assert list(organisation_standards.active_in(period_for_label("2025"))) == [cal]
    assert list(organisation_standards.active_in(period_for_label("2025-26 Q1", cast.org_a))) == [quarterly]


# The target in force at the end of the financial year ----------------------------------------------


def test_a_financial_year_is_judged_against_the_target_in_force_on_its_last_day(cast):
    financial(cast.org_a)
    standard = standard_with_target(
        cast.org_a,
        target="80",
        code="FY1",
        frequency=Frequency.YEARLY,
        year_basis=YearBasis.FINANCIAL,
        applies_from=D(2015, 4, 1),
    )
    # The target changes in the middle of 2015-16 (October) and again after it ends (April 2016).
    standard_target_change(
        actor=cast.rep_a, standard=standard, target=Decimal("90"), valid_from=D(2015, 10, 1), reason="Up"
    )
    StandardTargetFactory(standard=standard, valid_from=D(2016, 4, 1), target=Decimal("70"))
    metric_return = return_create(
        actor=cast.rep_a, organisation=cast.org_a, period=period_for_label("2015-16", cast.org_a)
    )
    MetricValue.objects.create(metric_return=metric_return, standard=standard, value=85, numerator=85, denominator=100)
    return_submit(actor=cast.rep_a, metric_return=metric_return)
    return_accept(actor=cast.evaluator_a, metric_return=metric_return)

    organisations = Organisation.objects.filter(pk=cast.org_a.pk)
    by_period = results_by_period(load_dataset(organisations=organisations, labels_for=cast.org_a))
    assert list(by_period["label"]) == ["2015-16"]
    assert list(by_period["target"]) == [90.0] and list(by_period["status"]) == ["red"]
    annual = annual_results(organisations=organisations, year=2015)
    assert list(annual["target"]) == [90.0] and list(annual["periods_reported"]) == [1]
    assert annual_results(organisations=organisations, year=2016)["periods_reported"].sum() == 0


# Imports ----------------------------------------------------------------------------------------


def _open(client, organisation, label):
    url = reverse("workspace:standards:return_create", kwargs={"organisation_pk": organisation.pk})
    response = client.post(url, {"earlier": label})
    assert response.status_code == 302, response.content.decode()
    return MetricReturn.objects.get(organisation=organisation, period=period_for_label(label, organisation))


@pytest.mark.usefixtures("media_root")
@pytest.mark.parametrize(("month", "labels"), [(4, ["2015-16", "2016-17"]), (7, ["2019-20"])])
def test_a_representative_imports_financial_years_from_csv_and_xlsx(cast, client_for, month, labels):
    financial(cast.org_a, month)
    first_year = int(labels[0][:4])
    standard = standard_with_target(
        cast.org_a,
        target="90",
        code="FY1",
        frequency=Frequency.YEARLY,
        year_basis=YearBasis.FINANCIAL,
        applies_from=D(first_year, month, 1),
    )
    StandardTargetFactory(standard=standard, valid_from=D(first_year + 1, 1, 1), target=Decimal("80"))
    client = client_for("rep_a")
    for index, label in enumerate(labels):
        metric_return = _open(client, cast.org_a, label)
        page = client.get(reverse("workspace:standards:return_detail", args=[cast.org_a.pk, metric_return.pk]))
        assert f"Metric return for {label}" in page.content.decode()
        rows = [["standard_code", "value", "numerator", "denominator", "note"], ["FY1", None, 85, 100, "Published"]]
        upload_file = csv_file("FY1,,85,100,Published\n") if index == 0 else xlsx_file({"values": rows})
        response, job = upload(client, metric_return, upload_file)
        assert response.status_code == 200 and job.preview["counts"]["new"] == 1, job.errors
        confirm(client, job)
        return_submit(actor=cast.rep_a, metric_return=metric_return)
        return_accept(actor=cast.evaluator_a, metric_return=metric_return)

    page = client.get(reverse("workspace:standards:results", args=[cast.org_a.pk])).content.decode()
    for label in labels:
        assert label in page
    assert f"Annual report {labels[0]}" in page
    # 85% against 80 (in force at the end of the first financial year): met.
    by_period = results_by_period(load_dataset(organisations=Organisation.objects.filter(pk=cast.org_a.pk)))
    assert list(by_period["target"])[0] == 80.0 and list(by_period["status"])[0] == "green"
    report = client.get(reverse("workspace:standards:annual_report", args=[cast.org_a.pk, first_year]))
    assert f"Annual report {labels[0]}" in report.content.decode()
    end = year_window(first_year, Convention(month)).end
    assert end.strftime("%-d %B %Y") in report.content.decode()


def test_a_bad_label_gets_a_clear_message_and_nothing_is_stored(cast, client_for):
    financial(cast.org_a)
    standard_with_target(cast.org_a, code="FY1", frequency=Frequency.YEARLY, year_basis=YearBasis.FINANCIAL)
    url = reverse("workspace:standards:return_create", kwargs={"organisation_pk": cast.org_a.pk})
    for label in ("2015-17", "2019/21", "FY20x", "2019-13"):
        response = client_for("rep_a").post(url, {"earlier": label})
        content = response.content.decode()
        assert response.status_code == 200
        assert "is not a reporting period" in content and "2026-27" in content
    # A real period that no standard reports in is refused too, and leaves no period behind.
    response = client_for("rep_a").post(url, {"earlier": "1995"})
    assert "has no standard reported for 1995" in response.content.decode()
    assert not MetricReturn.objects.exists() and not ReportingPeriod.objects.exists()


def test_offered_periods_follow_each_standards_year(cast):
    from standards.forms.returns import ReturnCreateForm

    financial(cast.org_a, 4, "slash")
    standards = [
        standard_with_target(cast.org_a, code="FY", frequency=Frequency.YEARLY, year_basis=YearBasis.FINANCIAL),
        standard_with_target(cast.org_a, code="CAL", frequency=Frequency.YEARLY),
    ]
    form = ReturnCreateForm(standards=standards, taken_labels=set(), organisation=cast.org_a)
    shown = [text for _group, options in form.fields["period"].choices for _value, text in options]
    assert any("/" in text for text in shown) and any(text.isdigit() for text in shown)


# Weeks and months ---------------------------------------------------------------------------------


def test_weeks_and_months_read_naturally():
    assert threshold_phrase(Decimal("1.00"), ThresholdUnit.MONTHS) == "within 1 month"
    assert threshold_phrase(Decimal("8.00"), ThresholdUnit.WEEKS) == "within 8 weeks"
    assert threshold_phrase(Decimal("1.5"), ThresholdUnit.WEEKS) == "within 1.5 weeks"
    assert threshold_phrase(None, ThresholdUnit.WEEKS) == ""


@pytest.mark.usefixtures("media_root")
def test_month_and_week_standards_are_defined_imported_and_judged(cast, client_for):
    client = client_for("rep_a")
    create = reverse("workspace:standards:standard_create", kwargs={"organisation_pk": cast.org_a.pk})
    base = {
        "channel": "letter",
        "principle": "timeliness",
        "frequency": "quarterly",
        "applies_from": "1995-01-01",
        "applies_to": "",
        "direction": "higher",
        "tolerance": "",
    }
    paid = {"code": "PAY", "title": "Paid within the first month", "measure": "percent_within", "threshold": "1"}
    decided = {"code": "DEC", "title": "Decided within 8 weeks", "measure": "percent_within", "threshold": "8"}
    mean = {"code": "MEAN", "title": "Average time to decide", "measure": "mean_duration", "threshold": ""}
    for fields, unit, target in ((paid, "months", "95"), (decided, "weeks", "80"), (mean, "weeks", "6")):
        response = client.post(create, {**base, **fields, "threshold_unit": unit, "target": target})
        assert response.status_code == 302, response.content.decode()
    mean_standard = ServiceStandard.objects.get(code="MEAN")
    mean_standard.targets.update(higher_is_better=False)
    listing = client.get(reverse("workspace:standards:standard_list", args=[cast.org_a.pk])).content.decode()
    assert "within 1 month" in listing and "within 8 weeks" in listing

    metric_return = _open(client, cast.org_a, "1998-Q2")
    response, job = upload(client, metric_return, csv_file("PAY,,96,100,\nDEC,,70,100,\nMEAN,5.5,,,\n"))
    assert job.preview["counts"]["new"] == 3, job.errors
    confirm(client, job)
    return_submit(actor=cast.rep_a, metric_return=metric_return)
    return_accept(actor=cast.evaluator_a, metric_return=metric_return)
    frame = results_by_period(load_dataset(organisations=Organisation.objects.filter(pk=cast.org_a.pk)))
    codes = dict(ServiceStandard.objects.values_list("pk", "code"))
    status = {codes[row.standard_id]: row.status for row in frame.itertuples()}
    assert status == {"PAY": "green", "DEC": "red", "MEAN": "green"}
    page = client.get(reverse("workspace:standards:results", args=[cast.org_a.pk])).content.decode()
    assert "5.5 weeks" in page


# Historic periods -----------------------------------------------------------------------------------


def test_historic_returns_have_no_due_date_and_are_never_overdue(cast):
    standard_with_target(cast.org_a, code="OLD", applies_from=D(1990, 1, 1))
    return_create(actor=cast.rep_a, organisation=cast.org_a, period=period_for_label("1990-Q1"))
    (item,) = returns_to_complete(cast.rep_a)
    assert item.due is None and not item.overdue


# The organisation's settings ------------------------------------------------------------------------


def test_the_year_start_is_edited_and_audited(cast, client_for):
    url = reverse("workspace:organisations:edit", kwargs={"organisation_pk": cast.org_a.pk})
    page = client_for("admin").get(url)
    data = {
        name: (value.pk if hasattr(value, "pk") else value)
        for name, value in page.context["form"].initial.items()
        if value is not None
    }
    data.update({"financial_year_start_month": "7", "financial_year_label_style": "fy"})
    response = client_for("admin").post(url, data)
    assert response.status_code == 302
    cast.org_a.refresh_from_db()
    assert (cast.org_a.financial_year_start_month, cast.org_a.financial_year_label_style) == (7, "fy")
    event = AuditEvent.objects.filter(verb="organisation.update").latest("pk")
    assert event.before["financial_year_start_month"] == 1 and event.after["financial_year_start_month"] == 7
    forged = client_for("admin").post(url, {**data, "financial_year_start_month": "13"})
    assert forged.status_code == 200
    cast.org_a.refresh_from_db()
    assert cast.org_a.financial_year_start_month == 7


# The benchmark -----------------------------------------------------------------------------------


def test_the_benchmark_compares_the_years_that_end_in_the_chosen_year(cast, client_for):
    financial(cast.org_b, 4)
    calendar_standard = standard_with_target(
        cast.org_a, code="A", frequency=Frequency.YEARLY, applies_from=D(2019, 1, 1)
    )
    financial_standard = standard_with_target(
        cast.org_b, code="B", frequency=Frequency.YEARLY, year_basis=YearBasis.FINANCIAL, applies_from=D(2019, 1, 1)
    )
    for organisation, standard, label in (
        (cast.org_a, calendar_standard, "2020"),
        (cast.org_b, financial_standard, "2019-20"),
    ):
        metric_return = return_create(
            actor=None, organisation=organisation, period=period_for_label(label, organisation)
        )
        MetricValue.objects.create(
            metric_return=metric_return, standard=standard, value=90, numerator=90, denominator=100
        )
        MetricReturn.objects.filter(pk=metric_return.pk).update(state="accepted", is_current=True)
    frame = range_results(organisations=Organisation.objects.all(), year=2020, ending=True)
    assert dict(zip(frame["code"], frame["periods_reported"], strict=True)) == {"A": 1, "B": 1}
    page = client_for("lead").get(reverse("workspace:standards:benchmark"), {"year": 2020}).content.decode()
    assert "2019-20" in page and "compared by the year that ends in the chosen year" in page
    assert Measure.PERCENT_WITHIN  # the pooled rate is counted from both organisations' counts
