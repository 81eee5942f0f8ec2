"""The progress rules of an action plan, in one place: an action's status, "overdue" and "at risk".

- An action's status on a date is that of its latest progress update reported on or before the date
  (the latest by date, then the latest entered); no update means no status yet.
- Overdue: the target date has passed and the latest status is not "done".
- At risk: the latest status is "at risk" or "late".

The same rules are given twice: on Python objects (pages, the report) and as database filters (the
"My work" list and the weekly digest, one query each). The tests check that both agree.
"""

import datetime

from django.db.models import OuterRef, Q, Subquery

from .models import ActionProgress, ProgressStatus

RISK_STATUSES = (ProgressStatus.AT_RISK, ProgressStatus.LATE)


def latest_update(updates, on=None):
    """The latest of an action's updates (any iterable), reported on or before ``on`` if given; None if none."""
    chosen = None
    for update in updates:
        if on is not None and update.reported_on > on:
            continue
        if chosen is None or (update.reported_on, update.pk or 0) > (chosen.reported_on, chosen.pk or 0):
            chosen = update
    return chosen


def status_on(updates, on=None):
    """The status (a ProgressStatus value) given by the latest update by ``on``, or "" when there is none."""
    update = latest_update(updates, on)
    return update.status if update else ""


def is_overdue(target_date, status, today):
    return target_date < today and status != ProgressStatus.DONE


def is_at_risk(status):
    return status in RISK_STATUSES


def latest_status_subquery():
    """For annotating PlanAction querysets: the status of each action's latest update."""
    latest = ActionProgress.objects.filter(action=OuterRef("pk")).order_by("-reported_on", "-pk")
    return Subquery(latest.values("status")[:1])


def with_latest_status(actions):
    return actions.annotate(latest_status=latest_status_subquery())


def overdue_q(today):
    """On a queryset annotated by `with_latest_status`."""
    return Q(target_date__lt=today) & (Q(latest_status__isnull=True) | ~Q(latest_status=ProgressStatus.DONE))


def at_risk_q():
    return Q(latest_status__in=RISK_STATUSES)


def flagged(actions, today):
    """Actions that are overdue or at risk (annotated with ``latest_status``)."""
    return with_latest_status(actions).filter(overdue_q(today) | at_risk_q())


def year_end(year):
    return datetime.date(year, 12, 31)
