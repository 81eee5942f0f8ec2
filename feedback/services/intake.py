"""Case creation for every channel: the red button (no actor) and contacts logged by an officer.

An anonymous case keeps no contact details (the database refuses them too). Nothing about the
request (address, user agent, session, user) is passed in, so nothing of it can be stored.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record

from .. import photos as photo_rules
from ..models import Case, CaseCategory, CaseChannel, CasePhoto
from ..receipts import receipt_issue
from ..working_days import deadlines_for


def _unique_reference():
    for _attempt in range(10):
        reference, secret, hashed = receipt_issue()
        if not Case.objects.filter(reference=reference).exists():
            return reference, secret, hashed
    raise ServiceError(_("Please try again."))  # pragma: no cover - 31^8 references


@transaction.atomic
def case_receive(
    *,
    organisation,
    service_point,
    category,
    channel,
    description,
    happened_on=None,
    is_anonymous,
    reporter_name="",
    reporter_email="",
    reporter_phone="",
    photos=(),
    actor=None,
):
    """Create a case and return ``(case, receipt)``; the receipt (shown once) is never stored in clear."""
    if category not in CaseCategory.values:
        raise ServiceError(_("Choose what kind of report this is."), field="category")
    if channel not in CaseChannel.values:
        raise ServiceError(_("Choose a channel."), field="channel")
    if service_point is not None and service_point.organisation_id != organisation.pk:
        raise ServiceError(_("This service point belongs to another organisation."), field="service_point")
    description = (description or "").strip()
    if not description:
        raise ServiceError(_("Say what happened."), field="description")
    now = timezone.now()
    if happened_on and happened_on > timezone.localdate():
        raise ServiceError(_("The date cannot be in the future."), field="happened_on")
    contact = {
        "reporter_name": (reporter_name or "").strip(),
        "reporter_email": (reporter_email or "").strip(),
        "reporter_phone": (reporter_phone or "").strip(),
    }
    if is_anonymous and any(contact.values()):
        raise ServiceError(
            _("You chose to stay anonymous: leave your contact details empty, or choose to give them."),
            field="is_anonymous",
        )
    photos = list(photos or ())
    if len(photos) > photo_rules.max_files():
        raise ServiceError(_("Send at most %(count)s photos.") % {"count": photo_rules.max_files()}, field="photos")
    prepared = []
    for photo in photos:
        if isinstance(photo, photo_rules.PreparedPhoto):
            prepared.append(photo)
            continue
        try:
            prepared.append(photo_rules.prepare_photo(photo))
        except ValueError as error:
            raise ServiceError(str(error), field="photos") from error
    acknowledge_by, resolve_by = deadlines_for(organisation, category, timezone.localdate(now))
    reference, secret, hashed = _unique_reference()
    case = Case.objects.create(
        organisation=organisation,
        service_point=service_point,
        reference=reference,
        receipt_hash=hashed,
        category=category,
        channel=channel,
        description=description,
        happened_on=happened_on,
        is_anonymous=bool(is_anonymous),
        received_at=now,
        acknowledge_by=acknowledge_by,
        resolve_by=resolve_by,
        logged_by=actor if actor is not None and actor.is_authenticated else None,
        **contact,
    )
    for photo in prepared:
        CasePhoto.objects.create(case=case, image=photo.content, width=photo.width, height=photo.height)
    # The audit trail names the officer who logged a contact; for a public report it names no one.
    audit_record(
        actor=actor,
        verb="case.receive",
        target=case,
        organisation=organisation,
        after={"reference": reference, "category": category, "channel": channel, "anonymous": bool(is_anonymous)},
    )
    from ..tasks import notify_new_case

    case_id = case.pk
    transaction.on_commit(lambda: notify_new_case.delay(case_id))
    return case, f"{reference}-{secret}"
