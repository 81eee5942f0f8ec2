"""Loading standards data into pandas: one query per table, never one per row.

Only values of current returns count (`MetricReturn.is_current`: the latest accepted
version for an organisation and period). Numbers are cast to floats in SQL so that
a million values load without creating a million Decimal objects.
"""

import datetime
from dataclasses import dataclass

import numpy as np
import pandas as pd
from django.db.models import FloatField, Q, QuerySet
from django.db.models.functions import Cast

from organisations.models import Organisation

from ..models import MetricValue, ReportingPeriod, ServiceStandard, StandardTarget
from ..periods import Convention, display_label, year_ending_in, year_window

STANDARD_COLUMNS = [
    "standard_id",
    "organisation_id",
    "organisation",
    "sector",
    "code",
    "title",
    "channel",
    "principle",
    "measure",
    "threshold_unit",
    "frequency",
]
VALUE_COLUMNS = ["standard_id", "period_id", "value", "numerator", "denominator"]
TARGET_COLUMNS = ["standard_id", "valid_from", "target", "higher_is_better", "tolerance"]
PERIOD_COLUMNS = ["period_id", "frequency", "start", "end", "label"]


@dataclass
class Dataset:
    standards: pd.DataFrame
    targets: pd.DataFrame
    periods: pd.DataFrame
    values: pd.DataFrame


def _float(field):
    return Cast(field, FloatField())


def _frame(rows, columns):
    return pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(columns=columns)


def load_standards(standards):
    rows = list(
        standards.values_list(
            "pk",
            "organisation_id",
            "organisation__name",
            "organisation__sector",
            "code",
            "title",
            "channel",
            "principle",
            "measure",
            "threshold_unit",
            "frequency",
        ).order_by("organisation__name", "code")
    )
    return _frame(rows, STANDARD_COLUMNS)


def load_targets(targets):
    rows = list(
        targets.values_list("standard_id", "valid_from", _float("target"), "higher_is_better", _float("tolerance"))
    )
    frame = _frame(rows, TARGET_COLUMNS)
    frame["valid_from"] = pd.to_datetime(frame["valid_from"])
    frame["target"] = frame["target"].astype(float)
    frame["tolerance"] = frame["tolerance"].astype(float)
    frame["higher_is_better"] = frame["higher_is_better"].astype(bool)
    return frame


def load_periods(period_ids=None, *, labels_for=None):
    """Periods as a frame; labelled as `labels_for` (an organisation) names them, if given."""
    periods = ReportingPeriod.objects.all() if period_ids is None else ReportingPeriod.objects.filter(pk__in=period_ids)
    rows = list(periods.values_list("pk", "frequency", "start", "end", "label"))
    if labels_for is not None:
        convention = Convention.of(labels_for)
        rows = [
            (pk, frequency, start, end, display_label(frequency, start, convention))
            for pk, frequency, start, end, _ in rows
        ]
    frame = _frame(rows, PERIOD_COLUMNS)
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    return frame.set_index("period_id", drop=False)


def load_values(values):
    """Current values as a frame; `values` is a MetricValue queryset already scoped by the caller."""
    rows = values.filter(metric_return__is_current=True).values_list(
        "standard_id", "metric_return__period_id", _float("value"), _float("numerator"), _float("denominator")
    )
    rows = list(rows.order_by())
    if not rows:
        return pd.DataFrame(
            {
                "standard_id": np.array([], dtype=np.int64),
                "period_id": np.array([], dtype=np.int64),
                "value": np.array([], dtype=float),
                "numerator": np.array([], dtype=float),
                "denominator": np.array([], dtype=float),
            }
        )
    matrix = np.array(rows, dtype=float)  # None becomes NaN
    return pd.DataFrame(
        {
            "standard_id": matrix[:, 0].astype(np.int64),
            "period_id": matrix[:, 1].astype(np.int64),
            "value": matrix[:, 2],
            "numerator": matrix[:, 3],
            "denominator": matrix[:, 4],
        }
    )


