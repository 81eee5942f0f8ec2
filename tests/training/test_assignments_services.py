"""Assignment rules and individual assignments: at once for current members, on joining, never twice."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from common.errors import ServiceError
from organisations.models import AuditEvent, Membership
from organisations.roles import OrganisationRole
from organisations.services import member_add, membership_change_role
from training.models import Assignment, AssignmentRule, DueKind
from training.services.assignments import (
    assignment_create,
    assignment_withdraw,
    rule_create,
    rule_deactivate,
)

from ..factories import UserFactory, member
from .factories import AssignmentFactory, ModuleFactory, assignable_module, published_module

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def live(organisation, module):
    return Assignment.objects.filter(organisation=organisation, module=module, withdrawn_at__isnull=True)


def test_a_rule_for_a_role_assigns_the_current_holders_at_once(cast):
    module = assignable_module(cast.org_a)
    rule = rule_create(
        actor=cast.head_a, organisation=cast.org_a, module=module, role=OrganisationRole.STAFF, due_days=30
    )
    assert rule.assigned_now == 1
    assignment = live(cast.org_a, module).get()
    assert (assignment.user, assignment.rule, assignment.due_date) == (cast.staff_a, rule, days(30))
    event = AuditEvent.objects.get(verb="training.rule.create")
    assert event.after["assigned"] == 1 and event.organisation == cast.org_a


def test_a_rule_for_every_member_assigns_each_person_once(cast):
    member(cast.org_a, OrganisationRole.STAFF, user=cast.head_a)  # two roles, one assignment
    module = assignable_module(cast.org_a, shared=True)
    rule_create(actor=cast.head_a, organisation=cast.org_a, module=module, due_kind=DueKind.FIXED, due_date=days(10))
    people = set(live(cast.org_a, module).values_list("user__email", flat=True))
    assert people == {"rep.a@example.org", "head.a@example.org", "staff.a@example.org", "complaints.a@example.org"}
    assert set(live(cast.org_a, module).values_list("due_date", flat=True)) == {days(10)}


def test_people_who_have_the_module_to_do_already_are_not_assigned_twice(cast):
    module = assignable_module(cast.org_a)
    AssignmentFactory(organisation=cast.org_a, module=module, user=cast.staff_a, due_date=days(3))
    rule = rule_create(actor=cast.head_a, organisation=cast.org_a, module=module, due_days=30)
    assert rule.assigned_now == 3
    assert live(cast.org_a, module).get(user=cast.staff_a).due_date == days(3)


def test_a_withdrawn_assignment_does_not_stop_a_new_one(cast):
    module = assignable_module(cast.org_a)
    AssignmentFactory(
        organisation=cast.org_a, module=module, user=cast.staff_a, withdrawn_at=timezone.now(), due_date=days(-5)
    )
    rule_create(actor=cast.head_a, organisation=cast.org_a, module=module, role=OrganisationRole.STAFF, due_days=7)
    assert live(cast.org_a, module).get().due_date == days(7)
    assert Assignment.objects.filter(user=cast.staff_a, module=module).count() == 2


def test_new_members_get_the_rules_for_new_members(cast):
    module = assignable_module(cast.org_a)
    other = assignable_module(cast.org_a)
    closed = assignable_module(cast.org_a)
    rule_create(actor=cast.head_a, organisation=cast.org_a, module=module, role=OrganisationRole.STAFF, due_days=14)
    rule_create(actor=cast.head_a, organisation=cast.org_a, module=other, due_days=60)
    rule_create(actor=cast.head_a, organisation=cast.org_a, module=closed, due_days=5, applies_to_new_members=False)
    membership = member_add(
        actor=cast.head_a, organisation=cast.org_a, email="new.starter@example.org", role=OrganisationRole.STAFF
    )
    mine = {a.module: a.due_date for a in Assignment.objects.filter(user=membership.user)}
    assert mine == {module: days(14), other: days(60)}


def test_joining_a_role_without_rules_assigns_nothing_and_costs_one_query(cast):
    assignable_module(cast.org_a)
    person = UserFactory()
    membership = Membership.objects.create(user=person, organisation=cast.org_a, role=OrganisationRole.STAFF)
    from training.services.assignments import assignments_on_joining

    with CaptureQueriesContext(connection) as queries:
        assert assignments_on_joining(membership=membership, actor=cast.head_a) == 0
    assert len(queries) == 1


def test_a_new_role_is_joining_that_roles_rules(cast):
    module = assignable_module(cast.org_a)
    rule_create(
        actor=cast.head_a, organisation=cast.org_a, module=module, role=OrganisationRole.COMPLAINTS_OFFICER, due_days=9
    )
    membership = Membership.objects.get(user=cast.staff_a, organisation=cast.org_a)
    membership_change_role(actor=cast.admin, membership=membership, role=OrganisationRole.COMPLAINTS_OFFICER)
    assert live(cast.org_a, module).filter(user=cast.staff_a).exists()


def test_a_fixed_date_in_the_past_is_never_earlier_than_joining(cast):
    module = assignable_module(cast.org_a)
    rule = rule_create(
        actor=cast.head_a, organisation=cast.org_a, module=module, due_kind=DueKind.FIXED, due_date=days(0)
    )
    AssignmentRule.objects.filter(pk=rule.pk).update(due_date=days(-30))  # the campaign's date has passed
    membership = member_add(
        actor=cast.head_a, organisation=cast.org_a, email="late@example.org", role=OrganisationRole.STAFF
    )
    assert Assignment.objects.get(user=membership.user).due_date == days(0)


def test_a_deactivated_rule_assigns_nobody_new_and_may_withdraw_its_open_assignments(cast):
    module = assignable_module(cast.org_a)
    rule = rule_create(actor=cast.head_a, organisation=cast.org_a, module=module, due_days=30)
    assert rule_deactivate(actor=cast.head_a, rule=rule) == 0
    assert live(cast.org_a, module).count() == 4
    membership = member_add(
        actor=cast.head_a, organisation=cast.org_a, email="after@example.org", role=OrganisationRole.STAFF
    )
    assert not Assignment.objects.filter(user=membership.user).exists()
    with pytest.raises(ServiceError):
        rule_deactivate(actor=cast.head_a, rule=rule)

    second = rule_create(actor=cast.head_a, organisation=cast.org_a, module=module, due_days=30)
    assert second.assigned_now == 1  # only the newcomer
    assert rule_deactivate(actor=cast.head_a, rule=second, withdraw_open=True) == 1
    assert Assignment.objects.filter(rule=second).get().withdrawn_at is not None
    assert live(cast.org_a, module).count() == 4  # the first rule's assignments stay


@pytest.mark.parametrize(
    "values, field",
    [
        ({"due_days": None}, "due_days"),
        ({"due_days": 0}, "due_days"),
        ({"due_kind": DueKind.FIXED, "due_date": None}, "due_date"),
        ({"due_kind": DueKind.FIXED, "due_date": "yesterday"}, "due_date"),
        ({"role": "janitor"}, "role"),
        ({"due_kind": "sometime"}, "due_kind"),
    ],
)
def test_bad_rules_are_refused_and_change_nothing(cast, values, field):
    if values.get("due_date") == "yesterday":
        values["due_date"] = days(-1)
    module = assignable_module(cast.org_a)
    arguments = {"due_days": 30, **values}
    with pytest.raises(ServiceError) as refused:
        rule_create(actor=cast.head_a, organisation=cast.org_a, module=module, **arguments)
    assert refused.value.field == field
    assert not AssignmentRule.objects.exists() and not Assignment.objects.exists()


def test_only_own_or_adopted_published_modules_may_be_assigned(cast):
    not_adopted = published_module(None).module
    of_b = assignable_module(cast.org_b)
    draft = ModuleFactory(organisation=cast.org_a)  # no published version
    for module in (not_adopted, of_b, draft):
        with pytest.raises(ServiceError) as refused:
            rule_create(actor=cast.head_a, organisation=cast.org_a, module=module, due_days=30)
        assert refused.value.field == "module"
    assert not Assignment.objects.exists()


def test_the_same_rule_twice_is_refused(cast):
    module = assignable_module(cast.org_a)
    rule_create(actor=cast.head_a, organisation=cast.org_a, module=module, due_days=30)
    with pytest.raises(ServiceError):
        rule_create(actor=cast.head_a, organisation=cast.org_a, module=module, due_days=60)
    assert AssignmentRule.objects.count() == 1


def test_a_rule_for_thousands_of_staff_uses_a_fixed_number_of_queries(cast):
    module = assignable_module(cast.org_a)
    people = UserFactory.build_batch(300)
    from organisations.models import User

    User.objects.bulk_create(people)
    users = User.objects.filter(email__in=[person.email for person in people])
    Membership.objects.bulk_create(
        [Membership(user=user, organisation=cast.org_a, role=OrganisationRole.STAFF) for user in users]
    )
    with CaptureQueriesContext(connection) as queries:
        rule = rule_create(
            actor=cast.head_a, organisation=cast.org_a, module=module, role=OrganisationRole.STAFF, due_days=30
        )
    assert rule.assigned_now == 301
    assert len(queries) < 20


def test_individual_assignment_and_withdrawal(cast):
    module = assignable_module(cast.org_a)
    assignment = assignment_create(
        actor=cast.head_a, organisation=cast.org_a, user=cast.staff_a, module=module, due_date=days(20)
    )
    with pytest.raises(ServiceError) as twice:
        assignment_create(
            actor=cast.head_a, organisation=cast.org_a, user=cast.staff_a, module=module, due_date=days(21)
        )
    assert twice.value.field == "module"
    assignment_withdraw(actor=cast.head_a, assignment=assignment)
    assignment.refresh_from_db()
    assert assignment.withdrawn_at is not None
    with pytest.raises(ServiceError):
        assignment_withdraw(actor=cast.head_a, assignment=assignment)
    verbs = list(AuditEvent.objects.filter(verb__startswith="training.assignment").values_list("verb", flat=True))
    assert sorted(verbs) == ["training.assignment.create", "training.assignment.withdraw"]
    again = assignment_create(
        actor=cast.head_a, organisation=cast.org_a, user=cast.staff_a, module=module, due_date=days(21)
    )
    assert again.pk != assignment.pk and Assignment.objects.filter(user=cast.staff_a).count() == 2


def test_individual_assignment_refuses_outsiders_and_past_dates(cast):
    module = assignable_module(cast.org_a)
    with pytest.raises(ServiceError) as outsider:
        assignment_create(actor=cast.head_a, organisation=cast.org_a, user=cast.rep_b, module=module, due_date=days(5))
    assert outsider.value.field == "email"
    with pytest.raises(ServiceError) as past:
        assignment_create(
            actor=cast.head_a, organisation=cast.org_a, user=cast.staff_a, module=module, due_date=days(-1)
        )
    assert past.value.field == "due_date"
    assert not Assignment.objects.exists()
