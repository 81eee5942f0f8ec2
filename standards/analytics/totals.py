"""Per-standard totals over a range of periods, summed in the database, and the combined result they give.

The database does the heavy part (one GROUP BY over a million values) and returns one
row per standard; pandas then combines the sums into a result per standard:

- percentage within a threshold: sum of numerators ÷ sum of denominators (the mean of the reported
  percentages only when no period gave its counts);
- mean duration and satisfaction score: mean weighted by the denominator (cases or responses) when
  every period gave one, else the plain mean of the periods;
- median duration: the mean of the period medians (the cases themselves are not stored here);
- count: the mean per reporting period, so it stays comparable with the per-period target.
"""

import numpy as np
import pandas as pd
from django.db.models import Count, DecimalField, ExpressionWrapper, F, Max, Q, Sum

from ..models import Measure


def load_totals(values):
    """One query: per standard, sums over the current values of `values` (a scoped MetricValue queryset).

    Sums stay in the database's exact decimals (faster than casting a million values to floats).
    """
    counted = Q(numerator__isnull=False, denominator__isnull=False)
    product = ExpressionWrapper(F("value") * F("denominator"), output_field=DecimalField())
    aggregates = {
        "periods_reported": Count("value"),
        "value_sum": Sum("value"),
        "numerator_sum": Sum("numerator", filter=counted),
        "denominator_sum": Sum("denominator", filter=counted),
        "weighted_sum": Sum(product),
        "weight_sum": Sum("denominator", filter=Q(value__isnull=False)),
        "weighted_count": Count(product),
    }
    rows = list(
        values.filter(metric_return__is_current=True)
        .order_by()
        .values("standard_id")
        .annotate(**aggregates)
        .values_list("standard_id", *aggregates)
    )
    columns = ["standard_id", *aggregates]
    frame = pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(columns=columns)
    for column in columns[1:]:
        frame[column] = frame[column].astype(float)
    return frame


def load_last_period_ends(returns):
    """organisation id → end of its latest period with a current return (one query)."""
    rows = returns.filter(is_current=True).order_by().values("organisation_id").annotate(last=Max("period__end"))
    return {row["organisation_id"]: row["last"] for row in rows}


def combined_result(frame):
    """The result per standard from its totals (see the module docstring); NaN without values."""
    measure = frame["measure"].to_numpy(dtype=object)
    reported = frame["periods_reported"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(reported > 0, frame["value_sum"].to_numpy(dtype=float) / reported, np.nan)
        pooled = 100 * frame["numerator_sum"].to_numpy(dtype=float) / frame["denominator_sum"].to_numpy(dtype=float)
        weighted = frame["weighted_sum"].to_numpy(dtype=float) / frame["weight_sum"].to_numpy(dtype=float)
    pooled_ok = np.isfinite(pooled)
    weighted_ok = np.isfinite(weighted) & (frame["weighted_count"].to_numpy(dtype=float) == reported) & (reported > 0)
    percent = measure == Measure.PERCENT_WITHIN
    weighted_measure = (measure == Measure.MEAN_DURATION) | (measure == Measure.SATISFACTION)
    result = np.where(percent & pooled_ok, pooled, mean)
    return np.where(weighted_measure & weighted_ok, weighted, result)


def with_totals(standards, totals):
    """The standards frame with their totals (zeros for standards without values) and combined result."""
    frame = standards.merge(totals, on="standard_id", how="left")
    frame["periods_reported"] = frame["periods_reported"].fillna(0).astype(int)
    frame["result"] = combined_result(frame)
    return frame
