"""Recording consultations and linking them to the charter sections and plan actions they informed.

A consultation is an evidence note, not a published document, so it stays editable, until a charter
that cites it is published: from then on it is part of what was published and is frozen.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record

from ..models import ActionPlan, Charter, CharterSection, Consultation, DocumentState, PlanAction

FIELDS = (
    "title",
    "method",
    "audience",
    "participants",
    "participant_count",
    "starts_on",
    "ends_on",
    "findings",
)
LINKABLE_STATES = (*DocumentState.OPEN_STATES, DocumentState.PUBLISHED)
PUBLISHED_STATES = (DocumentState.PUBLISHED, DocumentState.SUPERSEDED)


def linkable_sections(organisation):
    """Sections of the organisation's current open and published charters."""
    return (
        CharterSection.objects.filter(charter__organisation=organisation, charter__state__in=LINKABLE_STATES)
        .select_related("charter")
        .order_by("-charter__number", "position")
    )


def linkable_actions(organisation):
    """Actions of the organisation's current open and published action plans."""
    return (
        PlanAction.objects.filter(plan__organisation=organisation, plan__state__in=LINKABLE_STATES)
        .select_related("plan")
        .order_by("-plan__number", "principle", "position")
    )


def is_frozen(consultation):
    """Whether a published (or once published) charter cites the consultation."""
    return (
        consultation.pk is not None
        and consultation.informed_sections.filter(charter__state__in=PUBLISHED_STATES).exists()
    )


def _clean(values):
    if values["ends_on"] < values["starts_on"]:
        raise ServiceError(_("The end date cannot be before the start date."), field="ends_on")
    if not str(values.get("findings", "")).strip():
        raise ServiceError(_("Say what was learned."), field="findings")


def _links(organisation, section_ids, action_ids, consultation=None):
    """The sections and actions to link, refusing ids that are not the organisation's current documents'."""
    section_ids = {int(pk) for pk in section_ids}
    action_ids = {int(pk) for pk in action_ids}
    kept_sections = set()
    if consultation is not None:  # links made earlier stay valid even if their document moved on
        kept_sections = set(consultation.informed_sections.values_list("pk", flat=True))
    sections = list(
        CharterSection.objects.filter(pk__in=section_ids, charter__organisation=organisation).filter(
            charter__state__in=LINKABLE_STATES
        )
    ) + list(CharterSection.objects.filter(pk__in=section_ids & kept_sections))
    sections = {section.pk: section for section in sections}
    if set(sections) != section_ids:
        raise ServiceError(
            _("A charter section you chose is not part of a current charter of %(name)s.") % {"name": organisation},
            field="informed_sections",
        )
    kept_actions = set()
    if consultation is not None:
        kept_actions = set(consultation.informed_actions.values_list("pk", flat=True))
    actions = list(
        PlanAction.objects.filter(pk__in=action_ids, plan__organisation=organisation, plan__state__in=LINKABLE_STATES)
    ) + list(PlanAction.objects.filter(pk__in=action_ids & kept_actions))
    actions = {action.pk: action for action in actions}
    if set(actions) != action_ids:
        raise ServiceError(
            _("A plan action you chose is not part of a current action plan of %(name)s.") % {"name": organisation},
            field="informed_actions",
        )
    return sorted(sections), sorted(actions)


def _snapshot(consultation):
    return {
        **{name: str(getattr(consultation, name)) for name in FIELDS if name != "findings"},
        "sections": sorted(consultation.informed_sections.values_list("pk", flat=True)),
        "actions": sorted(consultation.informed_actions.values_list("pk", flat=True)),
    }


@transaction.atomic
def consultation_create(*, actor, organisation, values, section_ids=(), action_ids=()):
    _clean(values)
    sections, actions = _links(organisation, section_ids, action_ids)
    consultation = Consultation.objects.create(
        organisation=organisation, created_by=actor, **{name: values.get(name) for name in FIELDS}
    )
    if consultation.participants is None:
        consultation.participants = ""
        consultation.save(update_fields=["participants"])
    consultation.informed_sections.set(sections)
    consultation.informed_actions.set(actions)
    audit_record(
        actor=actor,
        verb="consultation.create",
        target=consultation,
        organisation=organisation,
        after=_snapshot(consultation),
    )
    return consultation


@transaction.atomic
def consultation_update(*, actor, consultation, values, section_ids=(), action_ids=()):
    consultation = Consultation.objects.select_for_update().select_related("organisation").get(pk=consultation.pk)
    if is_frozen(consultation):
        raise ServiceError(
            _("A published charter cites this consultation, so it can no longer be changed: it is part of the record.")
        )
    _clean(values)
    sections, actions = _links(consultation.organisation, section_ids, action_ids, consultation)
    before = _snapshot(consultation)
    for name in FIELDS:
        setattr(consultation, name, values.get(name))
    consultation.participants = consultation.participants or ""
    consultation.save()
    consultation.informed_sections.set(sections)
    consultation.informed_actions.set(actions)
    audit_record(
        actor=actor,
        verb="consultation.update",
        target=consultation,
        organisation=consultation.organisation,
        before=before,
        after=_snapshot(consultation),
    )
    return consultation


def current_open_charter(organisation):
    return Charter.objects.filter(organisation=organisation, state__in=DocumentState.OPEN_STATES).first()


def current_documents(organisation):
    """The organisation's open and published charters and plans (for the pages that offer links)."""
    return {
        "charters": Charter.objects.filter(organisation=organisation, state__in=LINKABLE_STATES),
        "plans": ActionPlan.objects.filter(organisation=organisation, state__in=LINKABLE_STATES),
    }
