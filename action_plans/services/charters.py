"""Drafting a charter: starting the first version or the next one, saving sections, choosing standards.

Every change locks the charter (`lock`) and refuses unless it is editable (`check_editable`); a section
carries an `edit_version`, so the second of two people saving the same section is refused, not silently
overwritten. Starting a version locks the organisation row, so a double click starts one version only.
"""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from common.errors import ServiceError
from common.principles import Principle
from organisations import roles
from organisations.access import user_can
from organisations.audit import audit_record
from organisations.models import Organisation

from ..models import Charter, CharterSection, CharterStandard, DocumentState, SectionKind
from .lifecycle import check_editable, lock

# The order of a charter's sections: who we are, the 12 principles, then the practical sections.
SECTION_ORDER = [
    (SectionKind.ABOUT, ""),
    *((SectionKind.PRINCIPLE, principle.value) for principle in Principle),
    (SectionKind.STANDARDS, ""),
    (SectionKind.FEEDBACK, ""),
    (SectionKind.COMPLAINTS, ""),
    (SectionKind.APPEALS, ""),
    (SectionKind.CONTACT, ""),
    (SectionKind.REPORTING, ""),
]
# Sections whose text may be empty when saved: the standards section is mostly its list of standards.
OPTIONAL_TEXT = {SectionKind.STANDARDS}


def _check_may_manage(actor, organisation):
    if not user_can(actor, roles.MANAGE_CHARTER, organisation):
        raise ServiceError(_("You may not change the charter of %(name)s.") % {"name": organisation.name})


def _lock_organisation(actor, organisation):
    """Lock the organisation row: starting versions of its charter happens one at a time."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    _check_may_manage(actor, organisation)
    open_version = Charter.objects.filter(organisation=organisation, state__in=DocumentState.OPEN_STATES).first()
    if open_version is not None:
        raise ServiceError(
            _("Version %(number)s of the charter is still open (%(state)s). Finish it before starting another.")
            % {"number": open_version.number, "state": open_version.get_state_display()}
        )
    return organisation


def _create(actor, organisation, **fields):
    try:
        with transaction.atomic():
            return Charter.objects.create(organisation=organisation, created_by=actor, **fields)
    except IntegrityError as error:  # a version started at the same moment elsewhere
        raise ServiceError(
            _("Another version of the charter was started at the same time. Open it instead.")
        ) from error


@transaction.atomic
def charter_start(*, actor, organisation):
    """The organisation's first charter: version 1 with every section, empty and in order."""
    organisation = _lock_organisation(actor, organisation)
    if Charter.objects.filter(organisation=organisation).exists():
        raise ServiceError(_("This organisation already has a charter. Start a new version of the published one."))
    charter = _create(actor, organisation, number=1)
    CharterSection.objects.bulk_create(
        CharterSection(charter=charter, kind=kind, principle=principle, position=position)
        for position, (kind, principle) in enumerate(SECTION_ORDER, start=1)
    )
    audit_record(actor=actor, verb="charter.start", target=charter, organisation=organisation, after={"version": 1})
    return charter


@transaction.atomic
def charter_new_version(*, actor, organisation):
    """The next version, a copy of the published one (sections, Irish text, standards), based on it."""
    organisation = _lock_organisation(actor, organisation)
    published = Charter.objects.filter(organisation=organisation, state=DocumentState.PUBLISHED).first()
    if published is None:
        raise ServiceError(_("There is no published charter to start a new version from."))
    number = Charter.objects.filter(organisation=organisation).aggregate(last=Max("number"))["last"] + 1
    charter = _create(actor, organisation, number=number, based_on=published)
    sections = list(published.sections.all())
    present = {(section.kind, section.principle) for section in sections}
    copies = [
        CharterSection(
            charter=charter,
            kind=section.kind,
            principle=section.principle,
            position=section.position,
            body=section.body,
            body_ga=section.body_ga,
            not_applicable=section.not_applicable,
            not_applicable_reason=section.not_applicable_reason,
        )
        for section in sections
    ]
    last = max((section.position for section in sections), default=0)
    copies += [  # a section the published version lacks (an older layout) is added, empty
        CharterSection(charter=charter, kind=kind, principle=principle, position=last + offset)
        for offset, (kind, principle) in enumerate([key for key in SECTION_ORDER if key not in present], start=1)
    ]
    CharterSection.objects.bulk_create(copies)
    CharterStandard.objects.bulk_create(
        CharterStandard(
            charter=charter,
            standard_id=item.standard_id,
            position=item.position,
            wording=item.wording,
            wording_ga=item.wording_ga,
        )
        for item in published.standards.all()
    )
    audit_record(
        actor=actor,
        verb="charter.new_version",
        target=charter,
        organisation=organisation,
        after={"version": number, "based_on": published.number},
    )
    return charter


