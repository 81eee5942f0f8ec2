"""Training compliance of an organisation: set-based figures for the head, the evaluation unit and accreditation.

Definitions (the same as the per-person rules in `training/rules.py`):

- **assigned**: a live assignment (not withdrawn) of a module to a person in the organisation. On a past day
  (the trend), an assignment counts if it was created on or before that day and not withdrawn by then.
- **valid completion on a day**: a completion of the module by the person (in whichever organisation they took
  it: training belongs to the person), completed on or before the day, not expired on the day (``expires_on``
  is empty, or later than the day: on ``expires_on`` itself it no longer counts), and of a version numbered
  at least ``module.completions_valid_from``.
- **completion rate** = assigned people with a valid completion ÷ assigned people, per module. Per role and
  per organisation, over several modules, each assignment counts once (a person assigned two modules counts
  twice); per role, a person holding several roles counts under each. No one assigned: no rate (None).
- **overdue**: assigned, ``due_date`` before the day, and no valid completion on the day.
- **expiring soon**: a valid completion on the day whose expiry (the latest of the person's valid completions
  of the module) falls within `EXPIRING_SOON_DAYS` days after the day.
- **trend**: the rate of the organisation at each of the last 12 month ends (the current month: the day).

Every figure comes from a fixed handful of queries, whatever the number of staff: the assignments of the
organisation, the completions of its assigned people for its assigned modules, the roles, the module titles.
numpy checks validity on each day (vectorised; the trend asks 12 days), pandas shapes the tables.
"""

import contextlib
import datetime
import gc
from dataclasses import dataclass

import numpy as np
import pandas as pd
from django.db import connections
from django.db.models import Count, Exists, F, FloatField, Func, IntegerField, OuterRef, Q
from django.utils import timezone

from organisations.models import Membership
from organisations.roles import OrganisationRole

from .models import Assignment, Completion, ModuleVersion, VersionStatus
from .rules import EXPIRING_SOON_DAYS

TREND_MONTHS = 12
NO_ROLE = ""
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


def _month_ends(on, months=TREND_MONTHS):
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
    since = _month_ends(on)[0] - datetime.timedelta(days=31)
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


def _live_on(data, day):
    """Mask of the assignments that count on the day."""
    assigned = data.assignments
    return (assigned["created"] <= day) & (assigned["withdrawn"] > day)


def _valid_on(data, day):
    """Mask of the completions that are valid on the day."""
    done = data.completions
    return (done["completed"] <= day) & (done["expires"] > day)


def _latest_per_key(keys, values):
    """Sorted unique keys and, for each, the largest value."""
    if not len(keys):
        return keys, values
    order = np.lexsort((values, keys))
    keys, values = keys[order], values[order]
    last = np.append(keys[1:] != keys[:-1], True)
    return keys[last], values[last]


def _contains(sorted_keys, keys):
    """(found mask, positions) of each key in sorted_keys (binary search)."""
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=bool), np.zeros(len(keys), dtype=np.int64)
    positions = np.clip(np.searchsorted(sorted_keys, keys), 0, len(sorted_keys) - 1)
    return sorted_keys[positions] == keys, positions


def _lookup(sorted_keys, values, keys):
    """(found mask, value or NaT) of each key in sorted_keys."""
    found, positions = _contains(sorted_keys, keys)
    if not len(sorted_keys):
        return found, np.full(len(keys), np.datetime64("NaT"), dtype="datetime64[D]")
    return found, np.where(found, values[positions], np.datetime64("NaT"))


