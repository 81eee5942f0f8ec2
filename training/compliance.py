"""Training compliance of an organisation: the figures for the head, the evaluation unit and accreditation.

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
- **expiring soon**: a valid completion on the day, none of which lasts beyond `EXPIRING_SOON_DAYS` days after the
  day; its expiry is the latest of the person's valid completions of the module.
- **trend**: the rate of the organisation at each of the last 12 month ends (the current month: the day).

Everything is counted from one reading of the organisation's assignments and their people's completions
(`training/compliance_rows.py`: three queries, whatever the number of staff): at 5,000 staff, counting in the
database took 0.3 to 0.8 s (thirty-odd COUNT(DISTINCT …) over the assignment × completion join), reading the rows
and counting here about 50 ms.
"""

import gc
import unicodedata
from collections import Counter
from contextlib import contextmanager

from django.db.models import Count, Exists, OuterRef, Q

from organisations.roles import OrganisationRole

from .compliance_data import module_titles, month_ends
from .compliance_rows import assignment_rows, day_end, member_roles, person_names
from .models import Assignment, Completion

NO_ROLE = ""


def _rate(completed, assigned):
    return None if not assigned else round(100 * completed / assigned, 1)


def _today_bit(days):
    """The bit of the day asked about: the last of the days."""
    return 1 << (len(days) - 1)


# Where an assignment live today stands: each counts under exactly one.
LASTING, EXPIRING, OVERDUE, PENDING = "lasting", "expiring", "overdue", "pending"


def _standing(row, *, on, today):
    if row.valid & today:
        return LASTING if row.held.lasting else EXPIRING
    return OVERDUE if row.due_date < on else PENDING


def _live_today(rows, *, on, today):
    """[(row, standing)] of the rows live today."""
    return [(row, _standing(row, on=on, today=today)) for row in rows if row.live & today]


def _figures(standings):
    """Assigned, completed, overdue, expiring and rate of [(row, standing)]."""
    counts = Counter(standing for _row, standing in standings)
    assigned, completed = len(standings), counts[LASTING] + counts[EXPIRING]
    return {
        "assigned": assigned,
        "completed": completed,
        "overdue": counts[OVERDUE],
        "expiring": counts[EXPIRING],
        "rate": _rate(completed, assigned),
    }


def _by_module(standings, *, titles):
    """Per module: {"key", "code", "title", "title_ga", "assigned", "completed", "overdue", "expiring", "rate"}."""
    groups = {}
    for row, standing in standings:
        groups.setdefault(row.module_id, []).append((row, standing))
    figures = []
    for module_id, group in groups.items():
        figure = {"key": module_id, **_figures(group)}
        figure.update(titles.get(module_id, {"code": "", "title": "", "title_ga": ""}))
        figures.append(figure)
    return sorted(figures, key=lambda row: (row["title"].lower(), row["key"]))


def _by_role(standings, roles):
    """Per organisation role (a person with several roles counts under each); people with none under NO_ROLE."""
    groups = {}
    for row, standing in standings:
        for role in roles.get(row.user_id) or [NO_ROLE]:
            groups.setdefault(role, []).append((row, standing))
    return [
        {"key": role, "label": OrganisationRole(role).label if role else None, **_figures(groups[role])}
        for role in [*OrganisationRole.values, NO_ROLE]
        if role in groups
    ]


def _trend(rows, days):
    """The rate at each of the days: assignments live on the day, and those with a valid completion on it."""
    live, valid = Counter(row.live for row in rows), Counter(row.valid for row in rows)
    points = []
    for index, day in enumerate(days):
        bit = 1 << index
        assigned = sum(count for mask, count in live.items() if mask & bit)
        completed = sum(count for mask, count in valid.items() if mask & bit)
        points.append({"day": day, "assigned": assigned, "completed": completed, "rate": _rate(completed, assigned)})
    return points


