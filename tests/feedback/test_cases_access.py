"""The key security rule: who sees which case (feedback/access.py).

Conduct reports: only the head and conduct delegates, never an official of the case's service point
(even a delegate, even the head); other organisations and central roles (administrators, evaluators) 404/403.
"""

import pytest
from django.urls import reverse

from feedback.access import cases_visible_to
from feedback.models import CaseCategory, ConductDelegate
from organisations.roles import OrganisationRole
from tests.factories import member

from .factories import CaseFactory, ServicePointFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(cast):
    point = ServicePointFactory(organisation=cast.org_a, name="Dublin Port")
    other_point = ServicePointFactory(organisation=cast.org_a, name="Rosslare")
    complaint = CaseFactory(organisation=cast.org_a, service_point=point)
    conduct = CaseFactory(organisation=cast.org_a, service_point=point, category=CaseCategory.CONDUCT)
    conduct_elsewhere = CaseFactory(organisation=cast.org_a, service_point=other_point, category=CaseCategory.CONDUCT)
    conduct_no_point = CaseFactory(organisation=cast.org_a, category=CaseCategory.CONDUCT)
    case_b = CaseFactory(organisation=cast.org_b)
    return {
        "point": point,
        "complaint": complaint,
        "conduct": conduct,
        "conduct_elsewhere": conduct_elsewhere,
        "conduct_no_point": conduct_no_point,
        "case_b": case_b,
    }


def visible(user, organisation):
    return set(cases_visible_to(user, organisation))


def test_head_sees_every_case(cast, setting):
    assert visible(cast.head_a, cast.org_a) == {
        setting["complaint"],
        setting["conduct"],
        setting["conduct_elsewhere"],
        setting["conduct_no_point"],
    }


def test_complaints_officer_sees_no_conduct_report(cast, setting):
    assert visible(cast.complaints_a, cast.org_a) == {setting["complaint"]}


@pytest.mark.parametrize(
    "role", ["rep_a", "staff_a", "rep_b", "evaluator", "evaluator_a", "evaluator_b", "lead", "admin"]
)
def test_others_see_no_case_of_a(cast, setting, role):
    assert visible(cast.user(role), cast.org_a) == set()


def test_a_delegate_sees_conduct_reports_but_never_of_their_own_service_point(cast, setting):
    ConductDelegate.objects.create(organisation=cast.org_a, user=cast.staff_a)
    assert visible(cast.staff_a, cast.org_a) == {
        setting["conduct"],
        setting["conduct_elsewhere"],
        setting["conduct_no_point"],
    }
    setting["point"].officials.add(cast.staff_a)
    assert visible(cast.staff_a, cast.org_a) == {setting["conduct_elsewhere"], setting["conduct_no_point"]}


def test_a_complaints_officer_delegate_working_at_the_point_never_sees_its_conduct_report(cast, setting):
    ConductDelegate.objects.create(organisation=cast.org_a, user=cast.complaints_a)
    setting["point"].officials.add(cast.complaints_a)
    seen = visible(cast.complaints_a, cast.org_a)
    assert setting["conduct"] not in seen
    assert {setting["complaint"], setting["conduct_elsewhere"]} <= seen


def test_even_the_head_never_sees_a_conduct_report_about_their_own_service_point(cast, setting):
    setting["point"].officials.add(cast.head_a)
    assert setting["conduct"] not in visible(cast.head_a, cast.org_a)
    assert setting["complaint"] in visible(cast.head_a, cast.org_a)


def test_a_delegate_of_another_organisation_sees_nothing_of_a(cast, setting):
    ConductDelegate.objects.create(organisation=cast.org_a, user=cast.rep_b)  # not a member of A
    assert visible(cast.rep_b, cast.org_a) == set()


def test_an_official_who_is_not_a_handler_sees_nothing(cast, setting):
    official = member(cast.org_a, OrganisationRole.STAFF, email="official@example.org")
    setting["point"].officials.add(official)
    assert visible(official, cast.org_a) == set()


def _detail(case):
    return reverse("workspace:feedback:case_detail", kwargs={"organisation_pk": case.organisation_id, "pk": case.pk})


def test_conduct_report_page_is_404_for_the_service_points_official_even_delegated(cast, setting, client):
    ConductDelegate.objects.create(organisation=cast.org_a, user=cast.complaints_a)
    setting["point"].officials.add(cast.complaints_a)
    client.force_login(cast.complaints_a)
    assert client.get(_detail(setting["conduct"])).status_code == 404
    assert client.get(_detail(setting["conduct_elsewhere"])).status_code == 200
    response = client.get(reverse("workspace:feedback:case_list", kwargs={"organisation_pk": cast.org_a.pk}))
    assert setting["conduct"].reference not in response.text
    assert setting["conduct_elsewhere"].reference in response.text
    # Actions on it are 404 too, and nothing changes.
    url = reverse(
        "workspace:feedback:case_acknowledge", kwargs={"organisation_pk": cast.org_a.pk, "pk": setting["conduct"].pk}
    )
    assert client.post(url).status_code == 404
    setting["conduct"].refresh_from_db()
    assert setting["conduct"].state == "received"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("head_a", 200),
        ("complaints_a", 404),
        ("staff_a", 403),
        ("rep_a", 403),
        ("admin", 403),
        ("lead", 403),
        ("evaluator_a", 403),
        ("rep_b", 404),
        ("evaluator_b", 404),
    ],
)
def test_conduct_report_page_per_role(cast, setting, client, role, status):
    client.force_login(cast.user(role))
    assert client.get(_detail(setting["conduct"])).status_code == status


def test_another_organisations_case_is_404_whatever_the_url_names(cast, setting, client):
    client.force_login(cast.head_a)
    url = reverse(
        "workspace:feedback:case_detail", kwargs={"organisation_pk": cast.org_a.pk, "pk": setting["case_b"].pk}
    )
    assert client.get(url).status_code == 404
    assert client.get(_detail(setting["case_b"])).status_code == 404


def test_delegates_see_conduct_reports_in_the_inbox(cast, setting, client):
    ConductDelegate.objects.create(organisation=cast.org_a, user=cast.staff_a)
    client.force_login(cast.staff_a)
    response = client.get(reverse("workspace:feedback:case_list", kwargs={"organisation_pk": cast.org_a.pk}))
    assert response.status_code == 200
    assert setting["conduct"].reference in response.text
    assert setting["complaint"].reference not in response.text
