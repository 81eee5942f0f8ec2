"""The assignment pages as the head: forms, filters, forged ids, double submits."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from organisations.roles import OrganisationRole
from training.models import Assignment, AssignmentRule
from training.services.assignments import rule_create

from ..factories import UserFactory, member
from .factories import AssignmentFactory, assignable_module, completion

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def url(name, cast, **kwargs):
    return reverse(f"workspace:training:{name}", kwargs={"organisation_pk": cast.org_a.pk, **kwargs})


def test_the_head_creates_a_rule_from_the_form(client_for, cast):
    module = assignable_module(cast.org_a, shared=True, title="Quality customer service basics")
    client = client_for("head_a")
    page = client.get(url("rule_create", cast))
    assert "Quality customer service basics (shared)" in page.content.decode()
    response = client.post(
        url("rule_create", cast),
        {
            "module": module.pk,
            "role": "staff",
            "due_kind": "after_joining",
            "due_days": "30",
            "applies_to_new_members": "on",
        },
        follow=True,
    )
    assert "assigned to 1 people now" in response.content.decode()
    rule = AssignmentRule.objects.get()
    assert (rule.role, rule.due_days, rule.applies_to_new_members) == ("staff", 30, True)
    listing = client.get(url("rule_list", cast)).content.decode()
    assert "Quality customer service basics" in listing and "30 days after joining" in listing


def test_a_rule_form_with_problems_keeps_what_was_typed(client_for, cast):
    module = assignable_module(cast.org_a)
    other = assignable_module(cast.org_b)
    client = client_for("head_a")
    missing = client.post(url("rule_create", cast), {"module": module.pk, "due_kind": "fixed", "due_days": "12"})
    assert missing.status_code == 200 and "due_date" in missing.context["form"].errors
    assert missing.context["form"]["due_days"].value() == "12"
    forged = client.post(url("rule_create", cast), {"module": other.pk, "due_kind": "after_joining", "due_days": "5"})
    assert "module" in forged.context["form"].errors
    nonsense = client.post(url("rule_create", cast), {"module": "abc", "due_kind": "x", "due_days": "-3"})
    assert set(nonsense.context["form"].errors) >= {"module", "due_kind", "due_days"}
    assert not AssignmentRule.objects.exists()


def test_a_rule_of_another_organisation_is_not_found(client_for, cast):
    rule = rule_create(actor=cast.admin, organisation=cast.org_b, module=assignable_module(cast.org_b), due_days=9)
    response = client_for("head_a").post(url("rule_deactivate", cast, pk=rule.pk))
    assert response.status_code == 404
    rule.refresh_from_db()
    assert rule.is_active


def test_deactivating_twice_says_so(client_for, cast):
    rule = rule_create(actor=cast.head_a, organisation=cast.org_a, module=assignable_module(cast.org_a), due_days=9)
    client = client_for("head_a")
    first = client.post(url("rule_deactivate", cast, pk=rule.pk), {"withdraw_open": "on"}, follow=True)
    assert "4 open assignments were withdrawn" in first.content.decode()
    second = client.post(url("rule_deactivate", cast, pk=rule.pk), {"withdraw_open": "on"}, follow=True)
    assert "no longer active" in second.content.decode()
    assert Assignment.objects.filter(withdrawn_at__isnull=False).count() == 4


def test_the_head_assigns_one_person_by_email(client_for, cast):
    module = assignable_module(cast.org_a)
    client = client_for("head_a")
    done = client.post(
        url("assignment_create", cast), {"email": "STAFF.A@example.org", "module": module.pk, "due_date": days(10)}
    )
    assert done.status_code == 302
    assert Assignment.objects.get().user == cast.staff_a
    twice = client.post(
        url("assignment_create", cast), {"email": "staff.a@example.org", "module": module.pk, "due_date": days(11)}
    )
    assert "already has this module" in str(twice.context["form"].errors["module"])
    outsider = client.post(
        url("assignment_create", cast), {"email": "rep.b@example.org", "module": module.pk, "due_date": days(11)}
    )
    assert "member of the organisation" in str(outsider.context["form"].errors["email"])
    assert Assignment.objects.count() == 1


def test_withdrawing_twice_and_forged_ids(client_for, cast):
    assignment = AssignmentFactory(organisation=cast.org_a, module=assignable_module(cast.org_a), user=cast.staff_a)
    of_b = AssignmentFactory(organisation=cast.org_b, module=assignable_module(cast.org_b), user=cast.rep_b)
    client = client_for("head_a")
    assert client.get(url("assignment_withdraw", cast, pk=assignment.pk)).status_code == 200
    assert client.post(url("assignment_withdraw", cast, pk=assignment.pk)).status_code == 302
    again = client.post(url("assignment_withdraw", cast, pk=assignment.pk), follow=True)
    assert "already withdrawn" in again.content.decode()
    assert client.post(url("assignment_withdraw", cast, pk=of_b.pk)).status_code == 404
    of_b.refresh_from_db()
    assert of_b.withdrawn_at is None


def test_the_assignment_list_filters_by_status(client_for, cast):
    module = assignable_module(cast.org_a)
    overdue = AssignmentFactory(organisation=cast.org_a, module=module, user=cast.staff_a, due_date=days(-1))
    due = AssignmentFactory(organisation=cast.org_a, module=module, user=cast.rep_a, due_date=days(5))
    done = AssignmentFactory(organisation=cast.org_a, module=module, user=cast.head_a, due_date=days(-9))
    completion(cast.head_a, cast.org_a, module.versions.get(), expires_on=days(400))
    expiring = AssignmentFactory(organisation=cast.org_a, module=module, user=cast.complaints_a, due_date=days(-9))
    completion(cast.complaints_a, cast.org_a, module.versions.get(), expires_on=days(20))
    withdrawn = AssignmentFactory(
        organisation=cast.org_a, module=module, user=UserFactory(), withdrawn_at=timezone.now(), due_date=days(-3)
    )
    client = client_for("head_a")

    def listed(**query):
        return {a.pk: a.status for a in client.get(url("assignment_list", cast), query).context["page"]}

    assert listed() == {overdue.pk: "overdue", due.pk: "due", done.pk: "done", expiring.pk: "expiring"}
    assert listed(status="overdue") == {overdue.pk: "overdue"}
    assert listed(status="due") == {due.pk: "due"}
    assert set(listed(status="done")) == {done.pk, expiring.pk}
    assert listed(status="expiring") == {expiring.pk: "expiring"}
    assert listed(status="withdrawn") == {withdrawn.pk: "withdrawn"}
    assert listed(q="staff.a") == {overdue.pk: "overdue"}
    assert listed(status="nonsense") == listed()


def test_the_assignment_list_costs_the_same_for_more_people(client_for, cast):
    module = assignable_module(cast.org_a)
    client = client_for("head_a")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("assignment_list", cast)).status_code == 200
        return len(captured)

    AssignmentFactory(organisation=cast.org_a, module=module, user=cast.staff_a)
    few = queries()
    for _ in range(10):
        person = member(cast.org_a, OrganisationRole.STAFF)
        AssignmentFactory(organisation=cast.org_a, module=module, user=person)
    assert queries() == few


def test_the_organisation_page_links_heads_to_training(client_for, cast):
    detail = reverse("workspace:organisations:detail", kwargs={"organisation_pk": cast.org_a.pk})
    assert url("rule_list", cast) in client_for("head_a").get(detail).content.decode()
    assert url("rule_list", cast) not in client_for("staff_a").get(detail).content.decode()