def assignment_status(data, day=None):
    """The assignments that count on the day (a DataFrame): person, module, due date, and whether the person has
    a valid completion (`valid`, with its latest expiry and completion day), is `overdue`, or `expiring` soon."""
    day = np.datetime64(day or data.on, "D")
    live = np.flatnonzero(_live_on(data, day))
    assigned, done = data.assignments, data.completions
    valid = _valid_on(data, day)
    keys, expiries = _latest_per_key(done["key"][valid], done["expires"][valid])
    completed_keys, completed_days = _latest_per_key(done["key"][valid], done["completed"][valid])
    found, expires = _lookup(keys, expiries, assigned["key"][live])
    _, completed = _lookup(completed_keys, completed_days, assigned["key"][live])
    due = assigned["due"][live]
    soon = day + np.timedelta64(EXPIRING_SOON_DAYS, "D")
    return pd.DataFrame(
        {
            "row": live,
            "user_id": assigned["user_id"][live],
            "module_id": assigned["module_id"][live],
            "due_date": due,
            "valid": found,
            "overdue": ~found & (due < day),
            "expiring": found & (expires <= soon),
            "expires_on": np.where(expires == NEVER, np.datetime64("NaT"), expires),
            "completed_on": completed,
        }
    )


def _rate(completed, assigned):
    return None if not assigned else round(100 * completed / assigned, 1)


def _plain(value):
    """A numpy scalar as the Python value (ids as int), anything else as it is."""
    return value.item() if hasattr(value, "item") else value


def _summary(frame, by):
    table = frame.assign(assigned=1).groupby(by)[["assigned", "valid", "overdue", "expiring"]].sum()
    return [
        {
            "key": _plain(key),
            "assigned": int(row.assigned),
            "completed": int(row.valid),
            "overdue": int(row.overdue),
            "expiring": int(row.expiring),
            "rate": _rate(row.valid, row.assigned),
        }
        for key, row in zip(table.index, table.itertuples(index=False), strict=True)
    ]


def by_module(data, rows):
    figures = _summary(rows, "module_id")
    for row in figures:
        row.update(data.modules.get(row["key"], {"code": "", "title": "", "title_ga": ""}))
    return sorted(figures, key=lambda row: (row["title"].lower(), row["key"]))


def by_role(rows, roles):
    """Per organisation role (a person with several roles counts under each); people with none under NO_ROLE.

    `roles` is {role: array of user ids} (role_members).
    """
    user_ids = rows["user_id"].to_numpy()
    flags = rows[["valid", "overdue", "expiring"]].to_numpy()
    anyone = np.zeros(len(rows), dtype=bool)
    figures = []
    for role in [*OrganisationRole.values, NO_ROLE]:
        if role == NO_ROLE:
            mask = ~anyone
        else:
            mask = np.isin(user_ids, roles.get(role, ()))
            anyone |= mask
        if not mask.any():
            continue
        valid, overdue, expiring = (int(count) for count in flags[mask].sum(axis=0))
        assigned = int(mask.sum())
        figures.append(
            {
                "key": role,
                "label": OrganisationRole(role).label if role else None,
                "assigned": assigned,
                "completed": valid,
                "overdue": overdue,
                "expiring": expiring,
                "rate": _rate(valid, assigned),
            }
        )
    return figures


def role_members(organisation):
    """{role: array of the user ids holding it in the organisation}: one query."""
    members = {}
    memberships = Membership.objects.filter(organisation=organisation).order_by().values_list("user_id", "role")
    for user_id, role in _raw_rows(memberships):
        members.setdefault(role, []).append(user_id)
    return {role: np.array(user_ids, dtype=np.int64) for role, user_ids in members.items()}


def totals(rows):
    assigned, completed = len(rows), int(rows["valid"].sum())
    return {
        "assigned": assigned,
        "completed": completed,
        "rate": _rate(completed, assigned),
        "overdue": int(rows["overdue"].sum()),
        "expiring": int(rows["expiring"].sum()),
        "people": int(rows["user_id"].nunique()),
    }


def trend(data):
    """The organisation's rate at each of the last 12 month ends: [{"day", "assigned", "completed", "rate"}]."""
    points = []
    for day in _month_ends(data.on):
        stamp = np.datetime64(day, "D")
        live_keys = data.assignments["key"][_live_on(data, stamp)]
        valid_keys = data.completions["key"][_valid_on(data, stamp)]  # sorted
        completed = int(_contains(valid_keys, live_keys)[0].sum())
        points.append(
            {"day": day, "assigned": len(live_keys), "completed": completed, "rate": _rate(completed, len(live_keys))}
        )
    return points


