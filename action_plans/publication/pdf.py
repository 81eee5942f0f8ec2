"""The published charter as an A4 PDF for display in public offices (tagged PDF/UA-1, via `common.pdf`).

A cover with the organisation's name, the version and its date and the contact details; then the
sections, the standards table and the contact box; the organisation and version in the footer of
every page after the cover, with "page N of M". The language is the active one (the view picks it).
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from common.pdf import html_document, html_to_pdf

from .context import charter_context

TEMPLATE = "action_plans/public/charter_pdf.html"
STYLESHEETS = ("css/charter_pdf.css",)


def css_string(text):
    """A quoted CSS string of any text, safe inside a <style> element (no quote, backslash or "<" left raw)."""
    escaped = "".join(f"\\{ord(char):x} " if char in '\\"<>\n\r' else char for char in str(text))
    return mark_safe(f'"{escaped}"')  # noqa: S308 - every character that could end the string or element is escaped


def page_counter():
    """ "Page N of M" as a CSS content value, in the active language."""
    parts = gettext("Page {page} of {pages}").replace("{page}", "\0page\0").replace("{pages}", "\0pages\0").split("\0")
    values = [f"counter({part})" if part in ("page", "pages") else css_string(part) for part in parts if part]
    return mark_safe(" ".join(values))  # noqa: S308 - built from css_string and counter() only


def charter_pdf_html(charter):
    """The HTML of the PDF, in the active language."""
    shown = charter_context(charter)
    footer = gettext("%(organisation)s · Customer Charter, version %(number)s") % {
        "organisation": charter.organisation.name,
        "number": charter.number,
    }
    return render_to_string(
        TEMPLATE,
        {
            "shown": shown,
            "printed_on": timezone.localdate(),
            "footer": css_string(footer),
            "page_counter": page_counter(),
        },
    )


def charter_pdf_document(charter):
    """The WeasyPrint document the PDF is made from, to lay out (in the active language)."""
    return html_document(charter_pdf_html(charter), STYLESHEETS)


def charter_pdf(charter):
    return html_to_pdf(charter_pdf_html(charter), STYLESHEETS)
