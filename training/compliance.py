"""Training compliance of an organisation: set-based figures for the head, the evaluation unit and accreditation.

Definitions (the same as the per-person rules in `training/rules.py`):

- **assigned**: a live assignment (not withdrawn) of a module to a person in the organisation. On a past day
  (the trend), an assignment counts if it was created on or before that day and not withdrawn by then.
- **valid completion on a day**: a completion of the module by the person (in whichever organisation they took
  it: training belongs to the person), completed on or before the day, not expired on the day (``expires_on``
  is empty, or on or after the day: valid until ``expires_on``, inclusive), and of a version numbered
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

import numpy as np
import pandas as pd
from django.db.models import Count, Exists, OuterRef, Q

from organisations.roles import OrganisationRole

from .compliance_data import NEVER, load_compliance_data, month_ends, role_members
from .models import Assignment, Completion
from .rules import EXPIRING_SOON_DAYS

NO_ROLE = ""


def _live_on(data, day):
    """Mask of the assignments that count on the day."""
    assigned = data.assignments
    return (assigned["created"] <= day) & (assigned["withdrawn"] > day)


def _valid_on(data, day):
    """Mask of the completions that are valid on the day."""
    done = data.completions
    return (done["completed"] <= day) & (done["expires"] >= day)


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
    for day in month_ends(data.on):
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
        Q(expires_on__isnull=True) | Q(expires_on__gte=day),
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
