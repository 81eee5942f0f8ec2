"""The published charter as an A4 PDF: tagged PDF/UA-1, in the language asked for, with Irish where given."""

import pytest
from django.urls import reverse
from django.utils import translation

from action_plans.publication.pdf import charter_pdf, charter_pdf_document, charter_pdf_html, css_string, page_counter
from tests.action_plans.factories import CharterFactory, published_charter
from tests.common.test_pdf import assert_tagged


@pytest.fixture(autouse=True)
def _english_afterwards():
    """Requests in Irish leave Irish active in this thread: the next tests start in English again."""
    yield
    translation.deactivate()


@pytest.fixture
def charter(cast):
    charter = published_charter(cast)
    about = charter.sections.get(kind="about")
    about.body_ga = "Is sinne an oifig chánach."
    about.save()
    return charter


def _pdf(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response, b"".join(response.streaming_content)


def test_the_current_charter_pdf_is_tagged_with_its_title_and_language(client, charter, cast):
    url = reverse("charters:current_pdf", kwargs={"organisation_pk": cast.org_a.pk})

    response, pdf = _pdf(client, url)

    assert pdf[:4] == b"%PDF"
    assert_tagged(pdf, title=f"Customer Charter: {cast.org_a.name}", lang="en")
    assert response["Content-Disposition"].startswith("attachment")
    assert "charter-v1-en.pdf" in response["Content-Disposition"]


def test_lang_ga_gives_the_irish_pdf_whatever_the_active_language(client, charter, cast):
    url = reverse("charters:version_pdf", kwargs={"organisation_pk": cast.org_a.pk, "number": 1})

    response, pdf = _pdf(client, f"{url}?lang=ga")

    assert_tagged(pdf, title=None, lang="ga")
    assert "charter-v1-ga.pdf" in response["Content-Disposition"]


def test_without_lang_the_pdf_follows_the_active_language_and_ignores_unknown_ones(client, charter, cast):
    url = reverse("charters:current_pdf", kwargs={"organisation_pk": cast.org_a.pk})
    client.post(reverse("set_language"), {"language": "ga", "next": "/"})

    _response, irish = _pdf(client, url)
    _response, unknown = _pdf(client, f"{url}?lang=xx")

    assert_tagged(irish, title=None, lang="ga")
    assert_tagged(unknown, title=None, lang="ga")


def test_the_pdf_html_has_cover_sections_standards_contact_and_page_numbers(charter):
    organisation = charter.organisation
    organisation.email, organisation.phone = "info@revenue.example", "01 555 0100"
    organisation.save()
    with translation.override("en"):
        html = charter_pdf_html(charter)

    assert '<section class="cover">' in html
    assert "Version 1, published" in html
    assert "We commit to Complaints." in html
    assert "We answer letters in 20 days." in html
    assert "charter-section--contact" in html
    assert "info@revenue.example" in html
    assert '"Page " counter(page) " of " counter(pages)' in html
    assert "There is no Irish text" not in html
    assert "Is sinne an oifig" not in html


def test_the_irish_pdf_uses_irish_text_and_notes_sections_without_it(charter):
    with translation.override("ga"):
        html = charter_pdf_html(charter)

    assert "Is sinne an oifig chánach." in html
    assert html.count("Níl aon téacs Gaeilge don chuid seo") == charter.sections.count() - 1


def test_the_pdf_lays_out_on_a4_pages_with_the_cover_first(charter):
    with translation.override("en"):
        document = charter_pdf_document(charter).render()

    assert len(document.pages) >= 2
    width, height = document.pages[0].width, document.pages[0].height
    assert (round(width * 25.4 / 96), round(height * 25.4 / 96)) == (210, 297)  # A4 in CSS pixels → mm


def test_charter_pdf_renders_a_superseded_version(cast, charter):
    published_charter(cast, number=2)
    charter.refresh_from_db()

    with translation.override("en"):
        html = charter_pdf_html(charter)
        pdf = charter_pdf(charter)

    assert "Superseded by version 2." in html
    assert_tagged(pdf, title=f"Customer Charter: {cast.org_a.name}", lang="en")


def test_a_draft_has_no_pdf(client, cast):
    CharterFactory(organisation=cast.org_a)
    url = reverse("charters:version_pdf", kwargs={"organisation_pk": cast.org_a.pk, "number": 1})
    assert client.get(url).status_code == 404


def test_css_strings_cannot_break_out_of_the_style_element():
    text = str(css_string('Office "A" \\ </style><script>'))
    assert text.startswith('"') and text.endswith('"')
    assert '"' not in text[1:-1] and "<" not in text and "\\\\" not in text


def test_page_counter_keeps_the_counters_in_the_translated_order():
    with translation.override("en"):
        assert str(page_counter()) == '"Page " counter(page) " of " counter(pages)'


def test_an_image_from_elsewhere_in_the_markdown_is_not_fetched_and_the_pdf_still_renders(charter, cast, client):
    about = charter.sections.get(kind="about")
    about.body = "We are here. ![Our office](https://example.com/office.png) ![Local](file:///etc/passwd)"
    about.save()
    url = reverse("charters:current_pdf", kwargs={"organisation_pk": cast.org_a.pk})

    _response, pdf = _pdf(client, url)

    assert_tagged(pdf, title=f"Customer Charter: {cast.org_a.name}", lang="en")
    assert b"/Subtype /Image" not in pdf and b"/Subtype/Image" not in pdf


def test_public_pdfs_are_rate_limited_per_address(cast, client, settings):
    settings.CHARTER_PDF_RATE = "2/m"
    charter = published_charter(cast)
    url = reverse("charters:current_pdf", args=[charter.organisation_id])
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]
