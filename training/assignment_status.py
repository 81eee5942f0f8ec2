"""The status of assignments, set-based (one query for a whole list), for the assignment list and reminders.

The definitions are those of `training/rules.py` (valid, expiring soon, overdue), applied here to many
assignments at once; *withdrawn*: the assignment was withdrawn (kept for the record, no longer to do).
"""

import datetime

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Completion
from .rules import EXPIRING_SOON_DAYS, valid_completions_q

STATUS_CHOICES = [
    ("due", _("Due")),
    ("overdue", _("Overdue")),
    ("done", _("Done")),
    ("expiring", _("Expiring soon")),
    ("withdrawn", _("Withdrawn")),
]
STATUS_LABELS = dict(STATUS_CHOICES)


def valid_completions(today: datetime.date, **outer) -> QuerySet:
    """Completions valid on the day (`training.rules`); ``outer``: fields to match, e.g. user=OuterRef("user")."""
    return Completion.objects.filter(**outer).filter(valid_completions_q(today))


def with_status(assignments: QuerySet, today: datetime.date) -> QuerySet:
    """Annotate ``is_done`` and ``is_expiring`` (a valid completion of the assignment's person and module)."""
    matching = valid_completions(today, user=OuterRef("user"), module=OuterRef("module"))
    soon = today + datetime.timedelta(days=EXPIRING_SOON_DAYS)
    return assignments.annotate(
        is_done=Exists(matching), is_expiring=Exists(matching.filter(expires_on__isnull=False, expires_on__lte=soon))
    )


def filter_status(assignments: QuerySet, status: str, today: datetime.date) -> QuerySet:
    """Assignments (annotated by `with_status`) in one status; any other value gives the live ones."""
    if status == "withdrawn":
        return assignments.filter(withdrawn_at__isnull=False)
    live = assignments.filter(withdrawn_at__isnull=True)
    if status == "done":
        return live.filter(is_done=True)
    if status == "expiring":
        return live.filter(is_expiring=True)
    if status == "overdue":
        return live.filter(is_done=False, due_date__lt=today)
    if status == "due":
        return live.filter(is_done=False, due_date__gte=today)
    return live


def status_of(assignment, today: datetime.date) -> str:
    """The status of one assignment annotated by `with_status`."""
    if assignment.withdrawn_at is not None:
        return "withdrawn"
    if assignment.is_expiring:
        return "expiring"
    if assignment.is_done:
        return "done"
    return "overdue" if assignment.due_date < today else "due"


def with_module_title(queryset: QuerySet, module_path: str = "module") -> QuerySet:
    """Annotate ``module_title`` and ``module_title_ga``: the published version's title (for `in_language`)."""
    from django.db.models import Subquery

    from .models import ModuleVersion, VersionStatus

    published = ModuleVersion.objects.filter(module=OuterRef(module_path), status=VersionStatus.PUBLISHED)
    return queryset.annotate(
        module_title=Subquery(published.values("title")[:1]),
        module_title_ga=Subquery(published.values("title_ga")[:1]),
    )
