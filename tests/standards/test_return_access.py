"""Who sees which return: drafts are the organisation's own; reviewers see what was submitted, queried or replaced."""

import pytest
from django.urls import reverse

from organisations.services import evaluator_assign
from standards.models import ReturnState

from .factories import MetricReturnFactory, quarter_period


def return_url(name, metric_return):
    kwargs = {"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk}
    return reverse(f"workspace:standards:{name}", kwargs=kwargs)


def list_url(organisation):
    return reverse("workspace:standards:return_list", kwargs={"organisation_pk": organisation.pk})


@pytest.fixture
def returns(cast):
    """One return of A in each state; the superseded and the correction share a period."""
    evaluator_assign(actor=cast.lead, organisation=cast.org_a, evaluator=cast.evaluator)
    made = {}
    for number, state in enumerate([ReturnState.DRAFT, ReturnState.SUBMITTED, ReturnState.QUERIED], start=1):
        made[state] = MetricReturnFactory(organisation=cast.org_a, period=quarter_period(2025, number), state=state)
    period = quarter_period(2025, 4)
    made[ReturnState.SUPERSEDED] = MetricReturnFactory(
        organisation=cast.org_a, period=period, state=ReturnState.SUPERSEDED, version=1, is_current=False
    )
    made[ReturnState.ACCEPTED] = MetricReturnFactory(
        organisation=cast.org_a, period=period, state=ReturnState.ACCEPTED, version=2
    )
    made["correction"] = MetricReturnFactory(
        organisation=cast.org_a, period=period, state=ReturnState.DRAFT, version=3, is_current=False
    )
    return made


@pytest.mark.parametrize("role", ["evaluator", "lead"])
def test_reviewers_get_404_on_drafts_and_see_everything_else(cast, client_for, returns, role):
    client = client_for(role)
    for key, metric_return in returns.items():
        expected = 404 if metric_return.state == ReturnState.DRAFT else 200
        assert client.get(return_url("return_detail", metric_return)).status_code == expected, key
    listed = set(client.get(list_url(cast.org_a)).context["returns"])
    assert listed == {returns[state] for state in ("submitted", "queried", "accepted", "superseded")}


@pytest.mark.parametrize("role", ["rep_a", "staff_a", "admin"])
def test_the_organisation_and_administrators_see_drafts(cast, client_for, returns, role):
    client = client_for(role)
    assert client.get(return_url("return_detail", returns[ReturnState.DRAFT])).status_code == 200
    assert set(client.get(list_url(cast.org_a)).context["returns"]) == set(returns.values())


def test_reviewer_version_history_leaves_out_a_correction_in_draft(cast, client_for, returns):
    page = client_for("evaluator").get(return_url("return_detail", returns[ReturnState.ACCEPTED]))
    assert [version.version for version in page.context["versions"]] == [2, 1]
    page = client_for("rep_a").get(return_url("return_detail", returns[ReturnState.ACCEPTED]))
    assert [version.version for version in page.context["versions"]] == [3, 2, 1]
