"""Public comment on a draft charter: opening a period, taking comments, moderating them, recording the result.

Nothing about the person commenting is stored: no account, no IP address, no user agent.
A period is open from its first to its last day inclusive, while its charter is still a draft
(not yet published) and until the representative closes it and records it as a consultation.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record

from ..models import (
    Charter,
    CharterSection,
    CommentPeriod,
    CommentStatus,
    Consultation,
    ConsultationAudience,
    ConsultationMethod,
    DocumentState,
    PublicComment,
)

COMMENT_MAX_LENGTH = 5000


class PeriodStatus:
    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    CLOSED = "closed"


def period_status(period, today=None):
    today = today or timezone.localdate()
    if period.consultation_id is not None or period.charter.state not in DocumentState.OPEN_STATES:
        return PeriodStatus.CLOSED
    if today < period.starts_on:
        return PeriodStatus.NOT_YET_OPEN
    if today > period.ends_on:
        return PeriodStatus.CLOSED
    return PeriodStatus.OPEN


def _audit(actor, verb, period, before=None, **after):
    audit_record(
        actor=actor,
        verb=f"comment_period.{verb}",
        target=period,
        organisation=period.charter.organisation,
        before=before,
        after={"charter": period.charter_id, "version": period.charter.number, **after},
    )


@transaction.atomic
def comment_period_open(*, actor, organisation, starts_on, ends_on):
    """Open a public comment period on the organisation's current draft charter."""
    charter = (
        Charter.objects.select_for_update()
        .select_related("organisation")
        .filter(organisation=organisation, state__in=DocumentState.OPEN_STATES)
        .first()
    )
    if charter is None:
        raise ServiceError(
            _("%(name)s has no draft charter to consult on. Start a draft first.") % {"name": organisation}
        )
    if ends_on < starts_on:
        raise ServiceError(_("The closing date cannot be before the opening date."), field="ends_on")
    if ends_on < timezone.localdate():
        raise ServiceError(_("The closing date is already past."), field="ends_on")
    if charter.comment_periods.filter(consultation__isnull=True).exists():
        raise ServiceError(
            _("A comment period on this draft is already open or planned. Close and record it before opening another.")
        )
    period = CommentPeriod.objects.create(charter=charter, starts_on=starts_on, ends_on=ends_on, opened_by=actor)
    _audit(actor, "open", period, starts_on=str(starts_on), ends_on=str(ends_on))
    return period


@transaction.atomic
def public_comment_submit(*, period, text, section_id=None):
    """Take a comment from the public; refused (nothing stored) unless the period is open today."""
    period = CommentPeriod.objects.select_for_update().select_related("charter").get(pk=period.pk)
    status = period_status(period)
    if status == PeriodStatus.NOT_YET_OPEN:
        raise ServiceError(
            _("This comment period has not opened yet: it opens on %(date)s.")
            % {"date": period.starts_on.strftime("%d/%m/%Y")}
        )
    if status == PeriodStatus.CLOSED:
        raise ServiceError(_("This comment period is closed: comments are no longer taken."))
    text = (text or "").strip()
    if not text:
        raise ServiceError(_("Write your comment."), field="text")
    if len(text) > COMMENT_MAX_LENGTH:
        raise ServiceError(
            _("Keep your comment to %(count)s characters or fewer.") % {"count": COMMENT_MAX_LENGTH}, field="text"
        )
    section = None
    if section_id:
        section = CharterSection.objects.filter(pk=section_id, charter=period.charter).first()
        if section is None:
            raise ServiceError(_("Choose a section of this draft charter, or none."), field="section")
    return PublicComment.objects.create(period=period, text=text, section=section)


def _lock_open_period(period):
    period = CommentPeriod.objects.select_for_update().select_related("charter__organisation").get(pk=period.pk)
    if period.consultation_id is not None:
        raise ServiceError(_("This comment period has been closed and recorded: its comments can no longer change."))
    return period


@transaction.atomic
def comment_moderate(*, actor, period, comment_id, decision, section_id=None):
    """Accept (optionally linking the section it informed) or reject a comment of the period."""
    period = _lock_open_period(period)
    comment = PublicComment.objects.select_for_update().filter(pk=comment_id, period=period).first()
    if comment is None:
        raise ServiceError(_("That comment is not one of this comment period's."))
    if decision not in (CommentStatus.ACCEPTED, CommentStatus.REJECTED):
        raise ServiceError(_("Choose to accept or reject the comment."))
    section = None
    if section_id and decision == CommentStatus.ACCEPTED:
        section = CharterSection.objects.filter(pk=section_id, charter=period.charter).first()
        if section is None:
            raise ServiceError(_("Choose a section of this draft charter, or none."))
    elif decision == CommentStatus.ACCEPTED:
        section = comment.section
    before = {"comment": comment.pk, "status": comment.status, "section": comment.section_id}
    comment.status = decision
    comment.section = section if decision == CommentStatus.ACCEPTED else comment.section
    comment.moderated_by = actor
    comment.moderated_at = timezone.now()
    comment.save(update_fields=["status", "section", "moderated_by", "moderated_at"])
    _audit(actor, "moderate", period, before=before, comment=comment.pk, status=decision, section=comment.section_id)
    return comment


@transaction.atomic
def comment_period_record(*, actor, period, title, findings):
    """Close the period and turn its accepted comments into a consultation record (once: a repeat returns it)."""
    period = CommentPeriod.objects.select_for_update().select_related("charter__organisation").get(pk=period.pk)
    if period.consultation_id is not None:
        return period.consultation
    today = timezone.localdate()
    if today < period.starts_on:
        raise ServiceError(_("This comment period has not opened yet, so there is nothing to record."))
    if period.comments.filter(status=CommentStatus.PENDING).exists():
        raise ServiceError(_("Accept or reject every comment before recording the period."))
    if not (findings or "").strip():
        raise ServiceError(_("Summarise what was learned."), field="findings")
    before = {"starts_on": str(period.starts_on), "ends_on": str(period.ends_on)}
    period.ends_on = min(period.ends_on, max(today, period.starts_on))
    accepted = period.comments.filter(status=CommentStatus.ACCEPTED)
    charter = period.charter
    consultation = Consultation.objects.create(
        organisation=charter.organisation,
        title=(title or "").strip()
        or _("Public comment on the draft charter (version %(number)s)") % {"number": charter.number},
        method=ConsultationMethod.PUBLIC_CONSULTATION,
        audience=ConsultationAudience.CUSTOMERS,
        participants=_("Members of the public who commented on the draft charter"),
        participant_count=accepted.count(),
        starts_on=period.starts_on,
        ends_on=period.ends_on,
        findings=findings.strip(),
        created_by=actor,
    )
    consultation.informed_sections.set(
        CharterSection.objects.filter(public_comments__in=accepted, charter=charter).distinct()
    )
    period.consultation = consultation
    period.save(update_fields=["ends_on", "consultation"])
    _audit(actor, "record", period, before=before, consultation=consultation.pk, ends_on=str(period.ends_on))
    audit_record(
        actor=actor,
        verb="consultation.create",
        target=consultation,
        organisation=charter.organisation,
        after={"from_comment_period": period.pk, "participant_count": consultation.participant_count},
    )
    return consultation
