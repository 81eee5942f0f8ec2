import datetime
from decimal import Decimal

import pandas as pd
import pytest
from django.urls import reverse

from common.errors import ServiceError
from organisations.models import AuditEvent
from organisations.services import evaluator_assign
from standards.analytics.attainment import attach_targets
from standards.analytics.frames import load_targets
from standards.models import Measure, ReturnState, ServiceStandard, StandardTarget
from standards.services.definitions import standard_create, standard_target_change, standard_update

from ..factories import OrganisationFactory
from .factories import ServiceStandardFactory, StandardTargetFactory, quarter_period, standard_with_target

D = datetime.date


def standard_url(name, standard):
    return reverse(
        f"workspace:standards:{name}", kwargs={"organisation_pk": standard.organisation_id, "pk": standard.pk}
    )


def definition(**overrides):
    fields = {
        "code": "T1",
        "title": "We answer calls within 5 minutes",
        "channel": "phone",
        "principle": "timeliness",
        "measure": Measure.PERCENT_WITHIN,
        "threshold": Decimal("5"),
        "threshold_unit": "minutes",
        "frequency": "quarterly",
        "applies_from": D(2025, 1, 1),
        "applies_to": None,
        "target": Decimal("80"),
    }
    fields.update(overrides)
    return fields


def test_create_keeps_first_target_and_audits(cast):
    standard = standard_create(actor=cast.rep_a, organisation=cast.org_a, **definition())
    target = standard.targets.get()
    assert (target.valid_from, target.target, target.higher_is_better) == (D(2025, 1, 1), Decimal("80"), True)
    event = AuditEvent.objects.get(verb="standard.create")
    assert event.actor == cast.rep_a
    assert event.after["code"] == "T1"
    assert event.after["target"]["target"] == "80"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"target": Decimal("120")}, "target", "between 0 and 100"),
        ({"threshold": None}, "threshold", "Enter the threshold"),
        ({"threshold_unit": ""}, "threshold_unit", "unit"),
        ({"measure": Measure.SATISFACTION, "threshold": None}, "threshold_unit", "no threshold unit"),
        ({"measure": Measure.COUNT, "threshold_unit": ""}, "threshold", "no threshold"),
        ({"measure": Measure.MEAN_DURATION, "threshold_unit": ""}, "threshold_unit", "unit"),
        ({"applies_to": D(2024, 12, 31)}, "applies_to", "on or after"),
        ({"target": Decimal("-1")}, "target", "negative"),
        ({"tolerance": Decimal("-2")}, "tolerance", "negative"),
    ],
)
def test_create_refuses_bad_combinations(cast, overrides, field, message):
    with pytest.raises(ServiceError, match=message) as refused:
        standard_create(actor=cast.rep_a, organisation=cast.org_a, **definition(**overrides))
    assert refused.value.field == field
    assert not ServiceStandard.objects.exists()


def test_codes_are_unique_per_organisation_in_any_case(cast):
    standard_create(actor=cast.rep_a, organisation=cast.org_a, **definition())
    with pytest.raises(ServiceError, match="already has a standard with the code") as refused:
        standard_create(actor=cast.rep_a, organisation=cast.org_a, **definition(code="t1"))
    assert refused.value.field == "code"
    standard_create(actor=cast.rep_b, organisation=cast.org_b, **definition())


@pytest.mark.parametrize("role", ["head_a", "staff_a", "rep_b", "lead"])
def test_only_managers_define_standards(cast, role):
    with pytest.raises(ServiceError):
        standard_create(actor=cast.user(role), organisation=cast.org_a, **definition())


def test_target_history_judges_past_periods_by_target_then(cast):
    standard = standard_create(actor=cast.rep_a, organisation=cast.org_a, **definition())
    standard_target_change(
        actor=cast.rep_a, standard=standard, target=Decimal("90"), valid_from=D(2026, 1, 1), reason="Better staffing"
    )
    assert standard.target_on(D(2025, 6, 30)).target == Decimal("80")
    assert standard.target_on(D(2026, 3, 31)).target == Decimal("90")
    assert standard.target_on(D(2025, 12, 31)).target == Decimal("80")
    assert standard.targets.count() == 2
    event = AuditEvent.objects.get(verb="standard.target_change")
    assert Decimal(event.before["target"]) == Decimal("80")
    assert Decimal(event.after["target"]) == Decimal("90")
    assert event.after["reason"] == "Better staffing"


def test_target_change_needs_reason_and_valid_target(cast):
    standard = standard_with_target(cast.org_a)
    with pytest.raises(ServiceError, match="why") as refused:
        standard_target_change(actor=cast.rep_a, standard=standard, target=Decimal("85"), reason=" ")
    assert refused.value.field == "reason"
    with pytest.raises(ServiceError, match="between 0 and 100"):
        standard_target_change(actor=cast.rep_a, standard=standard, target=Decimal("101"), reason="typo")
    assert StandardTarget.objects.count() == 1


