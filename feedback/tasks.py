"""Background work for feedback: e-mail to reporters and heads, and the scheduled escalation."""

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


@shared_task
def send_reporter_message(message_pk):
    """E-mail a message to a reporter who gave an address (the receipt is never in the e-mail)."""
    from .models import CaseMessage

    message = CaseMessage.objects.select_related("case__organisation").filter(pk=message_pk).first()
    if message is None or not message.case.reporter_email:
        return
    case = message.case
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your case %(reference)s with %(organisation)s") % {
            "reference": case.reference,
            "organisation": case.organisation.name,
        }
        body = _(
            "%(text)s\n\nTo answer, or to follow your case, open %(url)s and enter the receipt you were given."
        ) % {"text": message.text, "url": settings.SITE_URL.rstrip("/") + reverse("public_feedback:case_follow")}
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [case.reporter_email])


@shared_task
def notify_escalation(case_pk):
    """Tell the organisation's heads (RECEIVE_ESCALATIONS) that a case was escalated; no case contents."""
    from organisations import roles
    from organisations.models import Membership

    from .models import Case

    case = Case.objects.select_related("organisation").filter(pk=case_pk).first()
    if case is None:
        return
    heads = (
        Membership.objects.filter(
            organisation=case.organisation, role__in=roles.roles_granting(roles.RECEIVE_ESCALATIONS)
        )
        .filter(user__is_active=True)
        .values_list("user__email", flat=True)
        .distinct()
    )
    recipients = sorted(set(heads))
    if not recipients:
        return
    url = settings.SITE_URL.rstrip("/") + reverse(
        "workspace:feedback:case_detail", kwargs={"organisation_pk": case.organisation_id, "pk": case.pk}
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Case %(reference)s has been escalated") % {"reference": case.reference}
        body = _("Case %(reference)s was not handled in time and has been escalated to you.\n\n%(url)s") % {
            "reference": case.reference,
            "url": url,
        }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


@shared_task
def escalate_overdue_cases_task():
    from .services.escalation import escalate_overdue_cases

    escalated = escalate_overdue_cases()
    logger.info("Escalated %s overdue cases", len(escalated))
    return len(escalated)
