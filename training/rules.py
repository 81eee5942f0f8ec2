"""The training rules, in one place: when a completion counts, and where a person stands with a module.

These are the definitions every page uses (``training/compliance.py`` computes the same ones set-wise
for many people at once, and must agree with these):

- A completion is **valid** on a day when it was completed on or before that day, it has not expired
  (``expires_on`` is empty, or the day is on or before ``expires_on``: the certificate is "valid until"
  that day, inclusive), and its ``version_number`` is at least ``module.completions_valid_from`` (a
  publication that says so makes earlier completions be retaken).
- A completion counts for the person and the module whatever organisation it was taken under: someone
  who belongs to two organisations that use the same shared module takes it once.
- **Expiring soon**: the person holds a valid completion that expires within ``EXPIRING_SOON_DAYS``
  (60) days of the day (``expires_on <= day + 60 days``).
- **Done**: a valid completion that is not expiring soon.
- **Overdue**: no valid completion and the assignment's due date is before the day.
- **In progress**: no valid completion, not overdue, and the person has started reading the module's
  current version since their last completion of it (a completion starts the reading afresh).
- **Due**: assigned, no valid completion, not overdue, not started.
- **Available**: not assigned, no valid completion, not started (a module of one of the person's
  organisations they may take of their own accord).
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

EXPIRING_SOON_DAYS = 60


class Status(models.TextChoices):
    OVERDUE = "overdue", _("Overdue")
    DUE = "due", _("To do")
    IN_PROGRESS = "in_progress", _("In progress")
    EXPIRING_SOON = "expiring_soon", _("Expiring soon")
    DONE = "done", _("Done")
    AVAILABLE = "available", _("Available to take")


# The order "My training" shows the groups in: what needs doing first.
STATUS_ORDER = [
    Status.OVERDUE,
    Status.IN_PROGRESS,
    Status.DUE,
    Status.EXPIRING_SOON,
    Status.AVAILABLE,
    Status.DONE,
]


def expiry_date(completed_on: datetime.date, validity_months: int | None) -> datetime.date | None:
    """The last day a completion made on ``completed_on`` is valid (None: it never expires)."""
    if validity_months is None:
        return None
    return completed_on + relativedelta(months=validity_months)


def completion_is_valid(completion, day: datetime.date, *, valid_from: int) -> bool:
    """Whether the completion counts on the day (``valid_from``: the module's ``completions_valid_from``)."""
    if completion.version_number < valid_from:
        return False
    if _local_date(completion.completed_at) > day:
        return False
    return completion.expires_on is None or day <= completion.expires_on


def valid_completions_q(day: datetime.date, *, prefix=""):
    """``completion_is_valid`` as a filter on completions (``prefix``: the path to them, e.g. "completions__")."""
    return (
        Q(**{f"{prefix}completed_at__date__lte": day})
        & (Q(**{f"{prefix}expires_on__isnull": True}) | Q(**{f"{prefix}expires_on__gte": day}))
        & Q(**{f"{prefix}version_number__gte": F(f"{prefix}module__completions_valid_from")})
    )


def lasting_completions_q(day: datetime.date, *, prefix=""):
    """Valid completions that are not expiring soon (nothing to do about them yet), as a filter."""
    soon = day + datetime.timedelta(days=EXPIRING_SOON_DAYS)
    return valid_completions_q(day, prefix=prefix) & (
        Q(**{f"{prefix}expires_on__isnull": True}) | Q(**{f"{prefix}expires_on__gt": soon})
    )


def is_expiring_soon(completion, day: datetime.date) -> bool:
    """A valid completion that expires within EXPIRING_SOON_DAYS of the day."""
    return completion.expires_on is not None and completion.expires_on <= day + datetime.timedelta(
        days=EXPIRING_SOON_DAYS
    )


def best_valid_completion(completions, day: datetime.date, *, valid_from: int):
    """Of a person's completions of one module, the valid one that lasts longest (None if none is valid)."""
    valid = [c for c in completions if completion_is_valid(c, day, valid_from=valid_from)]
    if not valid:
        return None
    return max(valid, key=lambda c: (c.expires_on or datetime.date.max, c.completed_at))


def status_on(day: datetime.date, *, due_date=None, completion=None, started=False) -> Status:
    """Where a person stands with a module on the day.

    ``due_date``: of their live assignment (None if not assigned); ``completion``: their best valid
    completion (see ``best_valid_completion``), or None; ``started``: whether they have begun the
    current version (read at least one lesson of it since their last completion).
    """
    if completion is not None:
        return Status.EXPIRING_SOON if is_expiring_soon(completion, day) else Status.DONE
    if due_date is not None and due_date < day:
        return Status.OVERDUE
    if started:
        return Status.IN_PROGRESS
    if due_date is not None:
        return Status.DUE
    return Status.AVAILABLE


def person_module_status(user, module, day: datetime.date, *, due_date=None) -> Status:
    """The status of one person's module on the day, read from the database (a few queries)."""
    from .models import Completion, LessonProgress, VersionStatus

    completions = Completion.objects.filter(user=user, module=module)
    completion = best_valid_completion(completions, day, valid_from=module.completions_valid_from)
    started = LessonProgress.objects.filter(
        user=user, version__module=module, version__status=VersionStatus.PUBLISHED, furthest_position__gt=0
    ).exists()
    return status_on(day, due_date=due_date, completion=completion, started=started)


def _local_date(moment):
    from django.utils import timezone

    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()
