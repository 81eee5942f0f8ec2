"""The published customer charter as an A4 PDF: a full charter within 0.5 s, and the PDF is tagged.

A charter with every section written out in realistic length (about, the 12 principles, standards,
feedback, complaints, appeals, contact, reporting) and 10 service standards with a year of accepted
monthly results is rendered as the public PDF view renders it (its context from the database, the
standards' latest results from the analytics, then WeasyPrint). Anchor: a minimal one-page WeasyPrint
document through the same `common.pdf` in the same run. Budget: the median <= 500 ms, and the PDF tagged
(PDF/UA-1: a structure tree, marked content). Background organisations with results: --scale × 10.
CPU times are reported beside wall times: on a loaded machine they are the ones to compare between runs.
"""

import re
import zlib

from django.utils import timezone, translation

from action_plans.models import Charter, CharterSection, CharterStandard, DocumentState, SectionKind
from action_plans.publication.pdf import charter_pdf, charter_pdf_document
from bench.data_standards import generate_standards_data
from bench.registry import Result, median_wall_and_cpu_ms, register
from common.pdf import html_to_pdf
from common.principles import Principle

BUDGET_MS = 500
STANDARDS = 10
REPEAT = 7
IRISH_REPEAT = 3
MINIMAL = '<html lang="en"><head><title>Minimal</title></head><body><h1>One page</h1><p>Hello.</p></body></html>'
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)

# The text of a real charter, at its usual length: a few sentences per principle, a paragraph or two elsewhere.
ABOUT = (
    "We are the {name}. We deliver services to the public across the country through our public offices, by phone "
    "and online. This charter sets out the standard of service you can expect from us, what we ask of you, and how "
    "to tell us when we get it wrong.\n\nWe consulted our customers and our staff in preparing it, through a "
    "customer survey, a customer panel and the comments we receive every day."
)
PRINCIPLE = (
    "We will {what}. We check how well we do this every year and report on it in our annual report, and we "
    "welcome your suggestions on how we could do it better."
)
WHATS = [
    "publish clear standards for our services and report on how we meet them",
    "treat everyone equally and fairly, and respect diversity in all our dealings with the public",
    "make our offices accessible to everyone, including people with disabilities and parents with young children",
    "give you clear, accurate and up-to-date information in plain language, in print and online",
    "deal with you promptly, courteously and in confidence, and tell you who is dealing with your case",
    "deal with complaints fairly and quickly, and learn from them to improve our services",
    "explain our decisions and tell you how to appeal a decision you are not satisfied with",
    "consult you about our services and use what you tell us to improve them",
    "offer you a choice of how to deal with us: in person, by phone, by e-mail, by post or online",
    "provide our services in Irish and in English, as you choose, under the Official Languages Act",
    "work with other public bodies so that you do not have to give the same information twice",
    "support our staff so that they can give you a quality service",
]
SECTIONS = {
    SectionKind.STANDARDS: "These are the standards we set ourselves. We publish our results every quarter.",
    SectionKind.FEEDBACK: (
        "We welcome your comments and suggestions. You can give us feedback:\n\n- at any of our offices, on a "
        "comment card\n- by e-mail to feedback@example.ie\n- through the feedback form on our website"
    ),
    SectionKind.COMPLAINTS: (
        "If you are not satisfied with our service, please tell the member of staff dealing with you first: most "
        "problems can be put right straight away.\n\nIf that does not resolve it, write to our Customer Service "
        "Officer. We will acknowledge your complaint within 3 working days and reply in full within 20 working days. "
        "If you are still not satisfied, you may contact the Office of the Ombudsman."
    ),
    SectionKind.APPEALS: (
        "If you disagree with a decision we have made, you can ask for it to be reviewed by an officer who was not "
        "involved in it. Write to us within 21 days of the decision, saying why you think it is wrong. We will tell "
        "you the outcome of the review, with our reasons, within 20 working days."
    ),
    SectionKind.CONTACT: (
        "**Opening hours:** Monday to Friday, 9.30 to 16.30, including lunchtime.\n\n"
        "**Channels:** in person, by phone, by e-mail, by post and online.\n\n"
        "**Languages:** we offer our services in Irish and in English."
    ),
    SectionKind.REPORTING: (
        "We report on our performance against this charter in our annual report, and we publish our results against "
        "our service standards every quarter on this site."
    ),
}