def require_organisations(organisations):
    """The organisation queryset every analytics function is scoped by; anything else is a TypeError.

    There is no default meaning "all": a caller that means everyone passes Organisation.objects.all(),
    so a public page cannot publish every organisation's results by forgetting an argument.
    """
    if not isinstance(organisations, QuerySet) or organisations.model is not Organisation:
        raise TypeError("organisations must be an Organisation queryset, e.g. Organisation.objects.filter(pk=...)")
    return organisations


def year_filter(year, *, ending=False, prefix="metric_return__"):
    """Values (or returns, with prefix="") of periods starting in each organisation's year `year`.

    That year starts in the organisation's financial year start month (January: the calendar year) of
    `year`; with ending=True it is instead the organisation's year that ENDS in the calendar year `year`
    (how the benchmark lines up organisations with different year starts).
    """
    query = Q()
    for month in range(1, 13):
        convention = Convention(month)
        window = year_ending_in(year, convention) if ending else year_window(year, convention)
        query |= Q(
            **{
                f"{prefix}organisation__financial_year_start_month": month,
                f"{prefix}period__start__gte": window.start,
                f"{prefix}period__start__lte": window.end,
            }
        )
    return query


def year_ends(organisations, year, *, ending=False):
    """{organisation id: the last day of its year `year`} (see year_filter), one query."""
    ends = {}
    for pk, month in organisations.values_list("pk", "financial_year_start_month"):
        convention = Convention(month)
        window = year_ending_in(year, convention) if ending else year_window(year, convention)
        ends[pk] = window.end
    return ends


def financial_year_of(day, start_month):
    """The year (named by the calendar year it starts in) of an organisation's year that contains the day."""
    return day.year - (1 if day.month < start_month else 0)


def scoped(*, organisations, year=None, period_ids=None, ending=False):
    """(standards, targets, values) querysets of these organisations, values of periods starting in their
    year `year` (see year_filter), or of the given periods, if given."""
    require_organisations(organisations)
    standards = ServiceStandard.objects.all()
    targets = StandardTarget.objects.all()
    values = MetricValue.objects.all()
    if organisations.query.has_filters() or organisations.query.is_sliced:
        # Organisation.objects.all(), passed on purpose, needs no filter (an IN over every organisation costs ~10%).
        standards = standards.filter(organisation__in=organisations)
        targets = targets.filter(standard__organisation__in=organisations)
        values = values.filter(metric_return__organisation__in=organisations)
    if year is not None:
        # A broad calendar window first (cheap, indexed), then each organisation's own year.
        values = values.filter(
            metric_return__period__start__gte=datetime.date(year - 1, 1, 1),
            metric_return__period__start__lt=datetime.date(year + 2, 1, 1),
        ).filter(year_filter(year, ending=ending))
    if period_ids is not None:
        values = values.filter(metric_return__period_id__in=period_ids)
    return standards, targets, values


def load_dataset(*, organisations, year=None, period_ids=None, labels_for=None):
    """Standards, targets, periods and current values of these organisations, one query each.

    Periods are labelled as `labels_for` (an organisation) names them, if given.
    """
    standards, targets, values = scoped(organisations=organisations, year=year, period_ids=period_ids)
    return Dataset(
        standards=load_standards(standards),
        targets=load_targets(targets),
        periods=load_periods(period_ids, labels_for=labels_for),
        values=load_values(values),
    )


def recent_reported_periods(organisation, last):
    """The ids of the organisation's `last` most recent reported periods of each frequency, and the years it
    reported in (its own years, named by the calendar year they start in) — one query, so a page need not
    load its whole history."""
    reported = (
        ReportingPeriod.objects.filter(returns__organisation=organisation, returns__is_current=True)
        .values_list("pk", "frequency", "start")
        .order_by("-start")
    )
    kept, per_frequency, years = [], {}, set()
    for pk, frequency, start in reported:
        years.add(financial_year_of(start, organisation.financial_year_start_month))
        if per_frequency.get(frequency, 0) < last:
            per_frequency[frequency] = per_frequency.get(frequency, 0) + 1
            kept.append(pk)
    return kept, sorted(years, reverse=True)
