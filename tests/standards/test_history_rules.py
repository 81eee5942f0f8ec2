"""Accepted history is frozen: periods already judged keep the target and the measure they had."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from common.errors import ServiceError
from organisations.models import AuditEvent
from standards.models import Frequency, Measure, StandardTarget, ThresholdUnit
from standards.reports.context import annual_report_rows
from standards.services.definitions import standard_target_change, standard_update

from .factories import MetricReturnFactory, MetricValueFactory, current_value, quarter_period, standard_with_target

D = datetime.date


@pytest.fixture
def accepted_2025(cast):
    """A standard of A (80% from 2025-01-01) whose four 2025 quarters are accepted."""
    standard = standard_with_target(cast.org_a, code="CALLS", applies_from=D(2025, 1, 1))
    for number, counted in [(1, 85), (2, 79), (3, 70), (4, 90)]:
        current_value(standard, quarter_period(2025, number), numerator=counted, denominator=100)
    return standard


def _unchanged(standard):
    return (
        list(
            StandardTarget.objects.filter(standard=standard).values_list("valid_from", "target").order_by("valid_from")
        ),
        AuditEvent.objects.filter(verb__startswith="standard.").count(),
    )


@pytest.mark.parametrize("valid_from", [D(1900, 1, 1), D(2025, 1, 1), D(2025, 7, 1), D(2025, 12, 31)])
def test_a_target_inside_the_accepted_history_is_refused_with_the_first_allowed_date(cast, accepted_2025, valid_from):
    before = _unchanged(accepted_2025)
    with pytest.raises(ServiceError) as refused:
        standard_target_change(
            actor=cast.rep_a, standard=accepted_2025, target=Decimal("95"), valid_from=valid_from, reason="Tighter"
        )
    assert refused.value.field == "valid_from"
    assert refused.value.message == (
        "Results up to 2025-12-31 were accepted against the targets in force then. "
        "A new target must start on 2026-01-01 or later."
    )
    assert _unchanged(accepted_2025) == before


def test_a_target_after_the_accepted_history_is_a_new_row(cast, accepted_2025):
    standard_target_change(
        actor=cast.rep_a, standard=accepted_2025, target=Decimal("95"), valid_from=D(2026, 1, 1), reason="Tighter"
    )
    assert list(accepted_2025.targets.order_by("valid_from").values_list("valid_from", "target")) == [
        (D(2025, 1, 1), Decimal("80")),
        (D(2026, 1, 1), Decimal("95")),
    ]


def test_a_target_before_the_standard_applies_is_refused_without_accepted_history(cast):
    standard = standard_with_target(cast.org_a, applies_from=D(2025, 1, 1))
    before = _unchanged(standard)
    with pytest.raises(ServiceError, match="The standard applies from 2025-01-01") as refused:
        standard_target_change(
            actor=cast.rep_a, standard=standard, target=Decimal("95"), valid_from=D(1900, 1, 1), reason="Old"
        )
    assert refused.value.field == "valid_from"
    assert _unchanged(standard) == before


def test_the_first_target_is_never_overwritten(cast):
    standard = standard_with_target(cast.org_a, applies_from=D(2025, 1, 1))
    with pytest.raises(ServiceError, match="A target already starts on 2025-01-01"):
        standard_target_change(
            actor=cast.rep_a, standard=standard, target=Decimal("10"), valid_from=D(2025, 1, 1), reason="Oops"
        )
    assert standard.targets.get().target == Decimal("80")


def test_only_accepted_returns_freeze_the_history(cast):
    standard = standard_with_target(cast.org_a, applies_from=D(2025, 1, 1))
    for state in ["draft", "submitted", "queried"]:
        metric_return = MetricReturnFactory(organisation=cast.org_a, period=quarter_period(2025, 1), state=state)
        MetricValueFactory(metric_return=metric_return, standard=standard)
        assert standard.last_accepted_end() is None
        metric_return.delete()
    standard_update(actor=cast.rep_a, standard=standard, measure=Measure.MEAN_DURATION, threshold=None)
    standard.refresh_from_db()
    assert standard.measure == Measure.MEAN_DURATION


@pytest.mark.parametrize(
    "change",
    [
        {"measure": Measure.MEAN_DURATION, "threshold": None},
        {"threshold": Decimal("10")},
        {"threshold_unit": ThresholdUnit.HOURS},
        {"frequency": Frequency.MONTHLY},
    ],
    ids=["measure", "threshold", "threshold_unit", "frequency"],
)
def test_what_accepted_values_mean_cannot_change(cast, accepted_2025, change):
    before = _unchanged(accepted_2025)
    with pytest.raises(ServiceError, match="Results up to 2025-12-31 were accepted with this definition") as refused:
        standard_update(actor=cast.rep_a, standard=accepted_2025, **change)
    assert refused.value.field == next(iter(change))
    accepted_2025.refresh_from_db()
    assert (accepted_2025.measure, accepted_2025.threshold, accepted_2025.threshold_unit, accepted_2025.frequency) == (
        Measure.PERCENT_WITHIN,
        Decimal("5"),
        ThresholdUnit.MINUTES,
        Frequency.QUARTERLY,
    )
    assert _unchanged(accepted_2025) == before


def test_the_annual_report_of_an_accepted_year_survives_the_allowed_edits(cast, accepted_2025):
    report = annual_report_rows(cast.org_a, 2025)
    periods = [quarter_period(2025, number) for number in range(1, 5)]
    judged = [accepted_2025.target_on(period.end).target for period in periods]

    standard_update(actor=cast.rep_a, standard=accepted_2025, title="Calls answered quickly", code="PHONE-1")
    standard_update(actor=cast.rep_a, standard=accepted_2025, threshold=Decimal("5.00"))  # same value: allowed
    standard_target_change(
        actor=cast.rep_a, standard=accepted_2025, target=Decimal("99"), valid_from=D(2026, 1, 1), reason="Tighter"
    )
    for refused in (
        lambda: standard_update(actor=cast.rep_a, standard=accepted_2025, measure=Measure.COUNT, threshold=None),
        lambda: standard_target_change(
            actor=cast.rep_a, standard=accepted_2025, target=Decimal("99"), valid_from=D(1900, 1, 1), reason="x"
        ),
    ):
        with pytest.raises(ServiceError):
            refused()

    after = annual_report_rows(cast.org_a, 2025)
    keys = ["status", "result", "target"]
    assert [{key: row[key] for key in keys} for row in after] == [{key: row[key] for key in keys} for row in report]
    assert [accepted_2025.target_on(period.end).target for period in periods] == judged


# Pages --------------------------------------------------------------------------------------------------


def test_edit_page_disables_the_frozen_fields_and_says_why(cast, client_for, accepted_2025):
    client = client_for("rep_a")
    url = reverse(
        "workspace:standards:standard_edit",
        kwargs={"organisation_pk": accepted_2025.organisation_id, "pk": accepted_2025.pk},
    )
    page = client.get(url)
    form = page.context["form"]
    assert [name for name, field in form.fields.items() if field.disabled] == [
        "measure",
        "threshold",
        "threshold_unit",
        "frequency",
        "year_basis",
    ]
    assert "results up to 2025-12-31 were accepted with this definition" in page.content.decode()

    data = {
        "code": "CALLS",
        "title": "Calls answered quickly",
        "channel": "phone",
        "principle": accepted_2025.principle,
        "measure": "count",
        "threshold": "",
        "threshold_unit": "",
        "frequency": "monthly",
        "applies_from": "2025-01-01",
        "applies_to": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    accepted_2025.refresh_from_db()
    assert (accepted_2025.title, accepted_2025.measure, accepted_2025.frequency) == (
        "Calls answered quickly",
        Measure.PERCENT_WITHIN,
        Frequency.QUARTERLY,
    )


def test_edit_page_of_a_standard_without_accepted_values_leaves_every_field_open(cast, client_for):
    standard = standard_with_target(cast.org_a)
    page = client_for("rep_a").get(
        reverse(
            "workspace:standards:standard_edit", kwargs={"organisation_pk": standard.organisation_id, "pk": standard.pk}
        )
    )
    assert not any(field.disabled for field in page.context["form"].fields.values())


def test_target_page_names_the_first_allowed_date_and_keeps_the_input(cast, client_for, accepted_2025):
    client = client_for("rep_a")
    url = reverse(
        "workspace:standards:standard_target",
        kwargs={"organisation_pk": accepted_2025.organisation_id, "pk": accepted_2025.pk},
    )
    page = client.get(url)
    assert "On 2026-01-01 or later" in page.content.decode()
    assert page.context["form"]["valid_from"].value() >= D(2026, 1, 1)

    response = client.post(
        url,
        {"target": "95", "direction": "higher", "tolerance": "", "valid_from": "1900-01-01", "reason": "Back-date"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "A new target must start on 2026-01-01 or later." in content
    assert 'value="Back-date"' in content
    assert accepted_2025.targets.count() == 1
