"""The charter_pdf benchmark at a tiny scale: it renders a full charter, times it against its anchor, checks tagging."""

from bench.benchmarks.charter_pdf import STANDARDS, charter_pdf_bench, is_tagged
from bench.registry import BENCHMARKS
from common.pdf import html_to_pdf


def test_charter_pdf_is_registered_and_reports_a_tagged_full_charter(db):
    logged = []

    line = charter_pdf_bench(scale=0.01, log=logged.append).as_dict("charter_pdf")

    assert BENCHMARKS["charter_pdf"] is charter_pdf_bench
    assert line["bench"] == "charter_pdf" and line["unit"] == "ms"
    assert line["ours"] > line["anchor"] > 0  # a full charter costs more than one minimal page
    assert line["ratio"] == round(line["ours"] / line["anchor"], 3)
    assert line["tagged"] is True and line["pages"] >= 3
    assert line["ours_cpu"] > 0 and line["anchor_cpu"] > 0 and line["irish_cpu"] > 0  # CPU time beside wall time
    assert f"{STANDARDS} standards" in logged[-1] and "tagged: True" in logged[-1]


def test_is_tagged_tells_tagged_from_untagged_pdfs():
    from common.pdf import html_document

    html = '<html lang="en"><head><title>T</title></head><body><p>x</p></body></html>'
    assert is_tagged(html_to_pdf(html))
    assert not is_tagged(html_document(html).write_pdf())