def test_second_change_on_same_day_is_refused_and_overwrites_nothing(cast):
    standard = standard_with_target(cast.org_a)
    standard_target_change(
        actor=cast.rep_a, standard=standard, target=Decimal("85"), valid_from=D(2026, 1, 1), reason="a"
    )
    with pytest.raises(ServiceError, match="A target already starts on 2026-01-01") as refused:
        standard_target_change(
            actor=cast.rep_a, standard=standard, target=Decimal("86"), valid_from=D(2026, 1, 1), reason="b"
        )
    assert refused.value.field == "valid_from"
    assert list(standard.targets.order_by("valid_from").values_list("target", flat=True)) == [
        Decimal("80"),
        Decimal("85"),
    ]
    assert AuditEvent.objects.filter(verb="standard.target_change").count() == 1


def test_update_validates_and_audits_changes_only(cast):
    standard = standard_with_target(cast.org_a)
    standard_update(actor=cast.rep_a, standard=standard, title="Calls answered quickly")
    standard_update(actor=cast.rep_a, standard=standard, title="Calls answered quickly")
    assert AuditEvent.objects.filter(verb="standard.update").count() == 1
    with pytest.raises(ServiceError, match="on or after"):
        standard_update(actor=cast.rep_a, standard=standard, applies_to=D(2000, 1, 1))
    with pytest.raises(ServiceError):
        standard_update(actor=cast.staff_a, standard=standard, title="x")


# Views ---------------------------------------------------------------------------------------------------


def form_data(**overrides):
    data = {
        "code": "T9",
        "title": "Letters answered within 10 working days",
        "channel": "letter",
        "principle": "timeliness",
        "measure": "percent_within",
        "threshold": "10",
        "threshold_unit": "working_days",
        "frequency": "quarterly",
        "applies_from": "2025-01-01",
        "applies_to": "",
        "target": "85",
        "direction": "higher",
        "tolerance": "",
    }
    data.update(overrides)
    return data


def test_representative_creates_a_standard(cast, client_for):
    response = client_for("rep_a").post(
        reverse("workspace:standards:standard_create", kwargs={"organisation_pk": cast.org_a.pk}), form_data()
    )
    standard = ServiceStandard.objects.get(code="T9")
    assert response.status_code == 302
    assert response["Location"] == standard_url("standard_detail", standard)
    assert standard.targets.get().target == Decimal("85")