def _lock_editable(actor, charter):
    charter = lock(charter)
    _check_may_manage(actor, charter.organisation)
    check_editable(charter)
    return charter


@transaction.atomic
def section_save(*, actor, section, edit_version, body, body_ga="", not_applicable=False, not_applicable_reason=""):
    """Save one section, unless someone else saved it since it was loaded (``edit_version``)."""
    _lock_editable(actor, section.charter)
    section = CharterSection.objects.select_for_update().get(pk=section.pk)
    if section.edit_version != edit_version:
        raise ServiceError(
            _(
                "Someone else saved this section while you were editing it. Your text is still in the form: "
                "compare it with the saved text below, then save again."
            )
        )
    body, body_ga, reason = body.strip(), body_ga.strip(), not_applicable_reason.strip()
    is_principle = section.kind == SectionKind.PRINCIPLE
    if not_applicable and not is_principle:
        raise ServiceError(_("Only a principle can be marked not applicable."), field="not_applicable")
    if not_applicable and not reason:
        raise ServiceError(_("Say why this principle does not apply."), field="not_applicable_reason")
    if not body and not not_applicable and section.kind not in OPTIONAL_TEXT:
        message = (
            _("Write what you commit to, or mark the principle not applicable with a reason.")
            if is_principle
            else _("Write the section's text before saving it.")
        )
        raise ServiceError(message, field="body")
    before = {
        "edit_version": section.edit_version,
        "length": len(section.body),
        "not_applicable": section.not_applicable,
    }
    section.body = body
    section.body_ga = body_ga
    section.not_applicable = bool(not_applicable and is_principle)
    section.not_applicable_reason = reason if section.not_applicable else ""
    section.edit_version += 1
    section.save()
    audit_record(
        actor=actor,
        verb="charter.section_save",
        target=section,
        organisation=section.charter.organisation,
        before=before,
        after={"edit_version": section.edit_version, "length": len(body), "not_applicable": section.not_applicable},
    )
    return section


@transaction.atomic
def charter_standard_add(*, actor, charter, standard, wording, wording_ga=""):
    """Promise one of the organisation's standards in the charter, in plain-language wording."""
    charter = _lock_editable(actor, charter)
    if standard is None or standard.organisation_id != charter.organisation_id:
        raise ServiceError(_("Choose one of this organisation's own service standards."), field="standard")
    if charter.standards.filter(standard=standard).exists():
        raise ServiceError(_("This standard is already in the charter."), field="standard")
    wording = wording.strip()
    if not wording:
        raise ServiceError(_("Say in plain language what customers can expect."), field="wording")
    position = (charter.standards.aggregate(last=Max("position"))["last"] or 0) + 1
    item = CharterStandard.objects.create(
        charter=charter, standard=standard, position=position, wording=wording, wording_ga=wording_ga.strip()
    )
    audit_record(
        actor=actor,
        verb="charter.standard_add",
        target=charter,
        organisation=charter.organisation,
        after={"standard": standard.code, "wording": wording},
    )
    return item


@transaction.atomic
def charter_standard_update(*, actor, item, wording, wording_ga=""):
    _lock_editable(actor, item.charter)
    item = CharterStandard.objects.select_for_update().select_related("charter__organisation").get(pk=item.pk)
    wording = wording.strip()
    if not wording:
        raise ServiceError(_("Say in plain language what customers can expect."), field="wording")
    before = {"wording": item.wording, "wording_ga": item.wording_ga}
    item.wording, item.wording_ga = wording, wording_ga.strip()
    item.save(update_fields=["wording", "wording_ga"])
    audit_record(
        actor=actor,
        verb="charter.standard_update",
        target=item.charter,
        organisation=item.charter.organisation,
        before=before,
        after={"wording": item.wording, "wording_ga": item.wording_ga},
    )
    return item


@transaction.atomic
def charter_standard_remove(*, actor, item):
    charter = _lock_editable(actor, item.charter)
    deleted, _rows = CharterStandard.objects.filter(pk=item.pk).delete()
    if deleted:
        audit_record(
            actor=actor,
            verb="charter.standard_remove",
            target=charter,
            organisation=charter.organisation,
            before={"standard_id": item.standard_id, "wording": item.wording},
        )
    return charter
