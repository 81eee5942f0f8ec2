"""Per-standard totals over a range of periods, summed in the database, and the combined result they give.

The database does the heavy part (one GROUP BY over a million values) and returns one
row per standard; `combining.combine` then turns the sums into a result per standard and
the method it used (the rule is written there).
"""

import pandas as pd
from django.db.models import Count, DecimalField, ExpressionWrapper, F, Max, Q, Sum

from .combining import combine


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
        "counted_count": Count("value", filter=counted),
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


def with_totals(standards, totals):
    """The standards frame with their totals (zeros for standards without values), combined result and method."""
    frame = standards.merge(totals, on="standard_id", how="left")
    frame["periods_reported"] = frame["periods_reported"].fillna(0).astype(int)
    frame["result"], frame["method"] = combine(frame)
    return frame
