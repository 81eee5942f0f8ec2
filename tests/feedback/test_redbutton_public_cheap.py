"""The report form's GET is cheap (one query, fragments shared per language) and still right for each visitor:
its own CSRF token and return path, its language, its sign-in state, and a deactivated point answers 404 at once."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from feedback.services.points import point_deactivate
from organisations.roles import OrganisationRole
from tests.factories import OrganisationFactory, member

from .factories import ServicePointFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def point():
    return ServicePointFactory(organisation=OrganisationFactory(name="Customs Test Office"), name="Dublin Port")


def report_url(point):
    return reverse("public_feedback:report", kwargs={"code": point.code})


def csrf_tokens(html):
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))


def test_one_query_and_the_form_works_without_javascript(client, point, django_assert_num_queries):
    client.get(report_url(point))  # fills the shared fragments
    with django_assert_num_queries(1):
        response = client.get(report_url(point))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dublin Port · Customs Test Office" in html
    assert 'name="description"' in html and 'name="category"' in html and "<script" not in html


def test_each_visitor_gets_a_token_of_their_own_and_their_return_path(client, point):
    other_point = ServicePointFactory(organisation=point.organisation, name="Rosslare")
    first = client.get(report_url(point))
    second = Client().get(report_url(other_point) + "?from=poster")
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert csrf_tokens(first.content.decode()).isdisjoint(csrf_tokens(second.content.decode()))
    assert f'name="next" type="hidden" value="{report_url(point)}"' in first.content.decode()
    assert f'name="next" type="hidden" value="{report_url(other_point)}?from=poster"' in second.content.decode()


def test_a_report_is_still_accepted_with_the_token_from_the_page(point):
    browser = Client(enforce_csrf_checks=True)
    token = csrf_tokens(browser.get(report_url(point)).content.decode()).pop()
    data = {"category": "complaint", "description": "Long queue.", "identity": "anonymous"}
    response = browser.post(report_url(point), {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 200 and 'id="receipt"' in response.content.decode()
    assert browser.post(report_url(point), data).status_code == 403


def test_a_deactivated_point_answers_404_at_once(client, point):
    head = member(point.organisation, OrganisationRole.HEAD)
    assert client.get(report_url(point)).status_code == 200
    point_deactivate(actor=head, point=point)
    response = client.get(report_url(point))
    assert response.status_code == 404 and "does not take reports" in response.content.decode()


def test_language_and_sign_in_are_never_mixed_up(client, point):
    english = client.get(report_url(point)).content.decode()
    client.cookies["django_language"] = "ga"
    irish = client.get(report_url(point)).content.decode()
    assert "Sign in" in english and '<option value="en" lang="en" selected>' in english
    assert "Sínigh isteach" in irish and '<option value="ga" lang="ga" selected>' in irish
    assert "Sign in" not in irish and "What kind of report is this?" not in irish
    client.force_login(member(point.organisation, OrganisationRole.STAFF))
    signed_in = client.get(report_url(point)).content.decode()
    assert "Sínigh amach" in signed_in and "Sínigh isteach" not in signed_in
