"""Compliance figures with exact numbers on fixed dates, and a query count that does not grow with the staff."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from organisations.roles import OrganisationRole
from tests.factories import OrganisationFactory, UserFactory, member
from training.compliance import compliance_report, organisation_rates, training_compliance_for
from training.models import Assignment, Module, VersionStatus

from .factories import AssignmentFactory, ModuleVersionFactory, completion, published_module

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 6, 15)
LONG_AGO = timezone.make_aware(datetime.datetime(2025, 1, 1, 9, 0))


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def assign(organisation, version, user, *, due, created=LONG_AGO):
    assignment = AssignmentFactory(organisation=organisation, module=version.module, user=user, due_date=due)
    Assignment.objects.filter(pk=assignment.pk).update(created_at=created)
    return assignment


@pytest.fixture
def council():
    """Five staff and a head assigned module A; the head and two staff assigned module B.

    Module A (valid 24 months): staff 1 valid (expires 2027), staff 2 valid but expiring on 2026-07-01 (16 days),
    staff 3 expired on 2026-06-01 and overdue (due 2026-05-01), staff 4 nothing, due later (not overdue),
    staff 5 completed an older version that no longer counts (below completions_valid_from), overdue;
    the head completed it without expiry.
    Module B: the head overdue, staff 1 valid (expires ON + 60 days exactly: expiring), staff 2 valid until ON
    (inclusive: valid and expiring).
    """
    organisation = OrganisationFactory(name="Riverside Test Council")
    head = member(organisation, OrganisationRole.HEAD, first_name="Hanna", last_name="Head")
    staff = [
        member(organisation, OrganisationRole.STAFF, first_name=f"Staff{n}", last_name=f"Person{n}")
        for n in range(1, 6)
    ]
    # Staff 1 is also the complaints officer.
    member(organisation, OrganisationRole.COMPLAINTS_OFFICER, user=staff[0])
    module_a = published_module(title="Customer service basics", lessons=1, questions=0)
    old_a = ModuleVersionFactory(module=module_a.module, number=0, status=VersionStatus.SUPERSEDED)
    Module.objects.filter(pk=module_a.module_id).update(completions_valid_from=1)
    module_b = published_module(title="Accessibility", lessons=1, questions=0)
    due_past, due_later = datetime.date(2026, 5, 1), datetime.date(2026, 9, 1)
    for person in [head, *staff]:
        assign(organisation, module_a, person, due=due_later if person == staff[3] else due_past)
    for person in (head, staff[0], staff[1]):
        assign(organisation, module_b, person, due=due_past)
    completion(
        staff[0],
        organisation,
        module_a,
        completed_at=at(datetime.date(2025, 3, 1)),
        expires_on=datetime.date(2027, 3, 1),
    )
    completion(
        staff[1],
        organisation,
        module_a,
        completed_at=at(datetime.date(2024, 7, 1)),
        expires_on=datetime.date(2026, 7, 1),
    )
    completion(
        staff[2],
        organisation,
        module_a,
        completed_at=at(datetime.date(2024, 6, 1)),
        expires_on=datetime.date(2026, 6, 1),
    )
    completion(
        staff[4], organisation, old_a, completed_at=at(datetime.date(2025, 2, 1)), expires_on=datetime.date(2027, 2, 1)
    )
    completion(head, organisation, module_a, completed_at=at(datetime.date(2025, 8, 10)), expires_on=None)
    completion(
        staff[0],
        organisation,
        module_b,
        completed_at=at(datetime.date(2025, 10, 1)),
        expires_on=ON + datetime.timedelta(days=60),
    )
    completion(staff[1], organisation, module_b, completed_at=at(datetime.date(2025, 1, 5)), expires_on=ON)
    return {"organisation": organisation, "head": head, "staff": staff, "a": module_a, "b": module_b, "old_a": old_a}


def test_totals_modules_and_roles(council):
    report = compliance_report(council["organisation"], on=ON)
    # A: 6 assigned, valid: staff1, staff2, head = 3. B: 3 assigned, valid: staff1, staff2 = 2.
    assert report["totals"] == {"assigned": 9, "completed": 5, "rate": 55.6, "overdue": 3, "expiring": 3, "people": 6}
    modules = {row["title"]: row for row in report["modules"]}
    assert {
        k: modules["Customer service basics"][k] for k in ("assigned", "completed", "rate", "overdue", "expiring")
    } == {"assigned": 6, "completed": 3, "rate": 50.0, "overdue": 2, "expiring": 1}
    assert {k: modules["Accessibility"][k] for k in ("assigned", "completed", "rate", "overdue", "expiring")} == {
        "assigned": 3,
        "completed": 2,
        "rate": 66.7,
        "overdue": 1,
        "expiring": 2,
    }
    roles = {row["key"]: row for row in report["roles"]}
    assert (roles["head"]["assigned"], roles["head"]["completed"]) == (2, 1)
    assert (roles["staff"]["assigned"], roles["staff"]["completed"], roles["staff"]["rate"]) == (7, 4, 57.1)
    # Staff 1 (also complaints officer): A and B, both valid.
    assert (roles["complaints_officer"]["assigned"], roles["complaints_officer"]["completed"]) == (2, 2)


def test_overdue_and_expiring_lists(council):
    report = compliance_report(council["organisation"], on=ON)
    overdue = [(row["person"], row["module"]["title"], row["days"]) for row in report["overdue"]]
    assert overdue == [
        ("Hanna Head", "Accessibility", 45),
        ("Staff3 Person3", "Customer service basics", 45),
        ("Staff5 Person5", "Customer service basics", 45),
    ]
    expiring = [(row["person"], row["module"]["title"], row["expires_on"]) for row in report["expiring"]]
    assert expiring == [
        ("Staff2 Person2", "Accessibility", ON),
        ("Staff2 Person2", "Customer service basics", datetime.date(2026, 7, 1)),
        ("Staff1 Person1", "Accessibility", datetime.date(2026, 8, 14)),
    ]


def test_trend_by_month_end(council):
    trend = compliance_report(council["organisation"], on=ON)["trend"]
    assert [point["day"] for point in trend][:2] == [datetime.date(2025, 7, 31), datetime.date(2025, 8, 31)]
    assert trend[-1]["day"] == ON
    by_day = {point["day"]: (point["assigned"], point["completed"]) for point in trend}
    # End of July 2025: A: staff1, staff2, staff3 valid (staff5's version no longer counts); B: staff2.
    assert by_day[datetime.date(2025, 7, 31)] == (9, 4)
    # August: the head completes A. October: staff1 completes B.
    assert by_day[datetime.date(2025, 8, 31)] == (9, 5)
    assert by_day[datetime.date(2025, 10, 31)] == (9, 6)
    # May 2026: staff3's A has expired on 1 June, not yet at the end of May.
    assert by_day[datetime.date(2026, 5, 31)] == (9, 6)
    assert by_day[ON] == (9, 5)


def test_a_withdrawn_or_later_assignment_does_not_count(council):
    staff4 = council["staff"][3]
    Assignment.objects.filter(user=staff4).update(withdrawn_at=at(datetime.date(2026, 3, 1)))
    late = UserFactory()
    member(council["organisation"], OrganisationRole.STAFF, user=late)
    assign(council["organisation"], council["a"], late, due=ON, created=at(datetime.date(2026, 4, 10)))
    trend = {point["day"]: point["assigned"] for point in compliance_report(council["organisation"], on=ON)["trend"]}
    assert trend[datetime.date(2026, 2, 28)] == 9
    assert trend[datetime.date(2026, 3, 31)] == 8
    assert trend[datetime.date(2026, 4, 30)] == 9


def test_completion_in_another_organisation_counts_for_the_person(council):
    elsewhere = OrganisationFactory()
    completion(
        council["staff"][3], elsewhere, council["a"], completed_at=at(datetime.date(2026, 1, 1)), expires_on=None
    )
    assert training_compliance_for(council["organisation"], on=ON)["completed"] == 6


def test_training_compliance_for_and_the_central_rates_agree(council):
    figures = training_compliance_for(council["organisation"], on=ON)
    assert (figures["assigned"], figures["completed"], figures["rate"]) == (9, 5, 55.6)
    assert [(row["title"], row["rate"]) for row in figures["modules"]] == [
        ("Accessibility", 66.7),
        ("Customer service basics", 50.0),
    ]
    empty = OrganisationFactory(name="Zz Empty Office")
    rates = organisation_rates(type(empty).objects.filter(pk__in=[empty.pk, council["organisation"].pk]), on=ON)
    assert [(row["name"], row["assigned"], row["completed"], row["rate"]) for row in rates] == [
        ("Riverside Test Council", 9, 5, 55.6),
        ("Zz Empty Office", 0, 0, None),
    ]


def test_an_organisation_without_assignments_has_no_rate():
    report = compliance_report(OrganisationFactory(), on=ON)
    assert report["totals"]["rate"] is None and report["modules"] == [] and report["overdue"] == []
    assert all(point["rate"] is None for point in report["trend"])


def _staffed(size):
    organisation = OrganisationFactory()
    version = published_module(lessons=1, questions=0)
    for n in range(size):
        person = member(organisation, OrganisationRole.STAFF)
        assign(organisation, version, person, due=datetime.date(2026, 1, 1) if n % 2 else datetime.date(2027, 1, 1))
        if n % 3 == 0:
            completion(
                person,
                organisation,
                version,
                completed_at=at(datetime.date(2025, 9, 1)),
                expires_on=datetime.date(2026, 7, 1),
            )
    return organisation


def test_query_count_does_not_grow_with_the_staff():
    counts = []
    for size in (10, 200):
        organisation = _staffed(size)
        with CaptureQueriesContext(connection) as queries:
            report = compliance_report(organisation, on=ON)
        assert report["totals"]["assigned"] == size
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 5
