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

The database does the counting: each assignment is joined with the person's completions of its module (a
FilteredRelation) and counted once per figure (COUNT(DISTINCT … ) FILTER), grouped by module, by role, or over
the organisation and the trend's days. The overdue and expiring lists are querysets paginated in SQL.
A fixed handful of queries, whatever the number of staff.
"""

import datetime

from django.db.models import Count, Exists, F, FilteredRelation, Max, OuterRef, Q, Subquery
from django.db.models.functions import Lower
from django.utils import timezone

from organisations.roles import OrganisationRole

from .compliance_data import module_titles, month_ends
from .models import Assignment, Completion
from .rules import EXPIRING_SOON_DAYS, lasting_completions_q, valid_completions_q

NO_ROLE = ""
DONE = "done"  # the FilteredRelation: the person's completions of the assignment's module that may count


def _day_end(day):
    """The first moment after the day in the site's time zone: `moment < _day_end(day)` is `moment's day <= day`,
    compared on the timestamp itself (no per-row time-zone conversion, index-friendly)."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time()))


def _live_q(day):
    """Assignments that count on the day: created on or before it, not withdrawn by it."""
    end = _day_end(day)
    return Q(created_at__lt=end) & (Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=end))


def _with_completions(queryset):
    return queryset.annotate(
        done=FilteredRelation(
            "user__training_completions",
            condition=Q(
                user__training_completions__module=F("module"),
                user__training_completions__version_number__gte=F("module__completions_valid_from"),
            ),
        )
    )


def _valid_q(day):
    """The joined completion (`done`) is valid on the day (its version is checked in the join)."""
    prefix = f"{DONE}__"
    return Q(**{f"{prefix}completed_at__lt": _day_end(day)}) & (
        Q(**{f"{prefix}expires_on__isnull": True}) | Q(**{f"{prefix}expires_on__gte": day})
    )


def _lasting_q(day):
    soon = day + datetime.timedelta(days=EXPIRING_SOON_DAYS)
    prefix = f"{DONE}__"
    return _valid_q(day) & (Q(**{f"{prefix}expires_on__isnull": True}) | Q(**{f"{prefix}expires_on__gt": soon}))


def _counts(day):
    """The aggregates of one day's figures (each assignment counted once, however many completions join it)."""
    live = _live_q(day)
    late = live & Q(due_date__lt=day)

    def distinct(condition):
        return Count("id", distinct=True, filter=condition)

    return {
        "assigned": distinct(live),
        "completed": distinct(live & _valid_q(day)),
        "lasting": distinct(live & _lasting_q(day)),
        "late": distinct(late),
        "late_completed": distinct(late & _valid_q(day)),
    }


def _figures(row):
    """Assigned, completed, overdue, expiring and rate from the raw counts."""
    assigned, completed = row["assigned"], row["completed"]
    return {
        "assigned": assigned,
        "completed": completed,
        "overdue": row["late"] - row["late_completed"],
        "expiring": completed - row["lasting"],
        "rate": _rate(completed, assigned),
    }


def _rate(completed, assigned):
    return None if not assigned else round(100 * completed / assigned, 1)


def _assignments(organisation):
    return Assignment.objects.filter(organisation=organisation).order_by()


def by_module(organisation, *, on, titles=None):
    """Per module: {"key", "code", "title", "title_ga", "assigned", "completed", "overdue", "expiring", "rate"}."""
    rows = _with_completions(_assignments(organisation).filter(_live_q(on))).values("module_id").annotate(**_counts(on))
    rows = list(rows)
    if titles is None:
        titles = module_titles(sorted(row["module_id"] for row in rows))
    figures = []
    for row in rows:
        figure = {"key": row["module_id"], **_figures(row)}
        figure.update(titles.get(row["module_id"], {"code": "", "title": "", "title_ga": ""}))
        figures.append(figure)
    return sorted(figures, key=lambda row: (row["title"].lower(), row["key"]))


def by_role(organisation, *, on):
    """Per organisation role (a person with several roles counts under each); people with none under NO_ROLE."""
    queryset = _with_completions(_assignments(organisation).filter(_live_q(on))).annotate(
        membership=FilteredRelation("user__memberships", condition=Q(user__memberships__organisation=organisation))
    )
    found = {
        row["membership__role"] or NO_ROLE: row for row in queryset.values("membership__role").annotate(**_counts(on))
    }
    figures = []
    for role in [*OrganisationRole.values, NO_ROLE]:
        if role not in found:
            continue
        figures.append({"key": role, "label": OrganisationRole(role).label if role else None, **_figures(found[role])})
    return figures


def totals_and_trend(organisation, *, on):
    """(totals on the day, the 12 month-end points), in one query."""
    days = month_ends(on)
    aggregates = {"people": Count("user_id", distinct=True, filter=_live_q(on))}
    aggregates.update({f"today_{name}": value for name, value in _counts(on).items()})
    for index, day in enumerate(days):
        live = _live_q(day)
        aggregates[f"assigned_{index}"] = Count("id", distinct=True, filter=live)
        aggregates[f"completed_{index}"] = Count("id", distinct=True, filter=live & _valid_q(day))
    since = days[0]
    result = _with_completions(
        _assignments(organisation).filter(Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=_day_end(since)))
    ).aggregate(**aggregates)
    today = _figures(
        {name.removeprefix("today_"): value for name, value in result.items() if name.startswith("today_")}
    )
    totals = {
        "assigned": today["assigned"],
        "completed": today["completed"],
        "rate": today["rate"],
        "overdue": today["overdue"],
        "expiring": today["expiring"],
        "people": result["people"],
    }
    trend = [
        {
            "day": day,
            "assigned": result[f"assigned_{index}"],
            "completed": result[f"completed_{index}"],
            "rate": _rate(result[f"completed_{index}"], result[f"assigned_{index}"]),
        }
        for index, day in enumerate(days)
    ]
    return totals, trend


def _person_valid(day, *, rule=valid_completions_q):
    return Completion.objects.filter(rule(day), user_id=OuterRef("user_id"), module_id=OuterRef("module_id")).order_by()


class PeopleList:
    """A list of people (overdue or expiring) read lazily: its length is one COUNT, a slice one LIMIT/OFFSET query
    (so a Paginator fetches only its page); iterating it reads every row (the XLSX export)."""

    def __init__(self, queryset, row, *, counted):
        self.queryset, self.row, self.counted, self._count = queryset, row, counted, None

    def count(self):
        if self._count is None:
            self._count = self.counted.count()  # the rows without the names' join and the dates' subqueries
        return self._count

    __len__ = count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.row(item) for item in self.queryset[index]]
        return self.row(self.queryset[index])

    def __iter__(self):
        return iter([self.row(item) for item in self.queryset])

    def __eq__(self, other):
        return list(self) == list(other)

    __hash__ = None


def _person(item, titles):
    first, last, email = item["user__first_name"], item["user__last_name"], item["user__email"]
    return {
        "person": f"{first} {last}".strip() or email,
        "email": email,
        "module": titles.get(item["module_id"], {}),
        "due_date": item["due_date"],
    }


_NAME_ORDER = (Lower("user__last_name"), Lower("user__first_name"), "user__email", "id")
_PERSON_FIELDS = ("id", "module_id", "due_date", "user__first_name", "user__last_name", "user__email")


def overdue_list(organisation, *, on, titles):
    """Overdue assignments, longest overdue first: [{"person", "email", "module", "due_date", "days"}] (lazy)."""
    counted = _assignments(organisation).filter(_live_q(on), due_date__lt=on).filter(~Exists(_person_valid(on)))
    queryset = counted.order_by("due_date", *_NAME_ORDER).values(*_PERSON_FIELDS)

    def row(item):
        return {**_person(item, titles), "days": (on - item["due_date"]).days}

    return PeopleList(queryset, row, counted=counted)


def expiring_list(organisation, *, on, titles):
    """Valid completions expiring soon, soonest first: [{"person", "email", "module", "completed_on", "expires_on"}]
    (lazy); the dates are of the person's latest valid completion."""
    valid = _person_valid(on).values("user_id")
    counted = (
        _assignments(organisation)
        .filter(_live_q(on))
        .filter(Exists(_person_valid(on)), ~Exists(_person_valid(on, rule=lasting_completions_q)))
    )
    queryset = (
        counted.annotate(
            expires=Subquery(valid.annotate(latest=Max("expires_on")).values("latest")),
            completed=Subquery(valid.annotate(latest=Max("completed_at")).values("latest")),
        )
        .order_by("expires", *_NAME_ORDER)
        .values(*_PERSON_FIELDS, "expires", "completed")
    )

    def row(item):
        completed = item["completed"]
        if completed is not None and timezone.is_aware(completed):
            completed = timezone.localtime(completed)
        return {
            **_person(item, titles),
            "expires_on": item["expires"],
            "completed_on": completed.date() if completed is not None else None,
        }

    return PeopleList(queryset, row, counted=counted)


def compliance_report(organisation, *, on):
    """Every figure of the compliance page: totals, per module, per role, trend, overdue and expiring lists."""
    titles = module_titles(_assignments(organisation).values("module_id"))
    totals, trend = totals_and_trend(organisation, on=on)
    return {
        "on": on,
        "totals": totals,
        "modules": by_module(organisation, on=on, titles=titles),
        "roles": by_role(organisation, on=on),
        "trend": trend,
        "overdue": overdue_list(organisation, on=on, titles=titles),
        "expiring": expiring_list(organisation, on=on, titles=titles),
        "module_titles": titles,
    }


def training_compliance_for(organisation, *, on):
    """The organisation's overall completion rate on the day and its rate per module (accreditation evidence).

    {"assigned", "completed", "rate", "modules": [{"module_id", "code", "title", "assigned", "completed", "rate"}]}
    """
    modules = by_module(organisation, on=on)
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
