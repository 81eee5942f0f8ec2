"""An administrator authors a shared module (two lessons, an image, a two-question quiz) and publishes it;
a head of organisation adopts it on a phone. axe-core checks every page on the way."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from training.models import Module, ModuleAdoption, VersionStatus

from ..training.factories import png_bytes
from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _settle(page):
    page.wait_for_load_state("networkidle")


def _assert_fits_a_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        "[...document.querySelectorAll('.ws-page *')].filter(e => e.getBoundingClientRect().right > 361)"
        ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
    )
    assert width <= 360, f"{page.url} scrolls sideways on a phone ({width}px): {wide}"


def _add_lesson(page, title, body):
    page.get_by_role("link", name="Add a lesson").click()
    assert_accessible(page, "new lesson")
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Text (Markdown)", exact=True).fill(body)
    page.get_by_role("button", name="Save lesson").click()
    _settle(page)
    expect(page.locator("body")).to_contain_text(f"Lesson “{title}” added.")


def _add_question(page, text, answers, correct):
    page.get_by_role("link", name="Add a question").click()
    assert_accessible(page, "new question")
    page.get_by_label("Question", exact=True).fill(text)
    for slot, answer in enumerate(answers, start=1):
        page.get_by_label(f"Answer {slot} (optional)", exact=True).fill(answer)
        page.get_by_label(f"Feedback on answer {slot} (optional)", exact=True).fill(f"About “{answer}”.")
    page.get_by_label(f"Answer {correct} is correct").check()
    page.get_by_role("button", name="Save question").click()
    _settle(page)
    expect(page.locator("body")).to_contain_text("Question added.")


def test_an_administrator_authors_and_publishes_a_shared_module_a_head_adopts_it(
    cast, browser, live_server, page, tmp_path, media_root
):
    log_in(page, cast.admin)
    page.goto(reverse("workspace:training:shared_module_list"))
    assert_accessible(page, "shared modules")
    page.get_by_role("link", name="New shared module").click()
    assert_accessible(page, "new module")
    page.get_by_label("Code").fill("counter-basics")
    page.get_by_label("Title", exact=True).fill("Counter basics")
    page.get_by_label("Summary", exact=True).fill("Greeting people and answering their questions.")
    page.get_by_label("Questions per attempt").fill("2")
    page.get_by_role("button", name="Create module").click()
    _settle(page)
    expect(page.locator("body")).to_contain_text("Module counter-basics created as a draft.")
    assert_accessible(page, "module page, empty draft")

    page.get_by_role("link", name="Images for the lessons").click()
    assert_accessible(page, "images")
    picture = tmp_path / "counter.png"
    picture.write_bytes(png_bytes((40, 30)))
    page.get_by_label("Image (PNG, JPEG, GIF or WebP)").set_input_files(str(picture))
    page.get_by_label("What the image shows").fill("The front counter")
    page.get_by_role("button", name="Upload").click()
    _settle(page)
    snippet = page.get_by_label("Markdown for “The front counter”").input_value()
    assert snippet.startswith("![The front counter](/workspace/training/shared/images/")
    assert page.evaluate("document.querySelector('img.ta-thumb').naturalWidth") == 40
    assert_accessible(page, "images with one image")
    page.get_by_role("link", name="counter-basics").click()

    page.get_by_role("link", name="Add a lesson").click()
    page.get_by_label("Title", exact=True).fill("Greeting")
    body = page.get_by_label("Text (Markdown)", exact=True)
    body.fill(f"## Say hello\n\n**Smile** and look up.\n\n{snippet}")
    page.locator("#preview-body h2", has_text="Say hello").wait_for()  # the live preview, no button pressed
    expect(page.locator("#preview-body strong")).to_have_text("Smile")
    assert page.evaluate("document.querySelector('#preview-body img').naturalWidth") == 40
    assert_accessible(page, "lesson with its preview")
    page.get_by_role("button", name="Save lesson").click()
    _settle(page)

    _add_lesson(page, "Answering questions", "Listen first, then answer.\n\n- Be brief\n- Be kind")
    _add_question(page, "What do you do first?", ["Smile and greet", "Look at your phone"], correct=1)
    _add_question(page, "What comes before answering?", ["Talking", "Listening", "Leaving"], correct=2)
    assert_accessible(page, "module page, full draft")

    page.get_by_role("button", name="Publish version 1").click()
    _settle(page)
    expect(page.locator("body")).to_contain_text("Version 1 is published.")
    assert_accessible(page, "module page, published")
    module = Module.objects.get(code="counter-basics")
    version = module.versions.get()
    assert version.status == VersionStatus.PUBLISHED
    assert list(version.lessons.values_list("title", flat=True)) == ["Greeting", "Answering questions"]
    assert version.questions.count() == 2

    page.set_viewport_size({"width": 360, "height": 740})
    page.get_by_role("button", name="Start a new version").click()
    _settle(page)
    expect(page.locator("body")).to_contain_text("Version 2 is a draft copy of the published one")
    assert_accessible(page, "module page, new draft (phone)")
    _assert_fits_a_phone(page)
    page.get_by_role("link", name="Edit question 1").click()
    assert_accessible(page, "question form (phone)")
    _assert_fits_a_phone(page)
    assert module.versions.get(number=2).questions.count() == 2
    assert not page.console_errors, page.console_errors

    phone = browser.new_context(
        base_url=live_server.url, locale="en-IE", bypass_csp=True, viewport={"width": 360, "height": 740}
    )
    head_page = phone.new_page()
    head_page.set_default_timeout(10_000)
    try:
        log_in(head_page, cast.head_a)
        head_page.goto(reverse("workspace:training:module_list", kwargs={"organisation_pk": cast.org_a.pk}))
        assert_accessible(head_page, "module list (phone)")
        expect(head_page.locator("body")).to_contain_text("Not adopted")
        head_page.get_by_role("button", name="Adopt Counter basics").click()
        head_page.wait_for_load_state("networkidle")
        expect(head_page.locator("body")).to_contain_text("counter-basics now applies to your organisation.")
        assert_accessible(head_page, "module list after adopting (phone)")
        _assert_fits_a_phone(head_page)
    finally:
        phone.close()
    assert ModuleAdoption.objects.filter(organisation=cast.org_a, module=module).exists()
