"""What changed in a new version of a charter, section by section, as a readable word-level diff.

`word_diff` compares two texts word by word (difflib) and gives HTML-escaped text with removed words in
<del> and added words in <ins>; each change also says "removed" / "added" in words that only screen
readers hear, since strike-through and underline alone are not announced.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

TOKEN = re.compile(r"\s+|[^\s]+")


def _tokens(text):
    return TOKEN.findall(text or "")


def _marked(tag, label, words):
    text = escape("".join(words))
    hidden = '<span class="visually-hidden">'
    return f"<{tag}>{hidden}[{escape(label)}: </span>{text}{hidden}]</span></{tag}>"


def word_diff(old, new):
    """HTML (marked safe) of ``new`` with the words removed from ``old`` and those added shown as such."""
    before, after = _tokens(old), _tokens(new)
    parts = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(after[j1:j2])))
            continue
        if operation in ("delete", "replace"):
            parts.append(_marked("del", _("removed"), before[i1:i2]))
        if operation in ("insert", "replace"):
            parts.append(_marked("ins", _("added"), after[j1:j2]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text was escaped above


@dataclass(frozen=True)
class SectionChange:
    """How one section differs from the same section of the version it is based on."""

    section: object
    changed: bool
    is_new: bool = False
    body: str = ""
    body_ga: str = ""
    applicability: str = ""  # a sentence when "not applicable" or its reason changed


def _applicability(old, new):
    if old.not_applicable == new.not_applicable and old.not_applicable_reason == new.not_applicable_reason:
        return ""
    if new.not_applicable and not old.not_applicable:
        return _("Now marked not applicable: %(reason)s") % {"reason": new.not_applicable_reason}
    if old.not_applicable and not new.not_applicable:
        return _("No longer marked not applicable.")
    return _("The reason it does not apply changed: %(reason)s") % {"reason": new.not_applicable_reason}


def section_changes(charter):
    """{section pk: SectionChange} of the charter against its ``based_on`` version; empty when it has none."""
    if charter.based_on_id is None:
        return {}
    previous = {(section.kind, section.principle): section for section in charter.based_on.sections.all()}
    changes = {}
    for section in charter.sections.all():
        old = previous.get((section.kind, section.principle))
        if old is None:
            changes[section.pk] = SectionChange(section, changed=True, is_new=True)
            continue
        body_changed = old.body != section.body
        irish_changed = old.body_ga != section.body_ga
        applicability = _applicability(old, section)
        changes[section.pk] = SectionChange(
            section,
            changed=bool(body_changed or irish_changed or applicability),
            body=word_diff(old.body, section.body) if body_changed else "",
            body_ga=word_diff(old.body_ga, section.body_ga) if irish_changed else "",
            applicability=applicability,
        )
    return changes


def _position(item):
    return item.position


def standards_changes(charter):
    """Standards added, removed or reworded against the ``based_on`` version: {"added", "removed", "reworded"}."""
    if charter.based_on_id is None:
        return None
    old = {item.standard_id: item for item in charter.based_on.standards.select_related("standard")}
    new = {item.standard_id: item for item in charter.standards.select_related("standard")}
    return {
        "added": sorted((new[pk] for pk in new.keys() - old.keys()), key=_position),
        "removed": sorted((old[pk] for pk in old.keys() - new.keys()), key=_position),
        "reworded": [
            {"item": new[pk], "wording": word_diff(old[pk].wording, new[pk].wording)}
            for pk in sorted(new.keys() & old.keys(), key=lambda pk: new[pk].position)
            if old[pk].wording != new[pk].wording
        ],
    }
