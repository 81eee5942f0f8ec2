"""Segregation of duties: nobody reviews, assigns reviewers to or decides on an organisation they belong to."""

import pytest
from django.urls import reverse

from common.errors import ServiceError
from organisations import roles
from organisations.access import may_review, organisation_permissions, organisations_for_user
from organisations.models import EvaluatorAssignment
from organisations.roles import CentralRole, OrganisationRole
from organisations.services import evaluator_assign, evaluators
from standards.models import ReturnState
from tests.standards.factories import MetricReturnFactory

from ..factories import central, member


def fresh(user):
    user.__dict__.pop("_organisation_permissions", None)
    user.__dict__.pop("_member_of", None)
    return user


def return_url(name, metric_return):
    kwargs = {"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk}
    return reverse(f"workspace:standards:{name}", kwargs=kwargs)


@pytest.fixture
def lead_in_a(cast):
    """A lead evaluator (review rights everywhere) who is also on the staff of organisation A."""
    lead = central(CentralRole.LEAD_EVALUATOR, email="lead.in.a@example.org")
    return member(cast.org_a, OrganisationRole.STAFF, user=lead)


def test_may_review_is_false_only_for_members(cast, lead_in_a):
    assert may_review(cast.lead, cast.org_a) and may_review(cast.evaluator, cast.org_a)
    assert not may_review(lead_in_a, cast.org_a)
    assert may_review(lead_in_a, cast.org_b)
    assert not may_review(cast.head_a, cast.org_a)


def test_reviewing_permissions_are_dropped_on_own_organisation(cast, lead_in_a):
    own = organisation_permissions(lead_in_a, cast.org_a)
    assert roles.VIEW in own and not own & roles.REVIEW_PERMISSIONS
    assert organisation_permissions(lead_in_a, cast.org_b) >= roles.REVIEW_PERMISSIONS
    assert list(organisations_for_user(lead_in_a, roles.REVIEW_RETURNS)) == [cast.org_b]


@pytest.mark.parametrize("name", ["return_accept", "return_query"])
def test_member_who_is_lead_evaluator_cannot_review_own_return(cast, client, lead_in_a, name):
    metric_return = MetricReturnFactory(organisation=cast.org_a, state=ReturnState.SUBMITTED)
    client.force_login(lead_in_a)
    response = client.post(return_url(name, metric_return), {"question": "Why?"})
    assert response.status_code == 403
    assert "You belong to" in response.content.decode()
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.SUBMITTED


def test_review_actions_are_hidden_from_a_member_reviewer(cast, client, lead_in_a):
    own = MetricReturnFactory(organisation=cast.org_a, state=ReturnState.SUBMITTED)
    other = MetricReturnFactory(organisation=cast.org_b, state=ReturnState.SUBMITTED)
    client.force_login(lead_in_a)
    assert client.get(return_url("return_detail", own)).context["can_review"] is False
    assert client.get(return_url("return_detail", other)).context["can_review"] is True
    queue = client.get(reverse("workspace:standards:index")).context["queue"]
    assert list(queue) == [other]


def test_administrator_who_is_a_member_cannot_review_that_organisation(cast, client):
    member(cast.org_a, OrganisationRole.HEAD, user=cast.admin)
    metric_return = MetricReturnFactory(organisation=cast.org_a, state=ReturnState.SUBMITTED)
    client.force_login(cast.admin)
    assert client.post(return_url("return_accept", metric_return)).status_code == 403
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.SUBMITTED


def test_assignment_of_a_member_is_refused_and_changes_nothing(cast):
    evaluator = member(cast.org_a, OrganisationRole.STAFF, user=cast.evaluator)
    with pytest.raises(ServiceError, match="belongs to"):
        evaluator_assign(actor=cast.lead, organisation=cast.org_a, evaluator=evaluator)
    assert not EvaluatorAssignment.objects.filter(evaluator=evaluator).exists()
    assert not organisation_permissions(fresh(evaluator), cast.org_a) & roles.REVIEW_PERMISSIONS


def test_assign_form_does_not_offer_members_and_refuses_a_forged_choice(cast, client_for):
    member(cast.org_a, OrganisationRole.STAFF, user=cast.evaluator)
    outsider = central(CentralRole.EVALUATOR, email="outside@example.org")
    assert set(evaluators(organisation=cast.org_a)) == {outsider, cast.lead, cast.evaluator_a, cast.evaluator_b}
    assert cast.evaluator in evaluators(organisation=cast.org_b)
    url = reverse("workspace:organisations:evaluator_assign", kwargs={"organisation_pk": cast.org_a.pk})
    client = client_for("lead")
    offered = client.get(url).context["form"].fields["evaluator"].queryset
    assert cast.evaluator not in offered and outsider in offered
    response = client.post(url, {"evaluator": cast.evaluator.pk})
    assert response.status_code == 200 and response.context["form"].errors["evaluator"]
    assert not EvaluatorAssignment.objects.filter(evaluator=cast.evaluator).exists()


def test_assigned_evaluator_who_joins_the_organisation_stops_reviewing_it(cast, client):
    evaluator_assign(actor=cast.lead, organisation=cast.org_a, evaluator=cast.evaluator)
    metric_return = MetricReturnFactory(organisation=cast.org_a, state=ReturnState.SUBMITTED)
    member(cast.org_a, OrganisationRole.STAFF, user=cast.evaluator)
    client.force_login(cast.evaluator)
    assert client.post(return_url("return_accept", metric_return)).status_code == 403
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.SUBMITTED
