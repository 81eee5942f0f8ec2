"""Background tasks for feedback: telling the head of organisation about a new report."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext

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
        subject = single_line(gettext("A new report for %(organisation)s") % {"organisation": case.organisation.name})
        body = render_to_string("feedback/email/new_case_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
