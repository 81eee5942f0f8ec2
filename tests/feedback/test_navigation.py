"""The Feedback index and the case inbox link to the feedback pages each person may open, and to no other."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def pages_url(name, cast):
    return reverse(f"workspace:feedback:{name}", kwargs={"organisation_pk": cast.org_a.pk})


def test_a_representative_finds_service_points_surveys_and_figures_on_the_index(cast, client_for):
    response = client_for("rep_a").get(reverse("workspace:feedback:index"))
    assert response.status_code == 200
    content = response.content.decode()
    for name in ("point_list", "survey_list", "figure_list"):
        assert pages_url(name, cast) in content
    assert pages_url("case_list", cast) not in content


def test_the_head_lands_on_the_inbox_which_links_their_other_pages(cast, client_for):
    client = client_for("head_a")
    response = client.get(reverse("workspace:feedback:index"))
    assert response.status_code == 302 and response["Location"] == pages_url("case_list", cast)
    content = client.get(pages_url("case_list", cast)).content.decode()
    assert pages_url("point_list", cast) in content and pages_url("survey_list", cast) in content
    assert pages_url("figure_list", cast) not in content


def test_a_complaints_officer_sees_only_the_inbox(cast, client_for):
    content = client_for("complaints_a").get(pages_url("case_list", cast)).content.decode()
    for name in ("point_list", "survey_list", "figure_list"):
        assert pages_url(name, cast) not in content
