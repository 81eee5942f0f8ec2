"""English and Irish: every string in the Irish catalogue is translated and the compiled file is current."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

PO_FILE = Path(__file__).resolve().parents[1] / "locale" / "ga" / "LC_MESSAGES" / "django.po"


def _entries(po_file=PO_FILE):
    """(msgid, [msgstr...], flags) for each entry of the .po file, header excluded."""
    entries, current, field = [], None, None
    for raw in po_file.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if current and current["msgid"]:
                entries.append(current)
            current, field = None, None
            continue
        current = current or {"msgid": "", "msgstr": {}, "flags": ""}
        if line.startswith("#,"):
            current["flags"] += line
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid_plural"):
            field = ("plural", None)
        elif line.startswith("msgid "):
            field = ("msgid", None)
            current["msgid"] = line[7:-1]
        elif line.startswith("msgstr"):
            key = line.split(" ", 1)[0]
            field = ("msgstr", key)
            current["msgstr"][key] = line[len(key) + 2 : -1]
        elif line.startswith('"') and field:
            if field[0] == "msgid":
                current["msgid"] += line[1:-1]
            elif field[0] == "msgstr":
                current["msgstr"][field[1]] += line[1:-1]
    return entries


def test_every_irish_string_is_translated():
    untranslated = [e["msgid"] for e in _entries() if not all(e["msgstr"].values()) or "fuzzy" in e["flags"]]
    assert not untranslated, f"{len(untranslated)} Irish strings need translating, e.g. {untranslated[:5]}"


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext (msgfmt) is not installed")
def test_compiled_catalogue_matches_the_source(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(PO_FILE)], check=True)
    assert compiled.read_bytes() == PO_FILE.with_suffix(".mo").read_bytes(), "run `make messages` and commit the .mo"


def test_irish_is_served():
    with translation.override("ga"):
        assert translation.gettext("Sign in") != "Sign in"


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext (xgettext) is not installed")
def test_catalogue_has_every_string_of_the_code(tmp_path):
    """makemessages on a copy of the code finds no string that the Irish catalogue lacks."""
    import os
    import sys

    root = PO_FILE.parents[3]
    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns(".venv", "node_modules", "staticfiles", "media", ".git", "tests", "*.sqlite3")
    shutil.copytree(root, copy, ignore=ignore)
    env = {**os.environ, "DEBUG": "1"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ga", "--no-obsolete", "--ignore=staticfiles"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = copy / "locale" / "ga" / "LC_MESSAGES" / "django.po"
    current = {entry["msgid"] for entry in _entries()}
    missing = sorted({entry["msgid"] for entry in _entries(fresh)} - current)
    assert not missing, f"Strings missing from the Irish catalogue (run `make messages`): {missing[:10]}"


# English that viewflow (or our copy of its app bar) would show in the workspace chrome.
CHROME_STRINGS = ["Applications", "Log out", "Open navigation menu"]


def _chrome(html):
    """The app bar and the navigation drawer of a workspace page."""
    drawer = re.search(r"<aside class=\"vf-page__menu.*?</aside>", html, re.DOTALL)
    app_bar = re.search(r"<header class=\"mdc-top-app-bar.*?</header>", html, re.DOTALL)
    assert drawer and app_bar, "the workspace page has no drawer or app bar"
    return drawer.group(0) + app_bar.group(0)


def test_vendor_strings_are_listed_for_the_catalogue():
    from common.vendor_strings import VIEWFLOW_STRINGS

    assert {"Applications", "Log out"} <= set(VIEWFLOW_STRINGS)


@pytest.mark.django_db
def test_workspace_chrome_shows_no_vendor_english_in_irish(client):
    from django.urls import reverse

    from .factories import OrganisationFactory, member

    client.force_login(member(OrganisationFactory()))
    with translation.override("en"):  # the requests activate Irish; leave English active for the next tests
        client.post(reverse("set_language"), {"language": "ga", "next": "/"})
        response = client.get(reverse("workspace:my_work:index"))

    assert 'lang="ga"' in response.content.decode()
    chrome = _chrome(response.content.decode())
    text = {line.strip() for line in re.sub(r"<[^>]+>", "\n", chrome).splitlines()}
    labels = set(re.findall(r'aria-label="([^"]+)"', chrome))
    shown = [msgid for msgid in CHROME_STRINGS if msgid in text or msgid in labels]
    assert not shown, f"English in the Irish workspace chrome: {shown}"


@pytest.mark.django_db
def test_workspace_chrome_hides_icon_names_from_screen_readers(client):
    """Material icons are English words ("home", "exit_to_app"): hidden, or inside a labelled button."""
    from django.urls import reverse

    from .factories import OrganisationFactory, member

    client.force_login(member(OrganisationFactory()))
    chrome = _chrome(client.get(reverse("workspace:my_work:index")).content.decode())
    icons = re.findall(r"<(?:i|span|button)\b[^>]*>\s*[a-z_]+\s*</(?:i|span|button)>", chrome)
    exposed = [icon for icon in icons if 'aria-hidden="true"' not in icon and "aria-label=" not in icon]

    assert len(icons) >= 4 and not exposed, exposed