def full_charter(organisation, standards):
    """A published charter with every section written out and the given standards promised."""
    charter = Charter.objects.create(
        organisation=organisation, number=1, state=DocumentState.PUBLISHED, published_at=timezone.now()
    )
    kinds = [SectionKind.ABOUT, *[SectionKind.PRINCIPLE] * len(Principle), *SECTIONS]
    whats = iter(zip(Principle, WHATS, strict=True))
    sections = []
    for position, kind in enumerate(kinds, start=1):
        if kind == SectionKind.ABOUT:
            principle, body = "", ABOUT.format(name=organisation.name)
        elif kind == SectionKind.PRINCIPLE:
            principle, what = next(whats)
            principle, body = principle.value, PRINCIPLE.format(what=what)
        else:
            principle, body = "", SECTIONS[kind]
        sections.append(
            CharterSection(
                charter=charter,
                kind=kind,
                principle=principle,
                position=position,
                body=body,
                body_ga=f"{body} (GA)" if position % 2 else "",
            )
        )
    CharterSection.objects.bulk_create(sections)
    CharterStandard.objects.bulk_create(
        CharterStandard(
            charter=charter,
            standard=standard,
            position=position,
            wording=f"We answer {80 + position}% of calls within 5 minutes, and every letter within 20 working days.",
            wording_ga="Freagraímid glaonna laistigh de 5 nóiméad." if position % 2 else "",
        )
        for position, standard in enumerate(standards, start=1)
    )
    return charter


def pdf_text(pdf):
    parts = [pdf]
    for match in STREAM.finditer(pdf):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def is_tagged(pdf):
    text = pdf_text(pdf)
    return b"/StructTreeRoot" in text and re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true", text) is not None


@register("charter_pdf")
def charter_pdf_bench(scale, log):
    generate_standards_data(1, log, name="Charter background body", organisations=max(1, round(scale * 10)), months=12)
    data = generate_standards_data(1, log, name="Charter body", organisations=1, months=12, per_organisation=STANDARDS)
    organisation = data.organisations[0]
    organisation.email, organisation.phone, organisation.website = "info@example.ie", "+353 1 555 0100", ""
    organisation.save()
    charter = full_charter(organisation, data.standards)
    charter = Charter.objects.select_related("organisation").get(pk=charter.pk)
    with translation.override("en"):
        pdf = charter_pdf(charter)
        ours, ours_cpu = median_wall_and_cpu_ms(lambda: charter_pdf(charter), REPEAT)
        anchor, anchor_cpu = median_wall_and_cpu_ms(lambda: html_to_pdf(MINIMAL), REPEAT)
        pages = len(charter_pdf_document(charter).render().pages)
    with translation.override("ga"):
        irish = charter_pdf(charter)
        irish_ms, irish_cpu = median_wall_and_cpu_ms(lambda: charter_pdf(charter), IRISH_REPEAT)
    tagged = is_tagged(pdf) and is_tagged(irish)
    log(
        f"charter PDF: {STANDARDS} standards, {pages} pages, {len(pdf) // 1024} KiB, {ours:.0f} ms "
        f"(CPU {ours_cpu:.0f} ms; Irish {irish_ms:.0f} ms, CPU {irish_cpu:.0f} ms); "
        f"minimal one-page PDF {anchor:.0f} ms (CPU {anchor_cpu:.0f} ms); tagged: {tagged}"
    )
    return Result(
        unit="ms",
        ours=ours,
        anchor=anchor,
        budget=f"full charter PDF (all sections, {STANDARDS} standards) <= {BUDGET_MS} ms, tagged PDF/UA-1",
        ok=ours <= BUDGET_MS and tagged,
        extra={
            "pages": pages,
            "tagged": tagged,
            "ours_cpu": round(ours_cpu, 1),
            "anchor_cpu": round(anchor_cpu, 1),
            "irish_ms": round(irish_ms, 1),
            "irish_cpu": round(irish_cpu, 1),
            "kib": len(pdf) // 1024,
        },
    )
