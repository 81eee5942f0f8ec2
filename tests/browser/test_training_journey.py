"""The whole training journey in the browser, on a phone and on a desktop, with axe on every page visited.

An administrator authors a shared module (two lessons, a two-question quiz) and publishes it; the head of
organisation A adopts it and creates an assignment rule for staff; a staff member starts the module, leaves,
resumes, fails the quiz once, passes, downloads the certificate and verifies it; the head sees the compliance
rate go from 0% to 100%.
"""

from contextlib import contextmanager
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from training.models import Assignment, Completion, Module

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
TITLE = "Counter basics"
# The quiz the administrator writes: question → (answers, the right one). Answers are unique across questions.
QUIZ = {
    "What do you do first when someone comes to the counter?": (["Smile and greet them", "Look at your phone"], 0),
    "What comes before answering a question?": (["Talking over them", "Listening to it", "Leaving"], 1),
}


@contextmanager
def signed_in(browser, live_server, viewport, user):
    """A fresh browser session for one person, at the viewport under test."""
    context = browser.new_context(base_url=live_server.url, locale="en-IE", bypass_csp=True, viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        log_in(page, user)
        yield page
        assert not errors, errors
    finally:
        context.close()


def visit(page, url, context):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert_accessible(page, context)


def click(page, role, name, context=None):
    page.get_by_role(role, name=name, exact=True).click()
    page.wait_for_load_state("networkidle")
    if context:
        assert_accessible(page, context)


def author_and_publish(page):
    visit(page, reverse("workspace:training:shared_module_list"), "shared modules")
    click(page, "link", "New shared module", "new module")
    page.get_by_label("Code").fill("counter-basics")
    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_label("Summary", exact=True).fill("Greeting people and answering their questions.")
    click(page, "button", "Create module", "module page, empty draft")
    expect(page.locator("body")).to_contain_text("Module counter-basics created as a draft.")

    for title, body in [("Greeting", "## Say hello\n\n**Smile** and look up."), ("Answering", "Listen first.")]:
        click(page, "link", "Add a lesson", f"new lesson {title}")
        page.get_by_label("Title", exact=True).fill(title)
        page.get_by_label("Text (Markdown)", exact=True).fill(body)
        click(page, "button", "Save lesson", f"module page after lesson {title}")
        expect(page.locator("body")).to_contain_text(f"Lesson “{title}” added.")

    for text, (answers, right) in QUIZ.items():
        click(page, "link", "Add a question", "new question")
        page.get_by_label("Question", exact=True).fill(text)
        for slot, answer in enumerate(answers, start=1):
            page.get_by_label(f"Answer {slot} (optional)", exact=True).fill(answer)
        page.get_by_label(f"Answer {right + 1} is correct").check()
        click(page, "button", "Save question", "module page after a question")
        expect(page.locator("body")).to_contain_text("Question added.")

    click(page, "button", "Publish version 1", "module page, published")
    expect(page.locator("body")).to_contain_text("Version 1 is published.")


def compliance_rate(page, organisation, context):
    visit(page, reverse("workspace:training:compliance", kwargs={"organisation_pk": organisation.pk}), context)
    summary = page.locator(".compliance-summary div", has_text="Completion rate")
    return summary.locator("dd").inner_text().strip()


def answer_quiz(page, right):
    """Read each question on the page (their order is random) and pick the answer by its text."""
    legends = page.locator("fieldset.tl-question legend")
    assert legends.count() == len(QUIZ)
    for number in range(legends.count()):
        legend = legends.nth(number).inner_text()
        text = next(text for text in QUIZ if text in legend)
        answers, correct = QUIZ[text]
        choice = answers[correct] if right else answers[(correct + 1) % len(answers)]
        page.get_by_label(choice, exact=True).check()
    click(page, "button", "Send my answers")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_training_journey(cast, browser, live_server, viewport, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    size = VIEWPORTS[viewport]

    with signed_in(browser, live_server, size, cast.admin) as admin:
        author_and_publish(admin)
    module = Module.objects.get(code="counter-basics")

    with signed_in(browser, live_server, size, cast.head_a) as head:
        visit(head, reverse("workspace:training:module_list", kwargs={"organisation_pk": cast.org_a.pk}), "modules")
        click(head, "button", f"Adopt {TITLE}", "modules after adopting")
        expect(head.locator("body")).to_contain_text("counter-basics now applies to your organisation.")

        visit(head, reverse("workspace:organisations:detail", kwargs={"organisation_pk": cast.org_a.pk}), "org")
        click(head, "link", "Training assignments and rules", "rule list")
        click(head, "link", "New rule", "new rule form")
        head.get_by_label("Module").select_option(label=f"{TITLE} (shared)")
        head.get_by_label("Who must take it").select_option("staff")
        head.get_by_label("Days after joining").fill("30")
        click(head, "button", "Create the rule", "rule list with the rule")
        expect(head.locator("body")).to_contain_text("The module was assigned to 1 people now.")
        assert Assignment.objects.filter(module=module, user=cast.staff_a).exists()
        assert compliance_rate(head, cast.org_a, "compliance before") == "0.0%"

    with signed_in(browser, live_server, size, cast.staff_a) as staff:
        # My training lists the assigned module; the staff member starts it and reads lesson 1.
        visit(staff, reverse("workspace:training:index"), "My training")
        expect(staff.get_by_role("heading", name="To do (1)")).to_be_visible()
        click(staff, "link", f"Start {TITLE}", "lesson 1")
        expect(staff.locator("body")).to_contain_text("Lesson 1 of 2")
        click(staff, "button", "Next lesson", "lesson 2")
        expect(staff.locator("body")).to_contain_text("Lesson 2 of 2")

        # They leave, come back, and land on lesson 2.
        visit(staff, reverse("workspace:organisations:detail", kwargs={"organisation_pk": cast.org_a.pk}), "elsewhere")
        visit(staff, reverse("workspace:training:index"), "My training, in progress")
        expect(staff.locator("body")).to_contain_text("1 of 2 lessons read")
        click(staff, "link", f"Continue {TITLE}", "lesson 2 again")
        expect(staff.locator("body")).to_contain_text("Lesson 2 of 2")
        click(staff, "button", "Go to the quiz", "the quiz page")

        # The first attempt fails, the second passes.
        click(staff, "button", "Start the quiz", "attempt 1")
        answer_quiz(staff, right=False)
        expect(staff.locator("body")).to_contain_text("You did not pass this time.")
        assert_accessible(staff, "a failed result")
        click(staff, "button", "Try again", "attempt 2")
        answer_quiz(staff, right=True)
        expect(staff.locator("body")).to_contain_text("You passed.")
        assert_accessible(staff, "a passed result")

        # The certificate downloads as a PDF that carries the verification URL (shown as text and QR code).
        with staff.expect_download() as download:
            staff.get_by_role("link", name="Download the certificate (PDF)").click()
        assert download.value.suggested_filename.endswith(".pdf")
        assert Path(download.value.path()).read_bytes().startswith(b"%PDF")

        # The verification page, reached by the URL the certificate carries, says it is valid.
        code = Completion.objects.get(user=cast.staff_a, version__module=module).certificate.code
        visit(staff, f"{live_server.url}{reverse('certificates:verify', kwargs={'code': code})}", "verification")
        expect(staff.locator("body")).to_contain_text("This certificate is genuine and valid.")
        expect(staff.locator("body")).to_contain_text(cast.staff_a.get_full_name())

    with signed_in(browser, live_server, size, cast.head_a) as head:
        assert compliance_rate(head, cast.org_a, "compliance after") == "100.0%"
