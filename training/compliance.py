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
pandas does the rest.
"""

import datetime
from dataclasses import dataclass

import pandas as pd
from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q

from organisations.models import Membership
from organisations.roles import OrganisationRole

from .models import Assignment, Completion, ModuleVersion, VersionStatus
from .rules import EXPIRING_SOON_DAYS

TREND_MONTHS = 12
NO_ROLE = ""

ASSIGNMENT_COLUMNS = [
    "id",
    "user_id",
    "module_id",
    "due_date",
    "created_at",
    "withdrawn_at",
    "user__first_name",
    "user__last_name",
    "user__email",
]
COMPLETION_COLUMNS = ["user_id", "module_id", "completed_at", "expires_on", "version_number", "valid_from"]


@dataclass
class ComplianceData:
    """The organisation's assignments and the completions that matter for them, as frames."""

    organisation: object
    on: datetime.date
    assignments: pd.DataFrame
    completions: pd.DataFrame
    modules: dict


def _local_dates(series):
    """Midnights (naive, in the site's time zone) of a column of aware datetimes; NaT stays NaT."""
    stamps = pd.to_datetime(series, utc=True)
    return stamps.dt.tz_convert(settings.TIME_ZONE).dt.tz_localize(None).dt.normalize()


def _pair_keys(frame):
    """One integer per (person, module) pair, for fast set membership."""
    return frame["user_id"].astype("int64") * 2**32 + frame["module_id"].astype("int64")


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
    """
    since = pd.Timestamp(_month_ends(on)[0] - datetime.timedelta(days=31))
    assignments = Assignment.objects.filter(organisation=organisation).filter(
        Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=since.to_pydatetime().replace(tzinfo=datetime.UTC))
    )
    frame = pd.DataFrame.from_records(list(assignments.values_list(*ASSIGNMENT_COLUMNS)), columns=ASSIGNMENT_COLUMNS)
    frame["created_on"] = _local_dates(frame["created_at"])
    frame["withdrawn_on"] = _local_dates(frame["withdrawn_at"])
    frame["due_date"] = pd.to_datetime(frame["due_date"])
    frame["key"] = _pair_keys(frame)
    completions = Completion.objects.filter(
        module_id__in=assignments.values("module_id"), user_id__in=assignments.values("user_id")
    ).values_list(*COMPLETION_COLUMNS[:-1], "module__completions_valid_from")
    done = pd.DataFrame.from_records(list(completions), columns=COMPLETION_COLUMNS)
    done["completed_on"] = _local_dates(done["completed_at"])
    done["expires_on"] = pd.to_datetime(done["expires_on"])
    done["key"] = _pair_keys(done)
    done = done[(done["version_number"] >= done["valid_from"]) & done["key"].isin(frame["key"])]
    modules = module_titles(sorted(set(frame["module_id"].tolist())))
    return ComplianceData(organisation, on, frame, done, modules)


def _live_on(data, day):
    """The assignments that count on the day."""
    day = pd.Timestamp(day)
    frame = data.assignments
    live = (frame["created_on"] <= day) & (frame["withdrawn_on"].isna() | (frame["withdrawn_on"] > day))
    return frame[live]


def _valid_on(data, day):
    """Per (person, module) pair with a valid completion on the day: the latest expiry (NaT: never expires)."""
    day = pd.Timestamp(day)
    done = data.completions
    valid = done[(done["completed_on"] <= day) & (done["expires_on"].isna() | (done["expires_on"] > day))]
    never = valid[valid["expires_on"].isna()]["key"].unique()
    latest = valid.groupby("key").agg(expires_on=("expires_on", "max"), completed_on=("completed_on", "max"))
    latest.loc[latest.index.isin(never), "expires_on"] = pd.NaT
    return latest


def assignment_status(data, day=None):
    """The assignments that count on the day, with `valid`, `overdue`, `expiring` flags and the latest expiry."""
    day = pd.Timestamp(day or data.on)
    rows = _live_on(data, day).copy()
    latest = _valid_on(data, day)
    rows = rows.join(latest, on="key")
    rows["valid"] = rows["key"].isin(latest.index)
    rows["overdue"] = ~rows["valid"] & (rows["due_date"] < day)
    soon = day + pd.Timedelta(days=EXPIRING_SOON_DAYS)
    rows["expiring"] = rows["valid"] & rows["expires_on"].notna() & (rows["expires_on"] <= soon)
    return rows


def _rate(completed, assigned):
    return None if not assigned else round(100 * completed / assigned, 1)


def _plain(value):
    """A numpy scalar as the Python value (ids as int), anything else as it is."""
    return value.item() if hasattr(value, "item") else value


def _summary(groups):
    table = groups.agg(
        assigned=("valid", "size"),
        completed=("valid", "sum"),
        overdue=("overdue", "sum"),
        expiring=("expiring", "sum"),
    )
    return [
        {key: int(value) for key, value in row.items()}
        | {"key": _plain(index), "rate": _rate(row["completed"], row["assigned"])}
        for index, row in table.iterrows()
    ]


def by_module(data, rows):
    figures = _summary(rows.groupby("module_id"))
    for row in figures:
        row.update(data.modules.get(row["key"], {"code": "", "title": "", "title_ga": ""}))
    return sorted(figures, key=lambda row: (row["title"].lower(), row["key"]))


def by_role(data, rows, roles):
    """Per organisation role (a person with several roles counts under each); people with none under NO_ROLE."""
    held = rows.merge(roles, on="user_id", how="left")
    held["role"] = held["role"].fillna(NO_ROLE)
    figures = _summary(held.groupby("role"))
    order = {role: index for index, role in enumerate(OrganisationRole.values)}
    for row in figures:
        row["label"] = OrganisationRole(row["key"]).label if row["key"] in order else None
    return sorted(figures, key=lambda row: order.get(row["key"], len(order)))


def role_frame(organisation):
    """(user id, role) of every membership of the organisation: one query."""
    memberships = Membership.objects.filter(organisation=organisation).values_list("user_id", "role")
    return pd.DataFrame.from_records(list(memberships), columns=["user_id", "role"])


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
        live = _live_on(data, day)
        valid = _valid_on(data, day)
        completed = int(live["key"].isin(valid.index).sum())
        points.append({"day": day, "assigned": len(live), "completed": completed, "rate": _rate(completed, len(live))})
    return points


def _person(row):
    name = f"{row['user__first_name']} {row['user__last_name']}".strip()
    return name or row["user__email"]


def _day(value):
    return None if pd.isna(value) else value.date()


def overdue_list(data, rows):
    """Overdue assignments, longest overdue first: [{"person", "email", "module_id", "due_date", "days"}]."""
    overdue = rows[rows["overdue"]].sort_values(["due_date", "user__last_name", "user__first_name", "id"])
    on = pd.Timestamp(data.on)
    return [
        {
            "person": _person(row),
            "email": row["user__email"],
            "module": data.modules.get(row["module_id"], {}),
            "due_date": _day(row["due_date"]),
            "days": (on - row["due_date"]).days,
        }
        for row in overdue.to_dict("records")
    ]


def expiring_list(data, rows):
    """Valid completions expiring soon, soonest first: [{"person", "email", "module", "completed_on", "expires_on"}]."""
    expiring = rows[rows["expiring"]].sort_values(["expires_on", "user__last_name", "user__first_name", "id"])
    return [
        {
            "person": _person(row),
            "email": row["user__email"],
            "module": data.modules.get(row["module_id"], {}),
            "completed_on": _day(row["completed_on"]),
            "expires_on": _day(row["expires_on"]),
        }
        for row in expiring.to_dict("records")
    ]


def compliance_report(organisation, *, on):
    """Every figure of the compliance page: totals, per module, per role, trend, overdue and expiring lists."""
    data = load_compliance_data(organisation, on=on)
    rows = assignment_status(data)
    return {
        "on": on,
        "totals": totals(rows),
        "modules": by_module(data, rows),
        "roles": by_role(data, rows, role_frame(organisation)),
        "trend": trend(data),
        "overdue": overdue_list(data, rows),
        "expiring": expiring_list(data, rows),
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
