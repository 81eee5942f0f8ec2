"""PDF rendering with WeasyPrint, fetching nothing but our own static files.

A document may link stylesheets and images under STATIC_URL; they are read from disk
through the staticfiles finders (or STATIC_ROOT). Every other URL (http, file, data
from elsewhere) is refused, so a PDF never reaches the network or the file system.

Documents are laid out with a leaner copy of WeasyPrint's HTML user-agent stylesheet: WeasyPrint's own
gives every element styles for six pseudo-elements (::marker and the CSS footnote and note pseudo-elements),
which costs about a sixth of the time of a long report with many table cells. Here ::marker applies to list
items and summaries only, and CSS footnotes (float: footnote) and notes are not available. Tagging
needs neither: list markers are still tagged as labels (li::marker -> Lbl).

Every PDF is tagged PDF/UA-1 (structure tree, marked content, document title shown by viewers), so a
screen reader can read it; the document's <title> and <html lang> become its title and language.

Work that does not depend on the document is done once per process, not once per PDF (about a seventh of a
charter's CPU time, half of a one-page document's):
- a document's stylesheets are named by their static path (``html_to_pdf(html, stylesheets=[...])``) rather
  than linked from the HTML, and parsed once (again when the file changes). WeasyPrint applies them as user
  stylesheets: above its own, below any <style> in the document, which suits a document's own page-specific
  rules (footers). They may not declare @font-face or @counter-style, which belong to one document;
- the font configuration (fontconfig and Pango's font map, with its shaping caches) is shared by the PDFs one
  thread makes. Documents use the system's fonts, never @font-face, which would add a font for every later one.
"""

import functools
import mimetypes
import os
import re
import threading
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.css.counters import CounterStyle
from weasyprint.html import UA, UA_FORM_STYLESHEET
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://pdf.invalid/"
PDF_VARIANT = "pdf/ua-1"
UNIVERSAL_NOTE_RULES = re.compile(r"^::(?:footnote|note)-[a-z]+ \{[^}]*\}$", re.MULTILINE)


def static_file_path(relative):
    """The file of one of our static files (finders first, then STATIC_ROOT); ValueError if there is none."""
    if not relative or ".." in relative.split("/") or relative.startswith("/"):
        raise ValueError(f"Refused to read the static file {relative!r}.")
    path = finders.find(relative)
    if path is None and settings.STATIC_ROOT:
        candidate = settings.STATIC_ROOT / relative
        path = str(candidate) if candidate.is_file() else None
    if path is None:
        raise ValueError(f"Static file not found: {relative!r}.")
    return path


class StaticFileFetcher(URLFetcher):
    """Serves /static/… from disk; refuses anything else."""

    def __init__(self, **kwargs):
        super().__init__(allowed_protocols=["https"], allow_redirects=False, **kwargs)
        self.static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"

    def _path(self, url):
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not parts.path.startswith(self.static_prefix):
            raise ValueError(f"Refused to fetch {url!r}: only our static files are allowed in PDFs.")
        return static_file_path(unquote(parts.path[len(self.static_prefix) :]))

    def fetch(self, url, headers=None):
        path = self._path(url)
        with open(path, "rb") as handle:
            body = handle.read()
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


@functools.cache
def lean_user_agent_stylesheet():
    text = UNIVERSAL_NOTE_RULES.sub("", UA).replace("\n::marker {", "\nli::marker, summary::marker {")
    # Its @counter-style rules are already in WeasyPrint's own UA counter styles, which documents use.
    return CSS(string=text, counter_style=CounterStyle())


DOCUMENT_BOUND_RULES = re.compile(r"@(?:font-face|counter-style)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=16)
def _parsed_stylesheet(relative, path, modified):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if DOCUMENT_BOUND_RULES.search(text):
        raise ValueError(f"{relative!r}: @font-face and @counter-style cannot be in a shared PDF stylesheet.")
    base_url = BASE_URL + settings.STATIC_URL.strip("/") + "/" + relative
    return CSS(string=text, base_url=base_url, url_fetcher=StaticFileFetcher())


def static_stylesheet(relative):
    """One of our static stylesheets (e.g. "css/report_pdf.css"), parsed once per process and version of the file."""
    path = static_file_path(relative)
    return _parsed_stylesheet(relative, path, os.stat(path).st_mtime_ns)


_per_thread = threading.local()


def shared_font_configuration():
    """The font configuration this thread's PDFs share (Pango font maps are not shared between threads)."""
    if getattr(_per_thread, "font_config", None) is None:
        _per_thread.font_config = FontConfiguration()
    return _per_thread.font_config


class LeanHTML(HTML):
    """WeasyPrint's HTML with the lean user-agent stylesheet, its own stylesheets and the shared fonts."""

    def __init__(self, *args, stylesheets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.stylesheets = [static_stylesheet(relative) for relative in stylesheets]

    def _ua_stylesheets(self, forms=False):
        return [lean_user_agent_stylesheet(), *([UA_FORM_STYLESHEET] if forms else [])]

    def render(self, font_config=None, counter_style=None, color_profiles=None, **options):
        if options.get("stylesheets") is None:
            options["stylesheets"] = self.stylesheets
        font_config = font_config or shared_font_configuration()
        return super().render(font_config, counter_style, color_profiles, **options)


def html_document(html, stylesheets=()):
    """The WeasyPrint document of an HTML string whose links are relative to the site root, styled by
    `stylesheets` (static paths such as "css/report_pdf.css")."""
    return LeanHTML(string=html, base_url=BASE_URL, url_fetcher=StaticFileFetcher(), stylesheets=stylesheets)


def html_to_pdf(html, stylesheets=()):
    """PDF bytes of an HTML string whose links are relative to the site root, styled by `stylesheets`."""
    return html_document(html, stylesheets).write_pdf(pdf_variant=PDF_VARIANT)
