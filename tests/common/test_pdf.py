"""Every PDF the product makes is tagged (PDF/UA-1) with its document title and language."""

import os
import re
import threading
import zlib
from pathlib import Path

import pytest
from django.utils import translation

from common.pdf import html_document, html_to_pdf, shared_font_configuration, static_stylesheet
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


# --- work done once per process: parsed stylesheets, the font configuration ---------------------------------


def _font_size_of(document, tag):
    boxes = [box for page in document.pages for box in page._page_box.descendants() if box.element_tag == tag]
    return boxes[0].style["font_size"]


def test_a_named_stylesheet_styles_the_document_and_is_parsed_once():
    html = '<html lang="en"><head><title>T</title></head><body><h2>Heading</h2><p>Text</p></body></html>'

    styled = html_document(html, ["css/charter_pdf.css"]).render()

    assert static_stylesheet("css/charter_pdf.css") is static_stylesheet("css/charter_pdf.css")
    assert round(styled.pages[0].width * 25.4 / 96) == 210  # its @page rule: A4
    assert _font_size_of(styled, "h2") == _font_size_of(html_document(html, ["css/charter_pdf.css"]).render(), "h2")
    assert _font_size_of(styled, "h2") != _font_size_of(html_document(html).render(), "h2")


def test_the_documents_own_style_element_wins_over_a_named_stylesheet():
    html = '<html lang="en"><head><title>T</title><style>h2 { font-size: 30px }</style></head><body><h2>H</h2></body>'

    assert _font_size_of(html_document(html, ["css/charter_pdf.css"]).render(), "h2") == 30


def test_a_stylesheet_with_rules_bound_to_one_document_is_refused(tmp_path, settings):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "fonts.css").write_text('@font-face { font-family: X; src: url("x.woff2") }')
    settings.STATICFILES_DIRS = [tmp_path]

    with pytest.raises(ValueError, match="@font-face"):
        static_stylesheet("css/fonts.css")
    with pytest.raises(ValueError):
        static_stylesheet("../config/settings.py")


def test_a_changed_stylesheet_is_parsed_again(tmp_path, settings):
    (tmp_path / "css").mkdir()
    sheet = tmp_path / "css" / "print.css"
    sheet.write_text("p { color: red }")
    os.utime(sheet, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    settings.STATICFILES_DIRS = [tmp_path]
    first = static_stylesheet("css/print.css")

    sheet.write_text("p { color: blue }")
    os.utime(sheet, ns=(1_700_000_001_000_000_000, 1_700_000_001_000_000_000))

    assert static_stylesheet("css/print.css") is not first


def test_the_font_configuration_is_shared_within_a_thread_only():
    in_other_thread = []
    thread = threading.Thread(target=lambda: in_other_thread.append(shared_font_configuration()))
    thread.start()
    thread.join()

    assert shared_font_configuration() is shared_font_configuration()
    assert in_other_thread[0] is not shared_font_configuration()


def test_no_pdf_template_or_stylesheet_declares_fonts_of_its_own(settings):
    """The font configuration is shared by every PDF a thread makes: an @font-face would reach later PDFs."""
    root = Path(settings.BASE_DIR)
    files = [*root.glob("static/css/*.css"), *root.glob("*/templates/**/*.html"), *root.glob("templates/**/*.html")]

    assert files
    assert [path for path in files if "@font-face" in path.read_text(encoding="utf-8")] == []
