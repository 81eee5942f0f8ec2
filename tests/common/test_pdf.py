"""Every PDF the product makes is tagged (PDF/UA-1) with its document title and language."""

import re
import zlib

from django.utils import translation

from common.pdf import html_to_pdf
from standards.reports.context import annual_report_context
from standards.reports.pdf import annual_report_pdf

STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


def pdf_text(pdf):
    """The PDF's bytes with every compressed stream (object streams included) inflated."""
    parts = [pdf]
    for match in STREAM.finditer(pdf):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def assert_tagged(pdf, *, title, lang):
    text = pdf_text(pdf)
    assert b"/StructTreeRoot" in text
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true", text)
    assert re.search(rb"/DisplayDocTitle\s+true", text)
    assert f"/Lang ({lang})".encode() in text
    if title is None:  # a title with non-ASCII letters is stored as UTF-16 text: only check there is one
        assert b"/Title" in text
    else:
        assert f"/Title ({title})".encode() in text


def test_html_to_pdf_is_tagged_with_title_and_language():
    html = '<html lang="ga"><head><title>Tuarascail</title></head><body><h1>A</h1><ul><li>x</li></ul></body></html>'

    pdf = html_to_pdf(html)

    assert_tagged(pdf, title="Tuarascail", lang="ga")
    assert b"/Lbl" in pdf_text(pdf)  # list markers stay tagged with the lean user-agent stylesheet


def test_annual_report_pdf_is_tagged_with_title_and_language(cast):
    with translation.override("en"):
        pdf = annual_report_pdf(annual_report_context(cast.org_a, 2025))

    assert_tagged(pdf, title=f"Annual report 2025: {cast.org_a.name}", lang="en")
