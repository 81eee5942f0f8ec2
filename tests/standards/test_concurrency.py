"""Two people creating the same thing at the same moment: the database constraint picks one winner.

The race tests need PostgreSQL (each thread holds its own connection and transaction; SQLite
serialises writers, so there is no race to test there). Both threads pass the sequential check
before either inserts (a Barrier inside the check), so the constraint is what decides every run.
The savepoint tests run everywhere: they skip the sequential check to reach the constraint directly.
"""

import threading

import pytest
from django.test import Client
from django.urls import reverse

from common.errors import ServiceError
from organisations.models import AuditEvent
from standards.models import Frequency, MetricReturn, ServiceStandard
from standards.periods import period_bounds
from standards.services import definitions, returns
from tests.races import BARRIER_TIMEOUT_S, needs_postgresql, run_together

from .factories import quarter_period, standard_with_target
from .test_definitions import definition


def _definition(code):
    return definition(code=code)


def _race(monkeypatch, module, check_name, calls):
    """Run the calls in two threads that both pass `module.check_name` before either writes.

    Returns (results, errors): what each call returned or the ServiceError it raised; any other
    exception (an IntegrityError that escaped, say) fails the test.
    """
    barrier = threading.Barrier(len(calls), timeout=BARRIER_TIMEOUT_S)
    original = getattr(module, check_name)

    def check_then_wait(*args, **kwargs):
        original(*args, **kwargs)
        barrier.wait()

    monkeypatch.setattr(module, check_name, check_then_wait)
    return run_together(calls)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_returns_for_a_period_give_one_winner_and_one_message(cast, monkeypatch):
    standard_with_target(cast.org_a)
    period = quarter_period(2025, 1)
    call = lambda: returns.return_create(actor=cast.rep_a, organisation=cast.org_a, period=period)  # noqa: E731

    results, errors = _race(monkeypatch, returns, "_check_no_return", [call, call])

    assert len(results) == 1 and len(errors) == 1
    assert errors[0].message == "There is already a return for 2025-Q1. Open it from the list of returns."
    assert errors[0].field == "period"
    assert MetricReturn.objects.filter(organisation=cast.org_a, period=period).count() == 1
    assert AuditEvent.objects.filter(verb="metric_return.create").count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("codes", [("CS-1", "CS-1"), ("CS-1", "cs-1")])
def test_two_simultaneous_standards_with_one_code_give_one_winner_and_one_message(cast, monkeypatch, codes):
    calls = [
        lambda code=code: definitions.standard_create(actor=cast.rep_a, organisation=cast.org_a, **_definition(code))
        for code in codes
    ]

    results, errors = _race(monkeypatch, definitions, "_check_code_free", calls)

    assert len(results) == 1 and len(errors) == 1
    assert errors[0].message.startswith("Revenue Test Office already has a standard with the code ")
    assert errors[0].field == "code"
    assert ServiceStandard.objects.filter(organisation=cast.org_a).count() == 1
    assert AuditEvent.objects.filter(verb="standard.create").count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_posts_of_the_return_form_give_no_server_error(cast, monkeypatch):
    standard_with_target(cast.org_a)
    period = quarter_period(2025, 1)
    url = reverse("workspace:standards:return_create", kwargs={"organisation_pk": cast.org_a.pk})
    offered = period_bounds(Frequency.QUARTERLY, period.start)

    def offer_only_2025_q1(form, standards, taken_labels):
        """Offer the period as if no return existed yet, as both forms were when they were opened."""
        form.offered = {offered.label: offered}
        return [(offered.label, offered.label)]

    monkeypatch.setattr("standards.forms.returns.ReturnCreateForm.period_choices", offer_only_2025_q1)

    def post():
        client = Client()
        client.force_login(cast.rep_a)
        return client.post(url, {"period": period.label})

    responses, errors = _race(monkeypatch, returns, "_check_no_return", [post, post])

    assert not errors
    assert sorted(response.status_code for response in responses) == [200, 302]
    (refused,) = [response for response in responses if response.status_code == 200]
    assert "There is already a return for 2025-Q1" in refused.content.decode()
    assert MetricReturn.objects.filter(organisation=cast.org_a, period=period).count() == 1


def test_a_code_clash_the_check_missed_gets_the_same_message_and_keeps_the_transaction(cast, monkeypatch):
    definitions.standard_create(actor=cast.rep_a, organisation=cast.org_a, **_definition("CS-1"))
    monkeypatch.setattr(definitions, "_check_code_free", lambda *args: None)

    with pytest.raises(ServiceError, match="already has a standard with the code cs-1") as refused:
        definitions.standard_create(actor=cast.rep_a, organisation=cast.org_a, **_definition("cs-1"))

    assert refused.value.field == "code"
    assert list(ServiceStandard.objects.values_list("code", flat=True)) == ["CS-1"]


def test_a_code_clash_on_rename_the_check_missed_gets_the_same_message(cast, monkeypatch):
    definitions.standard_create(actor=cast.rep_a, organisation=cast.org_a, **_definition("CS-1"))
    other = definitions.standard_create(actor=cast.rep_a, organisation=cast.org_a, **_definition("CS-2"))
    monkeypatch.setattr(definitions, "_check_code_free", lambda *args: None)

    with pytest.raises(ServiceError, match="already has a standard with the code cs-1"):
        definitions.standard_update(actor=cast.rep_a, standard=other, code="cs-1")

    assert sorted(ServiceStandard.objects.values_list("code", flat=True)) == ["CS-1", "CS-2"]


def test_a_return_the_check_missed_gets_the_same_message(cast, monkeypatch):
    standard_with_target(cast.org_a)
    period = quarter_period(2025, 1)
    returns.return_create(actor=cast.rep_a, organisation=cast.org_a, period=period)
    monkeypatch.setattr(returns, "_check_no_return", lambda *args: None)

    with pytest.raises(ServiceError, match="There is already a return for 2025-Q1") as refused:
        returns.return_create(actor=cast.rep_a, organisation=cast.org_a, period=period)

    assert refused.value.field == "period"
    assert MetricReturn.objects.count() == 1
