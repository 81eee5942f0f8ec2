"""E-mail reminders: before the due date and when overdue, at most one e-mail a week per person.

A person is reminded when they have live assignments without a valid completion that are due within
``REMIND_DAYS_BEFORE`` days or overdue, and none of their assignments was reminded in the last
``REMINDER_INTERVAL``. One e-mail lists all such modules; each listed assignment records
``last_reminded_at``. Running it again (the same day or any time in the week) sends nothing: it is
idempotent. The record is written before the e-mail is sent (after the commit), so a failed send is not
retried for a week rather than ever sending twice.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from common.bilingual import in_language
from common.text import single_line
from organisations.models import Membership

from ..assignment_status import valid_completions
from ..models import Assignment, ModuleVersion, VersionStatus

REMIND_DAYS_BEFORE = 7
REMINDER_INTERVAL = datetime.timedelta(days=7)


def _to_remind(today: datetime.date):
    """Live assignments of active people still in the organisation, due within the window or overdue, not done."""
    still_member = Membership.objects.filter(user=OuterRef("user"), organisation=OuterRef("organisation"))
    return (
        Assignment.objects.filter(
            Exists(still_member),
            withdrawn_at__isnull=True,
            user__is_active=True,
            due_date__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE),
        )
        .exclude(Exists(valid_completions(today, user=OuterRef("user"), module=OuterRef("module"))))
        .order_by()
    )


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Send the reminders due now; returns the number of e-mails sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    recently = Assignment.objects.filter(last_reminded_at__gt=now - REMINDER_INTERVAL).values("user_id")
    user_ids = sorted(set(_to_remind(today).exclude(user_id__in=recently).values_list("user_id", flat=True).distinct()))
    sent = 0
    for user_id in user_ids:
        sent += _remind(user_id=user_id, now=now, today=today)
    return sent


@transaction.atomic
def _remind(*, user_id, now, today) -> int:
    """Remind one person (their rows locked, the weekly cap checked again): 1 if an e-mail goes out."""
    mine = list(
        Assignment.objects.select_for_update().filter(user_id=user_id).order_by("pk").values_list("pk", flat=True)
    )
    if Assignment.objects.filter(pk__in=mine, last_reminded_at__gt=now - REMINDER_INTERVAL).exists():
        return 0  # another run reminded them meanwhile
    published = ModuleVersion.objects.filter(module=OuterRef("module"), status=VersionStatus.PUBLISHED)
    due = list(
        _to_remind(today)
        .filter(pk__in=mine)
        .select_related("user", "organisation", "module")
        .annotate(version_id=Subquery(published.values("pk")[:1]))
        .order_by("due_date", "pk")
    )
    if not due:
        return 0
    Assignment.objects.filter(pk__in=[assignment.pk for assignment in due]).update(last_reminded_at=now)
    user = due[0].user
    versions = ModuleVersion.objects.in_bulk([assignment.version_id for assignment in due if assignment.version_id])
    transaction.on_commit(lambda: _send(user=user, due=due, versions=versions, today=today))
    return 1


def _send(*, user, due, versions, today):
    with translation.override(settings.LANGUAGE_CODE):
        items = [
            {
                "title": in_language(versions[assignment.version_id], "title")
                if assignment.version_id in versions
                else assignment.module.code,
                "organisation": assignment.organisation.name,
                "due_date": assignment.due_date,
                "overdue": assignment.due_date < today,
            }
            for assignment in due
        ]
        overdue = any(item["overdue"] for item in items)
        subject = single_line(
            gettext("Training overdue: please complete it now")
            if overdue
            else gettext("Training due soon: please complete it by the due date")
        )
        link = settings.SITE_URL.rstrip("/") + _my_training_path()
        body = render_to_string(
            "training/email/reminder_body.txt", {"user": user, "items": items, "link": link, "overdue": overdue}
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _my_training_path():
    """ "My training" (the learner's pages), or the workspace home where that page is not installed."""
    try:
        return reverse("workspace:training:index")
    except NoReverseMatch:
        return reverse("workspace:index")
