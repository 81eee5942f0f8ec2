"""Receiving a case from any channel.

PLACEHOLDER written by the `cases` branch with EXACTLY the agreed signature; the `redbutton` branch
owns this module (photos, receipts, notifications) and the lead keeps redbutton's version at merge.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record

from ..models import Case, CaseCategory, CaseChannel
from ..receipts import receipt_issue
from ..working_days import deadlines_for


@transaction.atomic
def case_receive(
    *,
    organisation,
    service_point,
    category,
    channel,
    description,
    happened_on,
    is_anonymous,
    reporter_name="",
    reporter_email="",
    reporter_phone="",
    photos=(),
    actor=None,
):
    """Create a case; returns (case, receipt) where the receipt is shown once."""
    if category not in CaseCategory.values or channel not in CaseChannel.values:
        raise ServiceError(_("Choose a category and a channel from the list."))
    if service_point is not None and service_point.organisation_id != organisation.pk:
        raise ServiceError(_("That service point belongs to another organisation."), field="service_point")
    now = timezone.now()
    acknowledge_by, resolve_by = deadlines_for(organisation, category, timezone.localdate(now))
    reference, secret, receipt_hash = receipt_issue()
    case = Case.objects.create(
        organisation=organisation,
        service_point=service_point,
        reference=reference,
        receipt_hash=receipt_hash,
        category=category,
        channel=channel,
        description=description,
        happened_on=happened_on,
        is_anonymous=is_anonymous,
        reporter_name="" if is_anonymous else reporter_name,
        reporter_email="" if is_anonymous else reporter_email,
        reporter_phone="" if is_anonymous else reporter_phone,
        received_at=now,
        acknowledge_by=acknowledge_by,
        resolve_by=resolve_by,
        logged_by=actor,
    )
    audit_record(actor=actor, verb="case.receive", target=case, organisation=organisation, after={"channel": channel})
    return case, f"{reference}-{secret}"
