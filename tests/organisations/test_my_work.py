"""'My work' is the person's to-do list: each role sees exactly its items, at a constant query count."""

import datetime
import re

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from organisations.services import evaluator_assign
from organisations.todo import SOURCES, TodoItem, register, todo_for
from standards.models import Frequency, ReturnState
from standards.periods import period_bounds, period_store
from standards.todo import return_due

from ..factories import OrganisationFactory, member
from ..standards.factories import MetricReturnFactory, ServiceStandardFactory, quarter_period

URL = reverse("workspace:my_work:index")
SUBMITTED_AT = timezone.make_aware(datetime.datetime(2026, 1, 10, 12))


def _open_return(organisation, period, state, **fields):
    return MetricReturnFactory(organisation=organisation, period=period, state=state, **fields)


@pytest.fixture
def work(cast):
    """Quarterly standards in A and B; returns in every open state; the evaluator assigned to A."""
    for organisation in (cast.org_a, cast.org_b):
        ServiceStandardFactory(organisation=organisation)
    evaluator_assign(actor=cast.admin, organisation=cast.org_a, evaluator=cast.evaluator)
    return {
        "a_draft": _open_return(cast.org_a, quarter_period(2025, 3), ReturnState.DRAFT),
        "a_queried": _open_return(cast.org_a, quarter_period(2025, 2), ReturnState.QUERIED),
        "a_submitted": _open_return(
            cast.org_a, quarter_period(2025, 1), ReturnState.SUBMITTED, submitted_at=SUBMITTED_AT
        ),
        "b_draft": _open_return(cast.org_b, quarter_period(2025, 3), ReturnState.DRAFT),
        "b_submitted": _open_return(
            cast.org_b, quarter_period(2025, 1), ReturnState.SUBMITTED, submitted_at=SUBMITTED_AT
        ),
        "a_accepted": _open_return(cast.org_a, quarter_period(2024, 4), ReturnState.ACCEPTED, is_current=True),
    }


def _detail(metric_return):
    return reverse(
        "workspace:standards:return_detail",
        kwargs={"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk},
    )


def _create(organisation):
    return reverse("workspace:standards:return_create", kwargs={"organisation_pk": organisation.pk})


def _links(client):
    content = client.get(URL).content.decode()
    todo = content.split('id="todo-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'href="([^"]+)"', todo), todo


@pytest.mark.parametrize(
    "role, expected",
    [
        ("rep_a", lambda cast, w: [_create(cast.org_a), _detail(w["a_draft"]), _detail(w["a_queried"])]),
        ("rep_b", lambda cast, w: [_create(cast.org_b), _detail(w["b_draft"])]),
        ("head_a", lambda cast, w: []),
        ("staff_a", lambda cast, w: []),
        ("evaluator", lambda cast, w: [_detail(w["a_submitted"])]),
        ("lead", lambda cast, w: sorted([_detail(w["a_submitted"]), _detail(w["b_submitted"])])),
        ("admin", lambda cast, w: []),
    ],
)
def test_each_role_sees_exactly_its_items_newest_first(cast, work, client_for, role, expected):
    links, _ = _links(client_for(role))

    if role == "lead":
        links = sorted(links)  # same due date: order between the two is by title, equal here
    assert links == expected(cast, work)


def test_items_show_kind_period_organisation_and_due_date(cast, work, client_for):
    _, rep_todo = _links(client_for("rep_a"))
    current = period_bounds(Frequency.QUARTERLY, timezone.localdate())

    assert "Return to fill in: Return for 2025-Q3" in rep_todo
    assert "Question to answer: Return for 2025-Q2" in rep_todo
    assert f"Return to open: Return for {current.label}" in rep_todo
    assert cast.org_a.name in rep_todo and cast.org_b.name not in rep_todo
    assert f'datetime="{return_due(datetime.date(2025, 9, 30)).isoformat()}"' in rep_todo
    assert rep_todo.count("Overdue") == 2  # the 2025 returns; the current period's is not due yet
    _, review_todo = _links(client_for("evaluator"))
    assert "Return to review: Return for 2025-Q1" in review_todo
    assert 'datetime="2026-01-24"' in review_todo  # two weeks after submission


def test_an_opened_current_return_is_not_offered_again(cast, work, client_for):
    current = period_store(period_bounds(Frequency.QUARTERLY, timezone.localdate()))
    opened = _open_return(cast.org_a, current, ReturnState.DRAFT)

    links, _ = _links(client_for("rep_a"))

    assert _create(cast.org_a) not in links and _detail(opened) in links


def test_no_return_to_open_without_a_standard_in_force(cast, client_for):
    ServiceStandardFactory(organisation=cast.org_a, applies_to=datetime.date(2024, 12, 31))

    links, todo = _links(client_for("rep_a"))

    assert links == []
    assert "Nothing to do right now" in todo


def test_empty_state_text(cast, client_for):
    _, todo = _links(client_for("head_a"))

    assert "Nothing to do right now: no return is waiting for you." in todo
    assert "<table" not in todo


def _queries(client):
    reset_queries()  # a request clears the query log, so the capture must start from an empty one
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("role", ["rep_a", "evaluator", "lead"])
def test_query_count_does_not_grow_with_the_work(cast, work, client_for, role):
    client = client_for(role)
    client.get(URL)
    before = _queries(client)
    for _ in range(4):
        organisation = OrganisationFactory()
        member(organisation, user=cast.rep_a)
        evaluator_assign(actor=cast.admin, organisation=organisation, evaluator=cast.evaluator)
        ServiceStandardFactory(organisation=organisation)
        ServiceStandardFactory(organisation=organisation, frequency=Frequency.MONTHLY)
        for quarter, state in ((1, ReturnState.SUBMITTED), (2, ReturnState.QUERIED), (3, ReturnState.DRAFT)):
            _open_return(organisation, quarter_period(2024, quarter), state, submitted_at=SUBMITTED_AT)

    after = _queries(client)

    assert 0 < len(after) == len(before)


def test_an_app_adds_its_items_through_the_registry(cast, monkeypatch):
    monkeypatch.setattr("organisations.todo.SOURCES", list(SOURCES))
    item = TodoItem(kind="Training", title="Module 1", organisation="Org", due=datetime.date(2099, 1, 1), url="/x/")

    @register
    def training(user):
        return [item]

    register(training)  # registering twice adds it once

    assert todo_for(cast.staff_a) == [item]
