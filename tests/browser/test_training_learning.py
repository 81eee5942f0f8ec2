"""A staff member takes a module on a phone and on a desktop: start, leave, resume, fail the quiz once, pass,
download the certificate and open its verification page, with axe on every page."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from training.models import Completion

from ..training.factories import AssignmentFactory
from ..training.learning_support import adopted_module
from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
OVERFLOWS = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"
LESSON = "## What the public can expect\n\nWe answer **courteously** and on time.\n\n- Listen\n- Explain\n- Follow up"


def check(page, context):
    assert_accessible(page, context)
    assert not page.evaluate(OVERFLOWS), f"{context}: the page scrolls sideways"


def click(page, role, name):
    page.get_by_role(role, name=name, exact=True).click()
    page.wait_for_load_state("networkidle")


def answer_every_question(page, questions, right):
    """Question n's right answer is 'Answer n.1' (tests/training/factories.py)."""
    for number in range(1, questions + 1):
        page.get_by_label(f"Answer {number}.{1 if right else 2}", exact=True).check()
    click(page, "button", "Send my answers")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_start_leave_resume_fail_pass_and_verify(cast, page, viewport, tmp_path):
    version = adopted_module(cast.org_a, lessons=3, questions=4, pass_mark=75, max_attempts=3, title="Customer care")
    for lesson in version.lessons.all():
        lesson.body = LESSON
        lesson.save()
    AssignmentFactory(
        organisation=cast.org_a,
        module=version.module,
        user=cast.staff_a,
        due_date=timezone.localdate() + datetime.timedelta(days=14),
    )
    page.set_viewport_size(VIEWPORTS[viewport])
    log_in(page, cast.staff_a)

    # My training lists the module to do; the person starts it and reads the first lesson.
    page.goto(reverse("workspace:training:index"))
    expect(page.get_by_role("heading", name="To do (1)")).to_be_visible()
    check(page, "My training")
    click(page, "link", "Start Customer care")
    expect(page.locator("body")).to_contain_text("Lesson 1 of 3")
    check(page, "lesson 1")
    click(page, "button", "Next lesson")
    expect(page.locator("body")).to_contain_text("Lesson 2 of 3")

    # They leave, and come back to where they were.
    page.goto(reverse("workspace:training:index"))
    expect(page.locator("body")).to_contain_text("1 of 3 lessons read")
    check(page, "My training, in progress")
    click(page, "link", "Continue Customer care")
    expect(page.locator("body")).to_contain_text("Lesson 2 of 3")
    click(page, "button", "Next lesson")
    check(page, "the last lesson")
    click(page, "button", "Go to the quiz")
    check(page, "the quiz page")

    # The first attempt fails; the result says so, with feedback, and offers another try.
    click(page, "button", "Start the quiz")
    check(page, "an attempt")
    answer_every_question(page, 4, right=False)
    expect(page.locator("body")).to_contain_text("You did not pass this time.")
    check(page, "a failed result")

    # The second attempt passes.
    click(page, "button", "Try again")
    answer_every_question(page, 4, right=True)
    expect(page.locator("body")).to_contain_text("You passed.")
    check(page, "a passed result")

    # The certificate downloads as a PDF.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the certificate (PDF)").click()
    saved = tmp_path / "certificate.pdf"
    download_info.value.save_as(saved)
    assert Path(saved).read_bytes().startswith(b"%PDF")

    # The QR code leads to the public verification page.
    code = Completion.objects.get(user=cast.staff_a).certificate.code
    page.goto(reverse("certificates:verify", kwargs={"code": code}))
    expect(page.locator("body")).to_contain_text("This certificate is genuine and valid.")
    expect(page.locator("body")).to_contain_text(cast.staff_a.get_full_name())
    check(page, "the verification page")
    click(page, "link", "Verify another certificate")
    check(page, "the verification form")
    page.get_by_label("Verification code").fill(code.lower())
    click(page, "button", "Verify")
    expect(page.locator("body")).to_contain_text("This certificate is genuine and valid.")

    page.goto(reverse("workspace:training:index"))
    expect(page.get_by_role("heading", name="Done (1)")).to_be_visible()
    check(page, "My training, done")
