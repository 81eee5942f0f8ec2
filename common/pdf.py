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
"""

import functools
import mimetypes
import re
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.css.counters import CounterStyle
from weasyprint.html import UA, UA_FORM_STYLESHEET
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://pdf.invalid/"
PDF_VARIANT = "pdf/ua-1"
UNIVERSAL_NOTE_RULES = re.compile(r"^::(?:footnote|note)-[a-z]+ \{[^}]*\}$", re.MULTILINE)


class StaticFileFetcher(URLFetcher):
    """Serves /static/… from disk; refuses anything else."""

    def __init__(self, **kwargs):
        super().__init__(allowed_protocols=["https"], allow_redirects=False, **kwargs)
        self.static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"

    def _path(self, url):
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not parts.path.startswith(self.static_prefix):
            raise ValueError(f"Refused to fetch {url!r}: only our static files are allowed in PDFs.")
        relative = unquote(parts.path[len(self.static_prefix) :])
        if not relative or ".." in relative.split("/") or relative.startswith("/"):
            raise ValueError(f"Refused to fetch {url!r}.")
        path = finders.find(relative)
        if path is None and settings.STATIC_ROOT:
            candidate = settings.STATIC_ROOT / relative
            path = str(candidate) if candidate.is_file() else None
        if path is None:
            raise ValueError(f"Static file not found: {relative!r}.")
        return path

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


class LeanHTML(HTML):
    """WeasyPrint's HTML with the lean user-agent stylesheet (see the module's docstring)."""

    def _ua_stylesheets(self, forms=False):
        return [lean_user_agent_stylesheet(), *([UA_FORM_STYLESHEET] if forms else [])]


def html_document(html):
    """The WeasyPrint document of an HTML string whose links are relative to the site root."""
    return LeanHTML(string=html, base_url=BASE_URL, url_fetcher=StaticFileFetcher())


def html_to_pdf(html):
    """PDF bytes of an HTML string whose links are relative to the site root (e.g. /static/css/report.css)."""
    return html_document(html).write_pdf(pdf_variant=PDF_VARIANT)
