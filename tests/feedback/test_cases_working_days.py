"""Working days: Irish public holidays from the `holidays` package, weekends and closure days."""

import datetime

import pytest

from feedback.models import CaseCategory, CaseDeadline, ClosureDay
from feedback.working_days import (
    add_working_days,
    deadlines_for,
    is_working_day,
    public_holidays,
    working_days_between,
)
from tests.factories import OrganisationFactory

D = datetime.date


def test_irish_holidays_come_from_the_package():
    days = public_holidays([2026])
    assert D(2026, 3, 17) in days  # St Patrick's Day
    assert D(2026, 2, 2) in days  # St Brigid's Day, the February bank holiday
    assert D(2026, 12, 25) in days and D(2026, 12, 26) in days  # Christmas, St Stephen's Day
    assert D(2026, 3, 18) not in days


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2026, 3, 9), 3, D(2026, 3, 12)),  # Monday + 3 = Thursday
        (D(2026, 3, 13), 3, D(2026, 3, 19)),  # Friday: Mon 16, (Tue 17 St Patrick's), Wed 18, Thu 19
        (D(2026, 3, 14), 3, D(2026, 3, 20)),  # Saturday: from Monday; Wed 18, Thu 19, Fri 20
        (D(2026, 1, 29), 3, D(2026, 2, 4)),  # Thu: Fri 30, (Mon 2 Feb bank holiday), Tue 3, Wed 4
        (D(2026, 12, 23), 3, D(2026, 12, 29)),  # Christmas Day (Fri), St Stephen's (Sat), weekend
        (D(2026, 3, 2), 20, D(2026, 3, 31)),  # 20 working days over St Patrick's Day
    ],
)
def test_add_working_days(db, start, days, expected):
    assert add_working_days(None, start, days) == expected


def test_closure_days_of_the_organisation_are_not_working_days(db):
    organisation = OrganisationFactory()
    other = OrganisationFactory()
    ClosureDay.objects.create(organisation=organisation, day=D(2026, 3, 10), reason="Office move")
    assert add_working_days(organisation, D(2026, 3, 9), 3) == D(2026, 3, 13)
    assert add_working_days(other, D(2026, 3, 9), 3) == D(2026, 3, 12)
    assert not is_working_day(organisation, D(2026, 3, 10))
    assert is_working_day(other, D(2026, 3, 10))
    assert not is_working_day(other, D(2026, 3, 17))
    assert not is_working_day(other, D(2026, 3, 14))


def test_working_days_between(db):
    assert working_days_between(None, D(2026, 3, 13), D(2026, 3, 20)) == 4  # Fri, Mon, Wed, Thu
    assert working_days_between(None, D(2026, 3, 20), D(2026, 3, 13)) == -4


def test_deadlines_default_to_3_and_20_working_days(db):
    organisation = OrganisationFactory()
    assert deadlines_for(organisation, CaseCategory.COMPLAINT, D(2026, 3, 13)) == (
        D(2026, 3, 19),
        D(2026, 4, 14),
    )  # Easter Monday 6 April


def test_deadlines_per_organisation_and_category(db):
    organisation = OrganisationFactory()
    CaseDeadline.objects.create(
        organisation=organisation, category=CaseCategory.CONDUCT, acknowledge_days=1, resolve_days=5
    )
    assert deadlines_for(organisation, CaseCategory.CONDUCT, D(2026, 3, 16)) == (D(2026, 3, 18), D(2026, 3, 24))
    assert deadlines_for(organisation, CaseCategory.COMPLAINT, D(2026, 3, 16))[0] == D(2026, 3, 20)