def test_form_shows_every_problem_and_keeps_input(cast, client_for):
    response = client_for("rep_a").post(
        reverse("workspace:standards:standard_create", kwargs={"organisation_pk": cast.org_a.pk}),
        form_data(target="150", threshold="", applies_to="2024-01-01", title="Keep me"),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "A percentage target must be between 0 and 100." in content
    assert "Enter the threshold" in content
    assert "The end date must be on or after the start date." in content
    assert 'value="Keep me"' in content
    assert not ServiceStandard.objects.exists()


def test_satisfaction_without_unit_is_accepted(cast, client_for):
    response = client_for("rep_a").post(
        reverse("workspace:standards:standard_create", kwargs={"organisation_pk": cast.org_a.pk}),
        form_data(measure="satisfaction", threshold="", threshold_unit="", target="4.2"),
    )
    assert response.status_code == 302
    assert ServiceStandard.objects.get().measure == Measure.SATISFACTION


def test_target_change_page(cast, client_for):
    standard = standard_with_target(cast.org_a)
    client = client_for("rep_a")
    url = standard_url("standard_target", standard)
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"]["target"].value() == Decimal("80")
    response = client.post(
        url,
        {"target": "90", "direction": "higher", "tolerance": "", "valid_from": "2026-01-01", "reason": "More staff"},
    )
    assert response.status_code == 302
    detail = client.get(standard_url("standard_detail", standard))
    assert "More staff" in detail.content.decode()
    assert len(detail.context["targets"]) == 2


def test_edit_page_saves_definition(cast, client_for):
    standard = standard_with_target(cast.org_a, code="A1")
    data = form_data(code="A1", title="New wording")
    response = client_for("rep_a").post(
        standard_url("standard_edit", standard),
        data,
    )
    assert response.status_code == 302
    standard.refresh_from_db()
    assert standard.title == "New wording"


@pytest.mark.parametrize(
    ("role", "status"),
    [("rep_a", 200), ("head_a", 200), ("staff_a", 200), ("rep_b", 404), ("lead", 200), ("admin", 200)],
)
def test_standard_pages_by_role(cast, client_for, role, status):
    standard = standard_with_target(cast.org_a)
    client = client_for(role)
    assert client.get(standard_url("standard_detail", standard)).status_code == status
    assert (
        client.get(reverse("workspace:standards:standard_list", kwargs={"organisation_pk": cast.org_a.pk})).status_code
        == status
    )
    edit_status = {"rep_a": 200, "admin": 200, "rep_b": 404}.get(role, 403)
    assert client.get(standard_url("standard_edit", standard)).status_code == edit_status


def test_assigned_evaluator_views_but_cannot_edit(cast, client_for):
    evaluator_assign(actor=cast.admin, organisation=cast.org_a, evaluator=cast.evaluator)
    standard = standard_with_target(cast.org_a)
    client = client_for("evaluator")
    assert client.get(standard_url("standard_detail", standard)).status_code == 200
    assert client.get(standard_url("standard_edit", standard)).status_code == 403
    other = standard_with_target(cast.org_b)
    assert client.get(standard_url("standard_detail", other)).status_code == 404


def test_unassigned_evaluator_and_anonymous(cast, client_for):
    standard = standard_with_target(cast.org_a)
    url = standard_url("standard_detail", standard)
    assert client_for("evaluator").get(url).status_code == 403
    assert client_for("anonymous").get(url).status_code == 302


def test_standard_list_query_count_does_not_grow(cast, client_for, django_assert_max_num_queries):
    client = client_for("rep_a")
    url = reverse("workspace:standards:standard_list", kwargs={"organisation_pk": cast.org_a.pk})
    standard_with_target(cast.org_a)
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for _number in range(5):
        standard_with_target(cast.org_a)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


# One home for each rule ------------------------------------------------------------------------------------

IN_FORCE_CASES = [
    (D(2024, 12, 31), None),  # before the first target: no target, so no status
    (D(2025, 1, 1), Decimal("80")),  # the first target's own day
    (D(2025, 6, 30), Decimal("80")),
    (D(2025, 7, 1), Decimal("90")),  # change day: the new target is in force from its first day
    (D(2030, 1, 1), Decimal("90")),
]


@pytest.fixture
def changed_mid_2025(db):
    standard = standard_with_target(
        OrganisationFactory(), target="80", applies_from=D(2024, 1, 1), code="CALLS"
    )  # applies before its first target, which starts a year later
    standard.targets.update(valid_from=D(2025, 1, 1))
    StandardTargetFactory(standard=standard, valid_from=D(2025, 7, 1), target=Decimal("90"))
    return standard


@pytest.mark.parametrize(("day", "expected"), IN_FORCE_CASES)
def test_target_in_force_on_a_day_is_one_rule_everywhere(changed_mid_2025, day, expected):
    standard = changed_mid_2025
    on_model = standard.target_on(day)
    in_queryset = {target.standard_id: target.target for target in StandardTarget.objects.in_force_on(day)}
    (annotated,) = ServiceStandard.objects.filter(pk=standard.pk).with_target_on(day)
    frame = attach_targets(
        pd.DataFrame({"standard_id": [standard.pk], "period_end": [pd.Timestamp(day)]}),
        load_targets(StandardTarget.objects.filter(standard=standard)),
    )
    pandas_target = frame["target"].iloc[0]

    assert (on_model.target if on_model else None) == expected
    assert in_queryset.get(standard.pk) == expected
    assert annotated.current_target == expected
    assert (None if pd.isna(pandas_target) else Decimal(str(pandas_target))) == expected


def test_target_in_force_picks_one_target_per_standard(changed_mid_2025):
    other = standard_with_target(changed_mid_2025.organisation, target="70", applies_from=D(2025, 1, 1))
    in_force = StandardTarget.objects.in_force_on(D(2025, 8, 1))
    assert sorted((target.standard_id, target.target) for target in in_force) == [
        (changed_mid_2025.pk, Decimal("90")),
        (other.pk, Decimal("70")),
    ]


@pytest.mark.parametrize(
    ("applies_from", "applies_to", "frequency", "applies"),
    [
        (D(2025, 1, 1), None, "quarterly", True),
        (D(2025, 3, 31), None, "quarterly", True),  # starts on the last day of the period
        (D(2025, 4, 1), None, "quarterly", False),  # starts the day after
        (D(2024, 1, 1), D(2025, 1, 1), "quarterly", True),  # ends on the first day
        (D(2024, 1, 1), D(2024, 12, 31), "quarterly", False),  # ended the day before
        (D(2025, 1, 1), None, "monthly", False),  # another frequency
    ],
)
def test_standards_that_apply_in_a_period_is_one_rule(db, applies_from, applies_to, frequency, applies):
    period = quarter_period(2025, 1)
    standard = ServiceStandardFactory(applies_from=applies_from, applies_to=applies_to, frequency=frequency)
    in_sql = ServiceStandard.objects.active_in(period).filter(pk=standard.pk).exists()
    in_python = standard.frequency == period.frequency and standard.applies_during(period.start, period.end)
    assert in_sql == in_python == applies


def test_named_state_sets():
    assert set(ReturnState.OPEN_STATES) == {ReturnState.DRAFT, ReturnState.SUBMITTED, ReturnState.QUERIED}
    assert set(ReturnState.EDITABLE_STATES) == {ReturnState.DRAFT, ReturnState.QUERIED}
    assert [state.value for state in ReturnState] == ["draft", "submitted", "queried", "accepted", "superseded"]


def test_a_percentage_may_have_no_threshold_at_all(cast):
    """ "80% of customers satisfied": a percentage of a whole, with neither threshold nor unit."""
    standard = standard_create(
        actor=cast.rep_a, organisation=cast.org_a, **definition(code="SAT", threshold=None, threshold_unit="")
    )
    assert standard.is_percentage and standard.threshold_text == ""
