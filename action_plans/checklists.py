"""What a charter or action plan must contain before it can be signed off and submitted.

Each missing item says what is missing and names the section (or principle) it is about, so the
editing page can show the list and link each item to its place. The same lists are shown while
drafting and enforced at submission (`lifecycle_services.document_submit`).
"""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from common.principles import Principle

from .models import ActionPlan, Charter, Consultation, SectionKind

CONSULTATION_WITHIN_YEARS = 3


@dataclass(frozen=True)
class Missing:
    message: str
    anchor: str = ""  # the HTML id of the section (or principle) on the editing page


def section_anchor(kind, principle=""):
    return f"section-{kind}-{principle}" if principle else f"section-{kind}"


def charter_missing(charter, *, today=None):
    """The charter guidelines the draft does not yet meet (empty when it may be submitted)."""
    today = today or timezone.localdate()
    sections = {(section.kind, section.principle): section for section in charter.sections.all()}
    missing = []
    for principle in Principle:
        section = sections.get((SectionKind.PRINCIPLE, principle.value))
        if section is None or not (section.body.strip() or section.not_applicable):
            missing.append(
                Missing(
                    _("Say what you commit to under “%(principle)s”, or mark it not applicable.")
                    % {"principle": principle.label},
                    section_anchor(SectionKind.PRINCIPLE, principle.value),
                )
            )
        elif section.not_applicable and not section.not_applicable_reason.strip():
            missing.append(
                Missing(
                    _("Give the reason “%(principle)s” does not apply.") % {"principle": principle.label},
                    section_anchor(SectionKind.PRINCIPLE, principle.value),
                )
            )
    if not charter.standards.exists():
        missing.append(Missing(_("Include at least one measurable service standard."), section_anchor("standards")))
    required = {
        SectionKind.ABOUT: _("Say who you are and what you do."),
        SectionKind.FEEDBACK: _("Say how customers can give feedback."),
        SectionKind.COMPLAINTS: _("Describe how to make a complaint."),
        SectionKind.APPEALS: _("Describe how to appeal a decision."),
        SectionKind.CONTACT: _("Give your contact details, opening hours, channels and languages."),
        SectionKind.REPORTING: _("Say how you report on your performance."),
    }
    for kind, message in required.items():
        section = sections.get((kind, ""))
        if section is None or not section.body.strip():
            missing.append(Missing(message, section_anchor(kind)))
    since = today - datetime.timedelta(days=365 * CONSULTATION_WITHIN_YEARS + 1)
    if not Consultation.objects.filter(organisation_id=charter.organisation_id, ends_on__gte=since).exists():
        missing.append(
            Missing(
                _("Record a consultation with customers or staff held in the last %(years)s years.")
                % {"years": CONSULTATION_WITHIN_YEARS},
                "consultations",
            )
        )
    return missing


def plan_missing(plan, *, today=None):
    """The action plan must have at least one action under each principle."""
    covered = set(plan.actions.values_list("principle", flat=True))
    return [
        Missing(
            _("Add at least one action under “%(principle)s”.") % {"principle": principle.label},
            section_anchor(SectionKind.PRINCIPLE, principle.value),
        )
        for principle in Principle
        if principle.value not in covered
    ]


def missing_for_submission(document, *, today=None):
    if isinstance(document, Charter):
        return charter_missing(document, today=today)
    if isinstance(document, ActionPlan):
        return plan_missing(document, today=today)
    raise TypeError(document)


# Plain-language hints: shown beside the checklist while drafting, never a reason to refuse.
LONG_SECTION_WORDS = 400
LONG_SENTENCE_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")


def _sentence_lengths(text):
    return [len(sentence.split()) for sentence in _SENTENCE_END.split(text) if sentence.strip()]


def charter_hints(charter):
    """Plain-language warnings about the draft's sections: long sections and long sentences."""
    hints = []
    for section in charter.sections.all():
        words = len(section.body.split())
        anchor = section_anchor(section.kind, section.principle)
        if words > LONG_SECTION_WORDS:
            hints.append(
                Missing(
                    _("“%(section)s” has %(words)s words: customers read short sections, try to keep under %(limit)s.")
                    % {"section": section, "words": words, "limit": LONG_SECTION_WORDS},
                    anchor,
                )
            )
        lengths = _sentence_lengths(section.body)
        if lengths and sum(lengths) / len(lengths) > LONG_SENTENCE_WORDS:
            hints.append(
                Missing(
                    _("Sentences in “%(section)s” are long (%(average)s words on average): aim for %(limit)s or fewer.")
                    % {
                        "section": section,
                        "average": round(sum(lengths) / len(lengths)),
                        "limit": LONG_SENTENCE_WORDS,
                    },
                    anchor,
                )
            )
    return hints
