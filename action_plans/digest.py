"""The weekly e-mail to heads of organisation: their published plans' overdue and at-risk actions.

Sent at most once a week to each person (a PlanDigestSent row per person and week, written in the same
transaction as the sending), so running it twice, by Celery beat or by hand, sends nothing more.
Nobody gets an e-mail when nothing needs their attention.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from common.text import single_line
from organisations import roles
from organisations.models import Membership

from .models import DocumentState, PlanDigestSent
from .todo_plans import action_kind, action_url, flagged_plan_actions


def week_of(day):
    return day - datetime.timedelta(days=day.weekday())


def heads_to_tell():
    """People who sign off for an organisation with a published plan, with their organisation ids."""
    memberships = Membership.objects.filter(
        role__in=roles.roles_granting(roles.APPROVE_SUBMISSIONS),
        organisation__actionplans__state=DocumentState.PUBLISHED,
        user__is_active=True,
    ).select_related("user")
    people = {}
    for membership in memberships:
        people.setdefault(membership.user_id, (membership.user, set()))[1].add(membership.organisation_id)
    return people.values()


def send_action_plan_digest(*, today=None):
    """Send this week's digest to every head with something to watch; returns the number of e-mails sent."""
    today = today or timezone.localdate()
    week = week_of(today)
    already = set(PlanDigestSent.objects.filter(week_of=week).values_list("user_id", flat=True))
    sent = 0
    for user, organisation_ids in heads_to_tell():
        if user.pk in already or not user.email:
            continue
        actions = list(flagged_plan_actions(organisation_ids, today))
        if not actions:
            continue
        try:
            with transaction.atomic():
                PlanDigestSent.objects.create(user=user, week_of=week, actions=len(actions))
                _send(user, actions, today)
        except IntegrityError:
            continue  # sent by a run at the same time
        sent += 1
    return sent


def _send(user, actions, today):
    base = settings.SITE_URL.rstrip("/")
    rows = [
        {
            "kind": action_kind(action, today),
            "objective": single_line(action.objective),
            "organisation": action.plan.organisation.name,
            "target_date": action.target_date,
            "link": base + action_url(action),
        }
        for action in actions
    ]
    with translation.override(settings.LANGUAGE_CODE):
        subject = single_line(
            gettext("Action plans: %(count)s actions need attention this week") % {"count": len(rows)}
        )
        body = render_to_string("action_plans/email/plan_digest_body.txt", {"user": user, "rows": rows})
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
