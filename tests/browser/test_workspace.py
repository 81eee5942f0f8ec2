"""Every role signs in through the real form, sees the workspace their roles allow, and the pages are accessible."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ..conftest import ROLES
from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

SIGNED_IN = [role for role in ROLES if role != "anonymous"]

# What each role finds in the workspace navigation.
MEMBER_AREAS = {"My work": True, "Organisations": True, "Standards and results": True}
NAVIGATION = {
    "rep_a": MEMBER_AREAS,
    "head_a": MEMBER_AREAS,
    "staff_a": MEMBER_AREAS,
    "complaints_a": MEMBER_AREAS,
    "rep_b": MEMBER_AREAS,
    "evaluator": {"My work": True, "Organisations": False, "Standards and results": False},
    "evaluator_a": MEMBER_AREAS,
    "evaluator_b": MEMBER_AREAS,
    "lead": MEMBER_AREAS,
    "admin": MEMBER_AREAS,
}


@pytest.mark.parametrize("role", SIGNED_IN)
def test_each_role_signs_in_and_sees_their_workspace(role, cast, page):
    user = cast.user(role)
    log_in(page, user)
    assert page.url.endswith(reverse("workspace:my_work:index")), page.url
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Welcome"))
    menu = page.locator("aside nav")
    for title, visible in NAVIGATION[role].items():
        assert (menu.get_by_role("link", name=title, exact=True).count() > 0) == visible, (role, title)
    assert_accessible(page, f"my work as {role}")
    assert not page.console_errors, page.console_errors


def test_public_pages_are_accessible(cast, page):
    for name in ["portal:home", "login", "password_reset"]:
        page.goto(reverse(name))
        assert_accessible(page, name)


def test_administrator_adds_a_member_and_changes_their_role(cast, page, mailoutbox):
    log_in(page, cast.admin)
    page.goto(reverse("workspace:organisations:detail", kwargs={"organisation_pk": cast.org_a.pk}))
    assert_accessible(page, "organisation detail")
    page.get_by_role("link", name="Add a member").click()
    assert_accessible(page, "add member form")
    page.get_by_label("E-mail address").fill("new.officer@example.org")
    page.get_by_label("Role").select_option("complaints_officer")
    page.get_by_role("button", name="Add member").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("new.officer@example.org is now Complaints officer")
    assert [m.to for m in mailoutbox] == [["new.officer@example.org"]]

    # A duplicate is refused with a message and nothing the user typed is lost.
    page.get_by_role("link", name="Add a member").click()
    page.get_by_label("E-mail address").fill("new.officer@example.org")
    page.get_by_label("Role").select_option("complaints_officer")
    page.get_by_role("button", name="Add member").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("already has the role")
    expect(page.get_by_label("E-mail address")).to_have_value("new.officer@example.org")
    assert_accessible(page, "add member form with errors")


def test_language_switcher_shows_irish(cast, page):
    page.goto(reverse("portal:home"))
    page.get_by_label("Language").select_option("ga")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "ga"
    assert_accessible(page, "home in Irish")
