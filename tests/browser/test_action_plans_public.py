"""The public charter: anyone finds it from the home page, reads it in English and in Irish, and gets the PDF."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ..action_plans.factories import published_charter
from .conftest import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def charter(cast):
    charter = published_charter(cast)
    about = charter.sections.get(kind="about")
    about.body = "We collect **taxes** and duties."
    about.body_ga = "Bailímid **cánacha** agus dleachtanna."
    about.save()
    return charter


def test_a_visitor_reads_the_charter_in_english_and_irish_and_gets_the_pdf(charter, cast, page):
    page.goto(reverse("portal:home"))
    page.get_by_role("link", name="Read a customer charter").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", level=1)).to_have_text("Customer charters")
    assert_accessible(page, "charter index")

    page.get_by_role("link", name=cast.org_a.name).click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Customer Charter: {cast.org_a.name}")
    expect(page.locator("#section-about")).to_contain_text("We collect taxes and duties.")
    expect(page.locator("table.standards-table").get_by_text("We answer letters in 20 days.")).to_be_visible()
    assert_accessible(page, "charter in English")

    pdf_link = page.get_by_role("link", name="Download the charter as a PDF (A4, for printing)")
    assert pdf_link.get_attribute("href").endswith("pdf/?lang=en")
    response = page.request.get(pdf_link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body()[:4] == b"%PDF"

    page.select_option("#language-select", "ga")
    page.locator(".language-switcher button").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "ga"
    expect(page.locator("#section-about")).to_contain_text("Bailímid cánacha agus dleachtanna.")
    complaints = page.locator("#section-complaints")
    expect(complaints).to_contain_text("Níl aon téacs Gaeilge don chuid seo")
    expect(complaints.locator('.charter-text[lang="en"]')).to_be_visible()
    assert_accessible(page, "charter in Irish")

    irish_pdf = page.locator("a.button").get_attribute("href")
    assert irish_pdf.endswith("pdf/?lang=ga")
    response = page.request.get(irish_pdf)
    assert response.status == 200 and response.body()[:4] == b"%PDF"
    assert not page.console_errors, page.console_errors


def test_an_earlier_version_says_it_was_superseded(charter, cast, page):
    published_charter(cast, number=2)

    page.goto(reverse("charters:version", kwargs={"organisation_pk": cast.org_a.pk, "number": 1}))

    expect(page.locator(".notice")).to_contain_text("Superseded by version 2.")
    assert_accessible(page, "superseded version")
    page.get_by_role("link", name="Read version 2").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".charter-meta")).to_contain_text("Version 2, published")
