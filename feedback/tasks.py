"""Background work for feedback: e-mail to heads and reporters, and the scheduled escalation."""

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from common.text import single_line


def _case_link(case):
    for name, kwargs in (
        ("workspace:feedback:case_detail", {"organisation_pk": case.organisation_id, "pk": case.pk}),
        ("workspace:feedback:index", {}),
        ("workspace:index", {}),
    ):
        try:
            return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return settings.SITE_URL  # pragma: no cover


def escalation_recipients(organisation):
    """E-mail addresses of the people who receive red-button reports (RECEIVE_ESCALATIONS) in the organisation."""
    from organisations import roles
    from organisations.models import Membership

    return sorted(
        set(
            Membership.objects.filter(
                organisation=organisation,
                role__in=roles.roles_granting(roles.RECEIVE_ESCALATIONS),
                user__is_active=True,
            ).values_list("user__email", flat=True)
        )
    )


@shared_task
def notify_new_case(case_id):
    """Tell the head that a new report arrived: only "a new report" and a link (no content, no reporter),
    so nothing about a conduct report or its reporter sits in mailboxes."""
    from .models import Case

    case = Case.objects.select_related("organisation").filter(pk=case_id).first()
    if case is None:
        return
    recipients = escalation_recipients(case.organisation)
    if not recipients:
        return
    context = {"organisation": case.organisation, "reference": case.reference, "link": _case_link(case)}
    with translation.override(settings.LANGUAGE_CODE):
        subject = single_line(_("A new report for %(organisation)s") % {"organisation": case.organisation.name})
        body = render_to_string("feedback/email/new_case_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


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
    from .models import Case

    case = Case.objects.select_related("organisation").filter(pk=case_pk).first()
    if case is None:
        return
    recipients = escalation_recipients(case.organisation)
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


@shared_task
def feed_feedback_figures_task():
    from .services.figures import feedback_figures_feed_due

    outcomes = feedback_figures_feed_due()
    logger.info("Fed feedback figures for %s period(s)", sum(1 for *_rest, fed, _refused in outcomes if fed))
    return len(outcomes)
