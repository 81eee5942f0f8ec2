"""A person's to-do list on "My work", filled by the apps through one small registry.

Each app registers sources: functions `(user) -> list[TodoItem]` that run one query each, so
the page costs one query per source however much work there is. An app registers its
sources when it is ready (its AppConfig.ready imports its todo module).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from organisations.models import User


@dataclass(frozen=True)
class TodoItem:
    """One thing to do: what, for which organisation, by when, and where to do it."""

    kind: str
    title: str
    organisation: str
    due: datetime.date | None
    url: str

    @property
    def overdue(self):
        return self.due is not None and self.due < timezone.localdate()


TodoSource = Callable[[User], list[TodoItem]]
SOURCES: list[TodoSource] = []


def register(source: TodoSource) -> TodoSource:
    """Add a source to every person's to-do list (usable as a decorator)."""
    if source not in SOURCES:
        SOURCES.append(source)
    return source


def todo_for(user: User) -> list[TodoItem]:
    """Everything the user has to do, newest due date first; items without a due date last."""
    items = [item for source in SOURCES for item in source(user)]
    items.sort(key=lambda item: (item.due is not None, item.due or datetime.date.min, item.title), reverse=True)
    return items
