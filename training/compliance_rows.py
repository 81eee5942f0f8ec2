"""What the compliance figures are counted from: an organisation's assignments, each with the days it is live on and
the days its person holds a valid completion of its module (`training/compliance.py` counts them).

Two queries read everything, however many staff: the assignments and the completions
of the assigned people and modules. Moments come back as local dates, never as timestamps (Django's time-zone-aware
timestamp loader costs about 10 µs a value: 0.3 s at 5,000 staff); days are then positions in the list of days
asked about, and "the days something holds on" is a bit mask over those positions.

The day rules are those of `training/rules.py`, over days:
- an assignment is live on a day from the day it was created until the day before it was withdrawn;
- a completion is valid on a day from the day it was made to its ``expires_on``, inclusive (no expiry: no end), when
  its version is at least the module's ``completions_valid_from`` (checked in the query);
- on the last day asked about ("today"): a valid completion is lasting unless it expires within
  ``EXPIRING_SOON_DAYS`` days.
"""

import bisect
import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from organisations.models import Membership, User

from .models import Assignment, Completion
from .rules import EXPIRING_SOON_DAYS


def day_end(day):
    """The first moment after the day in the site's time zone: `moment < day_end(day)` is `moment's day <= day`."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time()))


def _bits(start, stop):
    """The mask of positions start .. stop - 1."""
    return ((1 << stop) - 1) ^ ((1 << start) - 1) if start < stop else 0


def _fetch(values_list):
    """The rows of a values_list queryset. On PostgreSQL straight from the cursor: the driver already returns these
    columns (integers, text, dates) as Python values, and Django's per-value converters would cost as much again
    as the query. SQLite returns dates as text, so there Django converts them."""
    if connection.vendor != "postgresql":
        return list(values_list)
    sql, params = values_list.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass(slots=True)
class Held:
    """A person's valid completions of one module: the days they hold one on and, on the last day, the latest expiry
    and completion day of those valid then, and whether one of them lasts beyond the expiring-soon window."""

    valid: int = 0
    lasting: bool = False
    expires_on: datetime.date | None = None
    completed_on: datetime.date | None = None


@dataclass(slots=True)
class AssignmentRow:
    pk: int
    module_id: int
    user_id: int
    due_date: datetime.date
    live: int  # the days it is live on
    valid: int  # the live days its person holds a valid completion on
    held: Held


NOTHING_HELD = Held()


def _held_completions(assignments, days):
    """{(user id, module id): Held} for the assigned people's completions that may be valid on one of the days."""
    today, soon = days[-1], days[-1] + datetime.timedelta(days=EXPIRING_SOON_DAYS)
    completions = (
        Completion.objects.filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=days[0]),
            user_id__in=assignments.values("user_id"),
            module_id__in=assignments.values("module_id"),
            version_number__gte=F("module__completions_valid_from"),
            completed_at__lt=day_end(today),
        )
        .order_by()
        .annotate(completed_on=TruncDate("completed_at"))
        .values_list("user_id", "module_id", "completed_on", "expires_on")
    )
    held = {}
    for user_id, module_id, completed_on, expires_on in _fetch(completions):
        start = bisect.bisect_left(days, completed_on)  # the first day on or after the completion day
        stop = len(days) if expires_on is None else bisect.bisect_right(days, expires_on)  # days up to the expiry
        valid = _bits(start, stop)
        if not valid:
            continue
        entry = held.setdefault((user_id, module_id), Held())
        entry.valid |= valid
        if valid >> (len(days) - 1):  # valid today
            entry.lasting = entry.lasting or expires_on is None or expires_on > soon
            if expires_on is not None and (entry.expires_on is None or expires_on > entry.expires_on):
                entry.expires_on = expires_on
            if entry.completed_on is None or completed_on > entry.completed_on:
                entry.completed_on = completed_on
    return held


def assignment_rows(organisation, days):
    """The organisation's assignments live on at least one of the days (oldest first, the last one is "today")."""
    assignments = Assignment.objects.filter(organisation=organisation, created_at__lt=day_end(days[-1])).filter(
        Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=day_end(days[0]))
    )
    held = _held_completions(assignments, days)
    values = (
        assignments.order_by()
        .annotate(created_on=TruncDate("created_at"), withdrawn_on=TruncDate("withdrawn_at"))
        .values_list(
            "pk",
            "module_id",
            "user_id",
            "due_date",
            "created_on",
            "withdrawn_on",
        )
    )
    rows = []
    for pk, module_id, user_id, due_date, created_on, withdrawn_on in _fetch(values):
        start = bisect.bisect_left(days, created_on)  # the first day on or after its creation
        stop = len(days) if withdrawn_on is None else bisect.bisect_left(days, withdrawn_on)  # days before withdrawal
        live = _bits(start, stop)
        if not live:
            continue
        person = held.get((user_id, module_id), NOTHING_HELD)
        rows.append(AssignmentRow(pk, module_id, user_id, due_date, live, person.valid & live, person))
    return rows


def person_names(user_ids):
    """{user id: (first name, last name, e-mail)} of these people: read only for those the lists show, since
    the names of every assigned person cost as much to read as the rest of their assignment."""
    if not user_ids:
        return {}
    people = User.objects.filter(pk__in=sorted(user_ids)).order_by()
    people = people.values_list("pk", "first_name", "last_name", "email")
    return {pk: (first, last, email) for pk, first, last, email in _fetch(people)}


def member_roles(organisation):
    """{user id: [their roles in the organisation]}."""
    roles = {}
    for user_id, role in Membership.objects.filter(organisation=organisation).order_by().values_list("user_id", "role"):
        roles.setdefault(user_id, []).append(role)
    return roles
