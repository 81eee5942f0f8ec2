"""A representative drafts a charter; the checklist blocks an incomplete submission; the head signs it off; an
evaluator requests changes on a section; the representative revises and resubmits; it is approved and published."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from action_plans.models import Charter, CharterStandard, DocumentState
from tests.action_plans.factories import ConsultationFactory
from tests.standards.factories import ServiceStandardFactory

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def click(page, name, within=None):
    (within or page).get_by_role("button", name=name).click()
    page.wait_for_load_state("networkidle")


def open_charter(page, charter):
    page.goto(reverse("workspace:action_plans:charter_detail", args=[charter.organisation_id, charter.pk]))


def complete_the_rest(charter):
    """What the representative would type into the other sections, a standard and a consultation."""
    for section in charter.sections.filter(body=""):
        section.body = f"We commit to {section}."
        section.save()
    standard = ServiceStandardFactory(organisation=charter.organisation, code="LETTERS")
    CharterStandard.objects.create(charter=charter, standard=standard, position=1, wording="We answer in 20 days.")
    ConsultationFactory(organisation=charter.organisation)


def test_charter_drafting_review_and_publication(cast, page):
    # The representative starts the charter and drafts a few sections, with a live preview.
    log_in(page, cast.rep_a)
    page.goto(reverse("workspace:action_plans:index"))
    assert_accessible(page, "charters and plans")
    page.get_by_role("link", name=f"{cast.org_a.name} — charters").click()
    assert_accessible(page, "charter list")
    click(page, "Start the charter")
    expect(page.locator("body")).to_contain_text("Version 1 of the charter started.")
    assert_accessible(page, "charter editing page")
    about = page.locator("#section-about")
    about.get_by_label("Text (Markdown)").fill("We **collect** taxes and duties for the State.")
    expect(about.locator(".charter-preview strong")).to_have_text("collect")  # the live preview
    click(page, "Save this section", within=about)
    expect(page.locator("body")).to_contain_text("saved.")
    feedback = page.locator("#section-feedback")
    feedback.get_by_label("Text (Markdown)").fill("Tell us what you think at any counter.")
    click(page, "Save this section", within=feedback)
    principle = page.locator("#section-principle-languages")
    principle.get_by_label("This principle does not apply to us").check()
    click(page, "Save this section", within=principle)
    expect(page.locator("body")).to_contain_text("Say why this principle does not apply.")
    assert_accessible(page, "section with an error")
    principle = page.locator("#section-principle-languages")
    principle.get_by_label("Why it does not apply").fill("We serve one office where both languages are offered.")
    click(page, "Save this section", within=principle)

    # Submitting an incomplete charter lists exactly what is missing, each item linking to its section.
    click(page, "Submit for review")
    blocked = page.locator("#blocked")
    expect(blocked).to_contain_text("This cannot go forward until it is complete")
    link = blocked.get_by_role("link", name="Describe how to make a complaint.")
    assert link.get_attribute("href") == "#section-complaints"
    assert_accessible(page, "blocked submission")
    charter = Charter.objects.get(organisation=cast.org_a)
    assert charter.state == DocumentState.DRAFT

    # The rest is completed; the head of organisation signs it off.
    complete_the_rest(charter)
    log_in(page, cast.head_a)
    open_charter(page, charter)
    assert_accessible(page, "charter for sign-off")
    click(page, "Sign off the charter")
    expect(page.locator("body")).to_contain_text("Charter signed off.")

    log_in(page, cast.rep_a)
    open_charter(page, charter)
    click(page, "Submit for review")
    expect(page.locator("body")).to_contain_text("Charter submitted.")

    # The assigned evaluator finds it in the queue and requests a change to the complaints section.
    log_in(page, cast.evaluator_a)
    page.goto(reverse("workspace:action_plans:index"))
    assert_accessible(page, "review queue")
    page.get_by_role("link", name=f"Review — charter of {cast.org_a.name}").click()
    assert_accessible(page, "charter under review")
    page.get_by_role("link", name="Request changes").click()
    assert_accessible(page, "request changes")
    page.get_by_label("Comment on “How to complain”").fill("Say how long a complaint takes to answer.")
    click(page, "Send the comments")
    expect(page.locator("body")).to_contain_text("Changes requested.")

    # The representative sees the comment beside the section, revises it and submits again.
    log_in(page, cast.rep_a)
    open_charter(page, charter)
    complaints = page.locator("#section-complaints")
    expect(complaints.locator(".charter-comments")).to_contain_text("Say how long a complaint takes to answer.")
    assert_accessible(page, "charter with review comments")
    complaints.get_by_label("Text (Markdown)").fill("Write to the complaints officer. We answer within 15 days.")
    click(page, "Save this section", within=complaints)
    click(page, "Submit for review")
    expect(page.locator("body")).to_contain_text("Charter submitted.")

    log_in(page, cast.evaluator_a)
    open_charter(page, charter)
    click(page, "Approve the charter")
    expect(page.locator("body")).to_contain_text("Charter approved.")

    log_in(page, cast.rep_a)
    open_charter(page, charter)
    click(page, "Publish the charter")
    expect(page.locator("body")).to_contain_text("Charter published.")
    expect(page.get_by_role("button", name="Save this section")).to_have_count(0)
    assert_accessible(page, "published charter")
    charter.refresh_from_db()
    assert charter.state == DocumentState.PUBLISHED


PAGE_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_the_charter_pages_fit_a_phone(cast, page):
    from tests.action_plans.factories import complete_charter

    from .test_workspace_phone import CELLS_OFF_SCREEN, PHONE

    charter = complete_charter(cast.org_a)
    page.set_viewport_size(PHONE)
    log_in(page, cast.rep_a)
    for url in (
        reverse("workspace:action_plans:index"),
        reverse("workspace:action_plans:charter_list", args=[cast.org_a.pk]),
        reverse("workspace:action_plans:charter_detail", args=[cast.org_a.pk, charter.pk]),
    ):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(PAGE_OVERFLOW) <= 1, url
        assert page.evaluate(CELLS_OFF_SCREEN) == [], url
        assert_accessible(page, f"phone: {url}")
