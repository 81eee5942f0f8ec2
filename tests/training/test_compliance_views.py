"""The compliance page, its XLSX export and the evaluation unit's overview, as each role."""

import datetime
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from organisations.roles import OrganisationRole
from tests.factories import OrganisationFactory, member

from .factories import AssignmentFactory, completion, published_module

pytestmark = pytest.mark.django_db


def _url(name, organisation):
    return reverse(f"workspace:training:{name}", kwargs={"organisation_pk": organisation.pk})


def _staff_with_training(organisation, version, count, *, done_every=3, **names):
    """`count` staff assigned the module: every `done_every`-th has a valid completion expiring in 30 days,
    the others are overdue (due 10 days ago)."""
    today = timezone.localdate()
    people = []
    for n in range(count):
        person = member(organisation, OrganisationRole.STAFF, **{k: f"{v}{n}" for k, v in names.items()})
        AssignmentFactory(
            organisation=organisation, module=version.module, user=person, due_date=today - datetime.timedelta(10)
        )
        if n % done_every == 0:
            completion(person, organisation, version, expires_on=today + datetime.timedelta(days=30))
        people.append(person)
    return people


@pytest.fixture
def training_a(cast):
    version = published_module(title="Customer service basics", title_ga="Bunús na seirbhíse", lessons=1, questions=0)
    _staff_with_training(cast.org_a, version, 6, first_name="Worker", last_name="Number")
    return version


@pytest.mark.parametrize("role", ["head_a", "rep_a", "evaluator_a", "lead", "admin"])
def test_readers_see_the_figures(client_for, cast, training_a, role):
    response = client_for(role).get(_url("compliance", cast.org_a))
    assert response.status_code == 200
    content = response.content.decode()
    report = response.context["report"]
    assert (report["totals"]["assigned"], report["totals"]["completed"], report["totals"]["rate"]) == (6, 2, 33.3)
    assert "Customer service basics" in content and "Worker1 Number1" in content
    assert 'role="img"' in content and "33.3%" in content


@pytest.mark.parametrize(
    ("role", "status"),
    [("staff_a", 403), ("complaints_a", 403), ("rep_b", 404), ("evaluator_b", 404), ("evaluator", 404)],
)
def test_others_are_refused(client_for, cast, training_a, role, status):
    assert client_for(role).get(_url("compliance", cast.org_a)).status_code == status
    assert client_for(role).get(_url("compliance_xlsx", cast.org_a)).status_code == status


def test_anonymous_is_sent_to_log_in(client_for, cast):
    response = client_for("anonymous").get(_url("compliance", cast.org_a))
    assert response.status_code == 302 and "login" in response["Location"]


def test_module_title_in_irish(client_for, cast, training_a):
    client = client_for("head_a")
    client.cookies["django_language"] = "ga"
    response = client.get(_url("compliance", cast.org_a), HTTP_ACCEPT_LANGUAGE="ga")
    assert "Bunús na seirbhíse" in response.content.decode()


def test_lists_are_paginated_and_keep_each_others_page(client_for, cast):
    version = published_module(lessons=1, questions=0)
    _staff_with_training(cast.org_a, version, 60, done_every=2)  # 30 overdue, 30 expiring soon
    client = client_for("head_a")
    first = client.get(_url("compliance", cast.org_a))
    assert len(first.context["overdue_page"].object_list) == 25
    second = client.get(_url("compliance", cast.org_a), {"overdue": 2, "expiring": 2})
    assert len(second.context["overdue_page"].object_list) == 5
    assert len(second.context["expiring_page"].object_list) == 5
    assert "expiring=2" in second.context["overdue_page"].previous_link
    assert client.get(_url("compliance", cast.org_a), {"overdue": "nonsense"}).status_code == 200


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_staff(client, django_assert_max_num_queries):
    small, large = OrganisationFactory(), OrganisationFactory()
    head_small = member(small, OrganisationRole.HEAD)
    head_large = member(large, OrganisationRole.HEAD)
    version = published_module(lessons=1, questions=0)
    _staff_with_training(small, version, 10)
    _staff_with_training(large, version, 200)
    client.force_login(head_small)
    small_count = _count_queries(client, _url("compliance", small))
    client.force_login(head_large)
    client.get(_url("compliance", large))
    with django_assert_max_num_queries(small_count):
        response = client.get(_url("compliance", large))
    assert response.context["report"]["totals"]["assigned"] == 200


def test_xlsx_export_is_formula_safe(client_for, cast, training_a):
    person = member(cast.org_a, OrganisationRole.STAFF, first_name='=HYPERLINK("http://x")', last_name="")
    AssignmentFactory(
        organisation=cast.org_a, module=training_a.module, user=person, due_date=datetime.date(2020, 1, 1)
    )
    response = client_for("head_a").get(_url("compliance_xlsx", cast.org_a))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["By module", "By role", "Trend", "Overdue", "Expiring soon"]
    modules = list(workbook["By module"].iter_rows(min_row=4, values_only=True))
    assert modules == [(training_a.module.code, "Customer service basics", 7, 2, 28.6, 5, 2)]
    people = [row[0] for row in workbook["Overdue"].iter_rows(min_row=4, values_only=True)]
    assert '\'=HYPERLINK("http://x")' in people
    assert all(cell.data_type != "f" for row in workbook["Overdue"].iter_rows() for cell in row)
    assert len(list(workbook["Trend"].iter_rows(min_row=4))) == 12


def test_overview_lists_the_organisations_each_reader_may_see(client_for, cast, training_a):
    response = client_for("evaluator_a").get(reverse("workspace:training:compliance_overview"))
    assert [(row["name"], row["rate"]) for row in response.context["page"]] == [(cast.org_a.name, 33.3)]
    lead = client_for("lead").get(reverse("workspace:training:compliance_overview"))
    names = [row["name"] for row in lead.context["page"]]
    assert cast.org_a.name in names and cast.org_b.name in names
    assert (
        client_for("evaluator").get(reverse("workspace:training:compliance_overview")).context["page"].paginator.count
        == 0
    )
    assert client_for("head_a").get(reverse("workspace:training:compliance_overview")).status_code == 403


def test_pages_refuse_post(client_for, cast):
    assert client_for("head_a").post(_url("compliance", cast.org_a)).status_code == 405


@pytest.mark.parametrize(("role", "linked"), [("head_a", True), ("rep_a", True), ("staff_a", False)])
def test_the_organisation_page_links_to_the_figures_for_those_who_may_read_them(client_for, cast, role, linked):
    page = client_for(role).get(reverse("workspace:organisations:detail", kwargs={"organisation_pk": cast.org_a.pk}))
    assert (_url("compliance", cast.org_a) in page.content.decode()) is linked
