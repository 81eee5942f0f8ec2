"""The public charter pages: no log-in, only published (and superseded) versions, the visitor's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from action_plans.models import DocumentState
from organisations.models import Organisation
from tests.action_plans.factories import (
    CharterFactory,
    complete_charter,
    publish_through_lifecycle,
    published_charter,
)
from tests.standards.factories import ServiceStandardFactory, StandardTargetFactory, current_value, quarter_period


@pytest.fixture(autouse=True)
def _english_afterwards():
    """Requests in Irish leave Irish active in this thread: the next tests start in English again."""
    yield
    translation.deactivate()


def _current(organisation_pk):
    return reverse("charters:current", kwargs={"organisation_pk": organisation_pk})


def _version(organisation_pk, number):
    return reverse("charters:version", kwargs={"organisation_pk": organisation_pk, "number": number})


@pytest.fixture
def charter(cast):
    return published_charter(cast)


def test_anyone_reads_the_published_charter_without_logging_in(client, charter, cast):
    response = client.get(_current(cast.org_a.pk))

    assert response.status_code == 200
    text = response.content.decode()
    assert f"Customer Charter: {cast.org_a.name}" in text
    assert "Version 1, published" in text
    assert "We commit to Complaints." in text  # a principle section
    assert "We answer letters in 20 days." in text  # the standard's plain-language wording
    assert "Download the charter as a PDF" in text


def test_the_index_lists_only_organisations_with_a_published_charter(client, charter, cast):
    CharterFactory(organisation=cast.org_b)  # a draft only
    inactive = Organisation.objects.create(name="Closed Office", sector=cast.org_a.sector, is_active=False)
    CharterFactory(organisation=inactive, state=DocumentState.PUBLISHED)

    response = client.get(reverse("charters:index"))

    text = response.content.decode()
    assert cast.org_a.name in text and _current(cast.org_a.pk) in text
    assert cast.org_b.name not in text and "Closed Office" not in text


def test_the_home_page_links_the_charters(client):
    response = client.get(reverse("portal:home"))
    assert reverse("charters:index") in response.content.decode()


@pytest.mark.parametrize("state", [s for s in DocumentState.values if s not in ("published", "superseded")])
def test_unpublished_versions_are_not_found_whatever_the_number(client, cast, state):
    CharterFactory(organisation=cast.org_a, number=1, state=state)

    assert client.get(_current(cast.org_a.pk)).status_code == 404
    assert client.get(_version(cast.org_a.pk, 1)).status_code == 404
    pdf = reverse("charters:version_pdf", kwargs={"organisation_pk": cast.org_a.pk, "number": 1})
    assert client.get(pdf).status_code == 404


def test_forged_numbers_and_organisations_are_not_found(client, charter, cast):
    complete_charter(cast.org_a, number=2)  # the next version, still a draft

    assert client.get(_version(cast.org_a.pk, 2)).status_code == 404  # the draft
    assert client.get(_version(cast.org_a.pk, 99)).status_code == 404
    assert client.get(_version(cast.org_b.pk, 1)).status_code == 404  # another organisation's number
    assert client.get(_current(999_999)).status_code == 404
    assert client.get(f"/charters/{cast.org_a.pk}/versions/abc/").status_code == 404


def test_a_superseded_version_says_which_version_replaced_it(client, charter, cast):
    published_charter(cast, number=2)

    old = client.get(_version(cast.org_a.pk, 1)).content.decode()
    new = client.get(_current(cast.org_a.pk)).content.decode()

    assert "Superseded by version 2." in old and _version(cast.org_a.pk, 2) in old
    assert "Version 2, published" in new and "Superseded" not in new
    assert _version(cast.org_a.pk, 1) in new  # the list of versions


def test_posting_is_refused(client, charter, cast):
    assert client.post(_current(cast.org_a.pk)).status_code == 405
    assert client.post(reverse("charters:index")).status_code == 405


def test_markdown_is_rendered_and_sanitised(client, charter, cast):
    section = charter.sections.get(kind="about")
    section.body = "**Bold** <script>alert(1)</script> [link](javascript:alert(2)) <img src=x onerror=alert(3)>"
    section.save()

    text = client.get(_current(cast.org_a.pk)).content.decode()

    assert "<strong>Bold</strong>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # shown as text, never run
    assert "<script>alert" not in text and 'href="javascript:' not in text and "<img" not in text


def test_a_section_not_applicable_shows_its_reason(client, cast):
    charter = complete_charter(cast.org_a)
    section = charter.sections.get(principle="internal")
    section.body, section.not_applicable, section.not_applicable_reason = "", True, "We have no internal customers."
    section.save()
    publish_through_lifecycle(charter, cast)

    text = client.get(_current(cast.org_a.pk)).content.decode()

    assert "Not applicable:" in text and "We have no internal customers." in text


def _in_irish(client):
    client.post(reverse("set_language"), {"language": "ga", "next": "/"})
    return client


def test_the_page_follows_the_language_switcher_with_irish_where_given(client, charter, cast):
    about = charter.sections.get(kind="about")
    about.body_ga = "Is sinne an oifig."
    about.save()
    standard = charter.standards.get()
    standard.wording_ga = "Freagraímid litreacha laistigh de 20 lá."
    standard.save()

    english = client.get(_current(cast.org_a.pk)).content.decode()
    irish = _in_irish(client).get(_current(cast.org_a.pk)).content.decode()

    assert "Is sinne an oifig." not in english and "There is no Irish text" not in english
    assert '<html lang="ga">' in irish
    assert "Is sinne an oifig." in irish and "We commit to Who we are" not in irish
    assert "Freagraímid litreacha laistigh de 20 lá." in irish
    # every other section has no Irish text: shown in English, marked as English, with a note
    assert irish.count("Níl aon téacs Gaeilge don chuid seo") == charter.sections.count() - 1
    assert '<div class="charter-text" lang="en"><p>We commit to Complaints.</p>' in irish
    assert f"{_current(cast.org_a.pk)}pdf/?lang=ga" in irish  # the PDF link asks for the visitor's language


def test_standards_show_their_latest_accepted_result_and_status(client, cast):
    standard = ServiceStandardFactory(organisation=cast.org_a, code="CALL1")
    StandardTargetFactory(standard=standard)  # 80%
    current_value(standard, quarter_period(2025, 1), numerator=90, denominator=100)
    current_value(standard, quarter_period(2025, 2), numerator=70, denominator=100)
    draft = complete_charter(cast.org_a, standard=standard)
    publish_through_lifecycle(draft, cast)

    text = client.get(_current(cast.org_a.pk)).content.decode()

    assert "70.0%" in text and "2025-Q2" in text and "Missed" in text
    assert "80.0%" in text  # the target


def test_a_standard_without_results_says_no_data(client, charter, cast):
    text = client.get(_current(cast.org_a.pk)).content.decode()
    assert "No data" in text
