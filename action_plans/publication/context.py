"""What a published charter shows, in the active language: sections, standards with their latest results, contact.

Texts follow the active language (`common.bilingual`): the Irish text where the organisation gave one,
otherwise the English text, marked ``lang="en"`` and with a note saying the section has no Irish text.
The standards' latest results and statuses come from the standards analytics (current, that is
accepted, returns only; the same status rule as the results pages).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext

from common.bilingual import wants_irish
from common.markdown import render_markdown
from standards.analytics.latest import latest_results
from standards.analytics.status import Status

from ..checklists import section_anchor
from ..models import SectionKind
from .lookup import public_versions, superseded_by


@dataclass
class ShownSection:
    kind: str
    anchor: str
    heading: str
    html: str = ""
    not_applicable_reason: str = ""
    not_applicable: bool = False
    no_irish: bool = False  # the visitor reads Irish and this section is shown in English

    @property
    def lang(self):
        return "en" if self.no_irish else ""


@dataclass
class ShownStandard:
    wording: str
    no_irish: bool
    code: str
    result_text: str
    target_text: str
    period: str
    status: str
    status_label: str
    rule: str


@dataclass
class ShownCharter:
    charter: object
    organisation: object
    about: list = field(default_factory=list)  # the sections before the principles
    principles: list = field(default_factory=list)
    after: list = field(default_factory=list)  # standards, feedback, complaints, appeals, contact, reporting
    standards: list = field(default_factory=list)
    versions: list = field(default_factory=list)
    superseded_by: int | None = None
    irish: bool = False

    @property
    def standards_without_irish(self):
        return any(standard.no_irish for standard in self.standards)


def _shown_section(section, irish):
    heading = section.get_principle_display() if section.principle else section.get_kind_display()
    shown = ShownSection(
        kind=section.kind, anchor=section_anchor(section.kind, section.principle), heading=str(heading)
    )
    if section.not_applicable:
        shown.not_applicable = True
        shown.not_applicable_reason = section.not_applicable_reason
        shown.no_irish = irish  # the reason is written in English only
        return shown
    text = section.body_ga if irish and section.body_ga.strip() else section.body
    shown.html = render_markdown(text) if text.strip() else ""
    shown.no_irish = irish and bool(section.body.strip()) and not section.body_ga.strip()
    return shown


def standards_with_results(charter, irish):
    """The charter's standards in order, with plain-language wording and the latest accepted result and status."""
    promised = list(charter.standards.select_related("standard").order_by("position"))
    if not promised:
        return []
    results = latest_results(charter.organisation, {item.standard_id for item in promised})
    shown = []
    for item in promised:
        row = results.get(item.standard_id)
        shown.append(
            ShownStandard(
                wording=item.wording_ga if irish and item.wording_ga.strip() else item.wording,
                no_irish=irish and not item.wording_ga.strip(),
                code=item.standard.code,
                result_text=row["result_text"] if row else "",
                target_text=row["target_text"] if row else "",
                period=row["label"] if row else "",
                status=row["status"] if row else Status.NO_DATA.value,
                status_label=row["status_label"] if row else str(Status.NO_DATA.label),
                rule=row["rule"] if row else "",
            )
        )
    return shown


def charter_context(charter):
    """Everything the public page and the PDF show of one public version of a charter."""
    irish = wants_irish()
    versions = public_versions(charter)
    shown = ShownCharter(
        charter=charter,
        organisation=charter.organisation,
        versions=versions,
        superseded_by=superseded_by(charter, versions),
        irish=irish,
        standards=standards_with_results(charter, irish),
    )
    seen_principle = False
    for section in charter.sections.order_by("position"):
        item = _shown_section(section, irish)
        if section.kind == SectionKind.PRINCIPLE:
            seen_principle = True
            shown.principles.append(item)
        elif seen_principle:
            shown.after.append(item)
        else:
            shown.about.append(item)
    if shown.standards and not any(item.kind == SectionKind.STANDARDS for item in shown.about + shown.after):
        shown.after.insert(
            0,
            ShownSection(
                kind=SectionKind.STANDARDS,
                anchor=section_anchor(SectionKind.STANDARDS),
                heading=str(SectionKind.STANDARDS.label),
            ),
        )
    return shown


def charter_title(organisation):
    return gettext("Customer Charter: %(organisation)s") % {"organisation": organisation.name}
