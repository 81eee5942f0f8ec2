"""What a reporter does on the follow-a-case page: add information until the case is closed, rate it once closed.

The reporter is no user: the audit events have no actor, and nothing about their browser or address is kept.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record

from ..models import Case, CaseMessage, CaseState, MessageDirection

MAX_TEXT = 10000


def _lock(case):
    return Case.objects.select_for_update().select_related("organisation").get(pk=case.pk)


@transaction.atomic
def reporter_add_information(*, case, text):
    case = _lock(case)
    if case.state == CaseState.CLOSED:
        raise ServiceError(_("This case is closed, so it takes no more information."))
    text = (text or "").strip()
    if not text:
        raise ServiceError(_("Write what you want to add."), field="text")
    if len(text) > MAX_TEXT:
        raise ServiceError(_("Keep it under %(limit)s characters.") % {"limit": MAX_TEXT}, field="text")
    message = CaseMessage.objects.create(case=case, direction=MessageDirection.FROM_REPORTER, text=text)
    audit_record(
        actor=None,
        verb="case.reporter_message",
        target=case,
        organisation=case.organisation,
        after={"message": message.pk},
    )
    return message


@transaction.atomic
def reporter_rate(*, case, satisfaction):
    case = _lock(case)
    if case.state != CaseState.CLOSED:
        raise ServiceError(_("You can rate the handling of your case once it is closed."))
    if case.satisfaction is not None:
        raise ServiceError(_("You have already rated this case. Thank you."))
    if satisfaction not in (1, 2, 3, 4, 5):
        raise ServiceError(_("Choose a rating from 1 to 5."), field="satisfaction")
    case.satisfaction = satisfaction
    case.rated_at = timezone.now()
    case.save(update_fields=["satisfaction", "rated_at"])
    audit_record(
        actor=None, verb="case.rate", target=case, organisation=case.organisation, after={"satisfaction": satisfaction}
    )
    return case
