"""Browser tests: Playwright drives Debian's Chromium against a live server; axe-core checks pages.

Without Chromium the tests are skipped with a visible reason, except on CI
(CI=true), where a missing browser is a failure.
"""

import json
import os
import shutil
from pathlib import Path

import pytest
from django.urls import reverse

from ..factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing_prerequisite():
    if not CHROMIUM:
        return "Chromium is not installed (apt-get install chromium)"
    if not AXE_SCRIPT.exists():
        return "axe-core is not installed (npm ci)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="session")
def browser():
    missing = _missing_prerequisite()
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Browser tests cannot run on CI: {missing}")
        pytest.skip(f"BROWSER TESTS SKIPPED: {missing}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls made
    # by test set-up are still synchronous and safe.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, live_server):
    # bypass_csp lets us inject axe-core; the pages keep their own CSP otherwise.
    context = browser.new_context(base_url=live_server.url, locale="en-IE", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.console_errors = console_errors
    yield page
    context.close()


def log_in(page, user, password=PASSWORD):
    """Sign in through the real login form."""
    page.goto(reverse("login"))
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")


# Colour contrast measured half-way through a fade (the workspace's message snackbar) is not the
# contrast a reader sees: wait until the snackbar is neither opening nor closing (it starts its transition
# a moment after load, so there may be no animation to wait for yet), then let finite animations end.
SETTLE_ANIMATIONS = """async () => {
  const bar = document.querySelector('.mdc-snackbar');
  const moving = () => bar && (bar.classList.contains('mdc-snackbar--opening')
    || bar.classList.contains('mdc-snackbar--closing')
    || (bar.querySelector('.mdc-snackbar__label') && !bar.classList.contains('mdc-snackbar--open')
        && getComputedStyle(bar).display !== 'none' && bar.textContent.trim() !== ''));
  for (let waited = 0; moving() && waited < 3000; waited += 50) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  const finite = document.getAnimations().filter(a => a.effect && a.effect.getTiming().iterations !== Infinity);
  await Promise.all(finite.map(a => a.finished.catch(() => null)));
}"""


def assert_accessible(page, context=""):
    """Run axe-core on the current page; fail on serious or critical violations."""
    page.wait_for_load_state("load")
    page.evaluate(SETTLE_ANIMATIONS)
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    summary = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:5]]}
        for v in bad
    ]
    assert not bad, f"axe-core violations on {context or page.url}:\n{json.dumps(summary, indent=2)}"