def _people_rows(data, rows, order):
    """Rows of a list of people, sorted by `order` (a column), then name."""
    people = data.assignments["people"]

    def dates(column):
        return rows[column].to_numpy().astype("datetime64[D]").tolist()  # datetime.date, None for NaT

    listed = []
    for row, module_id, due, expires, completed in zip(
        rows["row"].tolist(),
        rows["module_id"].tolist(),
        dates("due_date"),
        dates("expires_on"),
        dates("completed_on"),
        strict=True,
    ):
        first, last, email = people[row]
        listed.append(
            {
                "person": f"{first} {last}".strip() or email,
                "email": email,
                "sort": (last.lower(), first.lower(), email),
                "module": data.modules.get(module_id, {}),
                "due_date": due,
                "expires_on": expires,
                "completed_on": completed,
            }
        )
    listed.sort(key=lambda item: (item[order], item["sort"]))
    return listed


def overdue_list(data, rows):
    """Overdue assignments, longest overdue first: [{"person", "email", "module", "due_date", "days"}]."""
    listed = _people_rows(data, rows[rows["overdue"]], "due_date")
    for item in listed:
        item["days"] = (data.on - item["due_date"]).days
    return listed


def expiring_list(data, rows):
    """Valid completions expiring soon, soonest first: [{"person", "email", "module", "completed_on", "expires_on"}]."""
    return _people_rows(data, rows[rows["expiring"]], "expires_on")


def compliance_report(organisation, *, on):
    """Every figure of the compliance page: totals, per module, per role, trend, overdue and expiring lists."""
    data = load_compliance_data(organisation, on=on)
    rows = assignment_status(data)
    return {
        "on": on,
        "totals": totals(rows),
        "modules": by_module(data, rows),
        "roles": by_role(rows, role_members(organisation)),
        "trend": trend(data),
        "overdue": overdue_list(data, rows),
        "expiring": expiring_list(data, rows),
        "module_titles": data.modules,
    }


def training_compliance_for(organisation, *, on):
    """The organisation's overall completion rate on the day and its rate per module (accreditation evidence).

    {"assigned", "completed", "rate", "modules": [{"module_id", "code", "title", "assigned", "completed", "rate"}]}
    """
    data = load_compliance_data(organisation, on=on)
    rows = assignment_status(data)
    overall = totals(rows)
    return {
        "assigned": overall["assigned"],
        "completed": overall["completed"],
        "rate": overall["rate"],
        "modules": [
            {
                "module_id": row["key"],
                "code": row["code"],
                "title": row["title"],
                "assigned": row["assigned"],
                "completed": row["completed"],
                "rate": row["rate"],
            }
            for row in by_module(data, rows)
        ],
    }


def valid_completions_on(day):
    """Completions valid on the day (SQL), for correlated checks against assignments."""
    return Completion.objects.filter(
        Q(expires_on__isnull=True) | Q(expires_on__gt=day),
        completed_at__date__lte=day,
        version_number__gte=OuterRef("module__completions_valid_from"),
        user_id=OuterRef("user_id"),
        module_id=OuterRef("module_id"),
    )


def organisation_rates(organisations, *, on):
    """Per organisation of the queryset: {"organisation_id", "name", "assigned", "completed", "rate"}; two queries.

    The same definitions as above, in SQL: assignments live on the day with a valid completion on the day.
    """
    live = Assignment.objects.filter(
        Q(withdrawn_at__isnull=True) | Q(withdrawn_at__date__gt=on), created_at__date__lte=on
    ).annotate(valid=Exists(valid_completions_on(on)))
    counts = {
        row["organisation_id"]: row
        for row in live.filter(organisation__in=organisations)
        .values("organisation_id")
        .annotate(assigned=Count("id"), completed=Count("id", filter=Q(valid=True)))
        .order_by()
    }
    rows = []
    for organisation_id, name in organisations.order_by("name").values_list("id", "name"):
        figures = counts.get(organisation_id, {"assigned": 0, "completed": 0})
        rows.append(
            {
                "organisation_id": organisation_id,
                "name": name,
                "assigned": figures["assigned"],
                "completed": figures["completed"],
                "rate": _rate(figures["completed"], figures["assigned"]),
            }
        )
    return rows