def _sort_name(text):
    """Case and accents aside, so that "Ó Briain" sorts with "O'Brien"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def _listed(rows, names, titles, key):
    """The rows as list entries {"person", "email", "module", "due_date", ...}, sorted by `key(row)` and then by
    name (surname, first name, e-mail)."""

    def order(row):
        first, last, email = names[row.user_id]
        return (*key(row), _sort_name(last), _sort_name(first), email, row.pk)

    entries = []
    for row in sorted(rows, key=order):
        first, last, email = names[row.user_id]
        entries.append(
            {
                "person": f"{first} {last}".strip() or email,
                "email": email,
                "module": titles.get(row.module_id, {}),
                "due_date": row.due_date,
                "row": row,
            }
        )
    return entries


def _overdue(rows, names, *, on, titles):
    """Overdue assignments, longest overdue first: [{"person", "email", "module", "due_date", "days"}]."""
    entries = _listed(rows, names, titles, lambda row: (row.due_date,))
    for entry in entries:
        entry["days"] = (on - entry.pop("row").due_date).days
    return entries


def _expiring(rows, names, *, titles):
    """Valid completions expiring soon, soonest first: [{"person", "email", "module", "completed_on",
    "expires_on"}]; the dates are of the person's latest valid completion."""
    entries = _listed(rows, names, titles, lambda row: (row.held.expires_on,))
    for entry in entries:
        held = entry.pop("row").held
        entry.update(expires_on=held.expires_on, completed_on=held.completed_on)
    return entries


@contextmanager
def _collection_paused():
    """Hold off Python's cyclic garbage collector while the rows are read and counted.

    Reading tens of thousands of short-lived, acyclic rows triggers full collections, each of which walks every
    object in the process (Django's included): at 5,000 staff that doubled the median time of the page (196 ms
    against 105 ms with collection paused). Reference counting still frees the rows; the collector runs as usual
    afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def compliance_report(organisation, *, on):
    """Every figure of the compliance page: totals, per module, per role, trend, overdue and expiring lists."""
    with _collection_paused():
        return _compliance_report(organisation, on=on)


def _compliance_report(organisation, *, on):
    days = month_ends(on)
    rows = assignment_rows(organisation, days)
    standings = _live_today(rows, on=on, today=_today_bit(days))
    titles = module_titles(sorted({row.module_id for row in rows}))
    totals = _figures(standings)
    totals["people"] = len({row.user_id for row, _standing in standings})
    overdue = [row for row, standing in standings if standing == OVERDUE]
    expiring = [row for row, standing in standings if standing == EXPIRING]
    names = person_names({row.user_id for row in overdue + expiring})
    return {
        "on": on,
        "totals": totals,
        "modules": _by_module(standings, titles=titles),
        "roles": _by_role(standings, member_roles(organisation)),
        "trend": _trend(rows, days),
        "overdue": _overdue(overdue, names, on=on, titles=titles),
        "expiring": _expiring(expiring, names, titles=titles),
        "module_titles": titles,
    }


def training_compliance_for(organisation, *, on):
    """The organisation's overall completion rate on the day and its rate per module (accreditation evidence).

    {"assigned", "completed", "rate", "modules": [{"module_id", "code", "title", "assigned", "completed", "rate"}]}
    """
    days = [on]
    rows = assignment_rows(organisation, days)
    standings = _live_today(rows, on=on, today=_today_bit(days))
    modules = _by_module(standings, titles=module_titles(sorted({row.module_id for row in rows})))
    assigned = sum(row["assigned"] for row in modules)
    completed = sum(row["completed"] for row in modules)
    return {
        "assigned": assigned,
        "completed": completed,
        "rate": _rate(completed, assigned),
        "modules": [
            {
                "module_id": row["key"],
                "code": row["code"],
                "title": row["title"],
                "assigned": row["assigned"],
                "completed": row["completed"],
                "rate": row["rate"],
            }
            for row in modules
        ],
    }


def _live_q(day):
    """Assignments that count on the day: created on or before it, not withdrawn by it."""
    end = day_end(day)
    return Q(created_at__lt=end) & (Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=end))


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
    live = Assignment.objects.filter(_live_q(on)).annotate(valid=Exists(valid_completions_on(on)))
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
