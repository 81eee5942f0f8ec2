"""Loading the training compliance data of an organisation in a fixed number of queries, as numpy columns.

Tens of thousands of rows are read as numbers (seconds and days since 1970, computed by the database) straight
from the driver, so no per-value conversion runs in Python; `training/compliance.py` computes the figures.
"""

import contextlib
import datetime
import gc
from dataclasses import dataclass

import numpy as np
import pandas as pd
from django.db import connections
from django.db.models import F, FloatField, Func, IntegerField, Q
from django.utils import timezone

from organisations.models import Membership

from .models import Assignment, Completion, ModuleVersion, VersionStatus

TREND_MONTHS = 12
NEVER = np.datetime64("9999-12-31", "D")  # a completion without expiry, an assignment not withdrawn


@dataclass
class ComplianceData:
    """The organisation's assignments and the completions that count for them, as numpy columns."""

    organisation: object
    on: datetime.date
    assignments: dict  # id, user_id, module_id, key, due, created, withdrawn (arrays); people (list of names)
    completions: dict  # key, completed, expires (arrays)
    modules: dict


class EpochSeconds(Func):
    """Seconds since 1970 of a timestamp, as a number: loading numbers is far quicker than loading datetimes."""

    output_field = FloatField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="EXTRACT(EPOCH FROM %(expressions)s)::float8", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(julianday(%(expressions)s) - 2440587.5) * 86400.0", **extra)


class EpochDays(Func):
    """Days since 1970 of a date, as a number."""

    output_field = IntegerField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(%(expressions)s - DATE '1970-01-01')", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="CAST(julianday(%(expressions)s) - 2440587.5 AS INTEGER)", **extra
        )


def _dates(days, missing=None):
    """A datetime64[D] array from days since 1970 (None → NaT, or `missing`)."""
    numbers = np.array(days, dtype=float)
    gone = np.isnan(numbers)
    result = np.where(gone, 0, numbers).astype(np.int64).astype("datetime64[D]")
    result[gone] = np.datetime64("NaT") if missing is None else missing
    return result


def _local_days(seconds, missing=None):
    """The days, in the site's time zone, of timestamps given as seconds since 1970 (None → NaT, or `missing`)."""
    stamps = pd.to_datetime(np.array(seconds, dtype=float), unit="s", utc=True)
    days = stamps.tz_convert(timezone.get_current_timezone()).tz_localize(None).to_numpy().astype("datetime64[D]")
    if missing is not None:
        days[np.isnat(days)] = missing
    return days


def _keys(user_ids, module_ids):
    """One integer per (person, module) pair, for fast set membership."""
    return np.asarray(user_ids, dtype=np.int64) * 2**32 + np.asarray(module_ids, dtype=np.int64)


def _raw_rows(queryset):
    """The rows of a values_list queryset as the database driver returns them: numbers stay numbers, and Django's
    per-value converters (the slow part for tens of thousands of rows) are skipped. List model fields before
    annotations in values_list: that is the order of the SQL's columns."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor, _no_gc():
        cursor.execute(sql, params)
        return cursor.fetchall()


@contextlib.contextmanager
def _no_gc():
    """Pause the cyclic garbage collector while tens of thousands of row tuples are made: they hold no cycles,
    and a collection pass over a large heap at every few hundred allocations costs more than the rows."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _columns(rows, count):
    with _no_gc():
        return list(zip(*rows, strict=True)) if rows else [()] * count


def month_ends(on, months=TREND_MONTHS):
    """The last day of each of the last `months` months, oldest first; the current month ends on `on`."""
    ends = []
    year, month = on.year, on.month
    for _ in range(months):
        first_of_next = datetime.date(year + month // 12, month % 12 + 1, 1)
        ends.append(min(first_of_next - datetime.timedelta(days=1), on))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(ends))


def module_titles(module_ids):
    """{module id: {"code", "title", "title_ga"}} from each module's published version (else its latest)."""
    versions = (
        ModuleVersion.objects.filter(module_id__in=module_ids)
        .order_by("module_id", "-number")
        .values_list("module_id", "module__code", "status", "title", "title_ga")
    )
    titles = {}
    for module_id, code, status, title, title_ga in versions:
        published = status == VersionStatus.PUBLISHED
        if module_id not in titles or (published and not titles[module_id]["published"]):
            titles[module_id] = {"code": code, "title": title, "title_ga": title_ga, "published": published}
    return titles


def load_compliance_data(organisation, *, on):
    """The organisation's assignments live at some point in the trend's window, and their completions.

    Three queries whatever the staff size: assignments (with the people's names), completions, module titles.
    Timestamps count on their day in the site's time zone.
    """
    since = month_ends(on)[0] - datetime.timedelta(days=31)
    assignments = Assignment.objects.filter(organisation=organisation).filter(
        Q(withdrawn_at__isnull=True) | Q(withdrawn_at__date__gte=since)
    )
    rows = _raw_rows(
        assignments.annotate(
            due=EpochDays("due_date"), created=EpochSeconds("created_at"), withdrawn=EpochSeconds("withdrawn_at")
        ).values_list(
            "id",
            "user_id",
            "module_id",
            "user__first_name",
            "user__last_name",
            "user__email",
            "due",
            "created",
            "withdrawn",
        )
    )
    ids, user_ids, module_ids, first, last, email, due, created, withdrawn = _columns(rows, 9)
    assigned = {
        "id": np.array(ids, dtype=np.int64),
        "user_id": np.array(user_ids, dtype=np.int64),
        "module_id": np.array(module_ids, dtype=np.int64),
        "key": _keys(user_ids, module_ids),
        "due": _dates(due),
        "created": _local_days(created),
        "withdrawn": _local_days(withdrawn, NEVER),
        "people": list(zip(first, last, email, strict=True)),
    }
    completions = (
        # One join with the organisation's assignments (a pair assigned twice gives its completions twice: harmless).
        Completion.objects.filter(
            user__training_assignments__organisation=organisation,
            user__training_assignments__module=F("module"),
            version_number__gte=F("module__completions_valid_from"),
        )
        .annotate(completed=EpochSeconds("completed_at"), expires=EpochDays("expires_on"))
        .values_list("user_id", "module_id", "completed", "expires")
    )
    done_users, done_modules, completed, expires = _columns(_raw_rows(completions), 4)
    keys = _keys(done_users, done_modules)
    ours = np.flatnonzero(np.isin(keys, assigned["key"]))
    ours = ours[np.argsort(keys[ours], kind="stable")]  # sorted by pair: a subset stays sorted, for searchsorted
    done = {"key": keys[ours], "completed": _local_days(completed)[ours], "expires": _dates(expires, NEVER)[ours]}
    modules = module_titles(sorted(set(module_ids)))
    return ComplianceData(organisation, on, assigned, done, modules)


def role_members(organisation):
    """{role: array of the user ids holding it in the organisation}: one query."""
    members = {}
    memberships = Membership.objects.filter(organisation=organisation).order_by().values_list("user_id", "role")
    for user_id, role in _raw_rows(memberships):
        members.setdefault(role, []).append(user_id)
    return {role: np.array(user_ids, dtype=np.int64) for role, user_ids in members.items()}
