"""Moving a charter or an action plan through its life cycle (`action_plans/lifecycle.py`).

Each service locks the document (select_for_update), checks the transition applies to its current
state and that the actor may take it, and writes an audit event with the state before and after.
A second click on the same button finds the state already moved and gets a clear message.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.errors import ServiceError
from organisations.audit import audit_record

from ..checklists import missing_for_submission
from ..lifecycle import DocumentFlow
from ..models import Charter, DocumentState, ReviewComment

STATE_MESSAGES = {
    DocumentState.DRAFT: gettext_lazy("This is still a draft: the head of organisation has not signed it off."),
    DocumentState.SIGNED_OFF: gettext_lazy("This has been signed off and is waiting to be submitted."),
    DocumentState.SUBMITTED: gettext_lazy("This has been submitted and is waiting for review."),
    DocumentState.CHANGES_REQUESTED: gettext_lazy("Changes have been requested: it is back with the organisation."),
    DocumentState.APPROVED: gettext_lazy("This has been approved and is waiting to be published."),
    DocumentState.PUBLISHED: gettext_lazy("This version is published and read-only. Start a new version to change it."),
    DocumentState.SUPERSEDED: gettext_lazy("This version has been replaced by a later one and is read-only."),
}


def kind_name(document):
    return "charter" if isinstance(document, Charter) else "action_plan"


def lock(document):
    return type(document).objects.select_for_update().select_related("organisation").get(pk=document.pk)


def state_message(document):
    return str(STATE_MESSAGES[DocumentState(document.state)])


def check_editable(document):
    """ServiceError unless the organisation may change the document's text now."""
    if not document.is_editable:
        raise ServiceError(state_message(document))


def _transition(actor, document, name):
    transition = getattr(DocumentFlow(document), name)
    if not transition.can_proceed():
        raise ServiceError(state_message(document))
    if actor is not None and not transition.has_perm(actor):
        raise ServiceError(_("You may not do this to a document of %(name)s.") % {"name": document.organisation})
    return transition


def _audit(actor, document, verb, before_state, **details):
    audit_record(
        actor=actor,
        verb=f"{kind_name(document)}.{verb}",
        target=document,
        organisation=document.organisation,
        before={"state": before_state, "version": document.number},
        after={"state": document.state, "version": document.number, **details},
    )


def _check_complete(document):
    missing = missing_for_submission(document)
    if missing:
        raise ServiceError(
            _("This cannot go forward until it is complete. Missing: %(items)s")
            % {"items": " ".join(item.message for item in missing)}
        )


@transaction.atomic
def document_sign_off(*, actor, document):
    """The head of organisation signs off a complete draft."""
    document = lock(document)
    before = document.state
    transition = _transition(actor, document, "sign_off")
    _check_complete(document)
    transition()
    document.signed_off_by = actor
    document.signed_off_at = timezone.now()
    document.save(update_fields=["state", "signed_off_by", "signed_off_at"])
    _audit(actor, document, "sign_off", before)
    return document


@transaction.atomic
def document_reopen(*, actor, document):
    """Back to draft after sign-off, to change the text; the sign-off is cleared."""
    document = lock(document)
    before = document.state
    _transition(actor, document, "reopen")()
    document.signed_off_by = None
    document.signed_off_at = None
    document.save(update_fields=["state", "signed_off_by", "signed_off_at"])
    _audit(actor, document, "reopen", before)
    return document


@transaction.atomic
def document_submit(*, actor, document):
    """Hand a signed-off (or revised) document in for review; it must be complete."""
    document = lock(document)
    before = document.state
    transition = _transition(actor, document, "submit")
    _check_complete(document)
    transition()
    document.submitted_at = timezone.now()
    document.save(update_fields=["state", "submitted_at"])
    _audit(actor, document, "submit", before)
    return document


@transaction.atomic
def document_request_changes(*, actor, document, comments):
    """Send the document back with comments: ``comments`` is a list of (section or None, principle, text)."""
    document = lock(document)
    before = document.state
    transition = _transition(actor, document, "request_changes")
    comments = [(section, principle, (text or "").strip()) for section, principle, text in comments]
    comments = [comment for comment in comments if comment[2]]
    if not comments:
        raise ServiceError(_("Write at least one comment saying what should change."), field="comment")
    for section, _principle, _text in comments:
        if section is not None and section.charter_id != document.pk:
            raise ServiceError(_("That section is not part of this document."))
    transition()
    document.reviewed_by = actor
    document.reviewed_at = timezone.now()
    document.save(update_fields=["state", "reviewed_by", "reviewed_at"])
    is_charter = isinstance(document, Charter)
    ReviewComment.objects.bulk_create(
        ReviewComment(
            charter=document if is_charter else None,
            plan=None if is_charter else document,
            section=section,
            principle=principle or "",
            author=actor,
            text=text,
        )
        for section, principle, text in comments
    )
    _audit(actor, document, "request_changes", before, comments=len(comments))
    return document


@transaction.atomic
def document_approve(*, actor, document):
    document = lock(document)
    before = document.state
    _transition(actor, document, "approve")()
    document.reviewed_by = actor
    document.reviewed_at = timezone.now()
    document.save(update_fields=["state", "reviewed_by", "reviewed_at"])
    _audit(actor, document, "approve", before)
    return document


@transaction.atomic
def document_publish(*, actor, document):
    """Publish the approved version; the version published before it is superseded in the same transaction."""
    document = lock(document)
    before = document.state
    transition = _transition(actor, document, "publish")
    model = type(document)
    previous = model.objects.select_for_update().filter(
        organisation_id=document.organisation_id, state=DocumentState.PUBLISHED
    )
    now = timezone.now()
    for old in previous:
        DocumentFlow(old).supersede()
        old.superseded_at = now
        old.save(update_fields=["state", "superseded_at"])
        _audit(actor, old, "supersede", DocumentState.PUBLISHED, by_version=document.number)
    transition()
    document.published_by = actor
    document.published_at = now
    document.save(update_fields=["state", "published_by", "published_at"])
    _audit(actor, document, "publish", before)
    return document
