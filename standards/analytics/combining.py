"""The one rule for combining a standard's periods into one figure, and the method it used.

Every figure that combines periods (the year of the annual report, all years, the last
periods on the results page, a group of the benchmark) is computed here from totals over
the periods, and says how:

- percentage within a threshold: when every period gave its counts, sum of numerators ÷ sum
  of denominators ("from counts"); when any period gave only its percentage, the plain mean
  of the period percentages ("mean of published percentages"). Counts are never mixed with
  bare percentages: a year with one bare percentage is a mean of all its percentages;
- mean duration and satisfaction score: mean weighted by the denominator (cases or responses)
  when every period gave one, else the plain mean of the periods;
- median duration: the mean of the period medians (the cases themselves are not stored);
- count: the mean per reporting period, so it stays comparable with the per-period target.

The totals (one row per standard, or per group) are the columns of ``TOTAL_COLUMNS``: the
database sums them for a range of periods (``totals.load_totals``), or pandas sums them from a
frame of period values (``totals_from_values``).
"""

import numpy as np
import pandas as pd
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..models import Measure

TOTAL_COLUMNS = [
    "periods_reported",
    "value_sum",
    "numerator_sum",
    "denominator_sum",
    "counted_count",
    "weighted_sum",
    "weight_sum",
    "weighted_count",
]


class Method(models.TextChoices):
    COUNTS = "counts", _("from counts")
    PERCENTAGES = "percentages", _("mean of published percentages")
    WEIGHTED = "weighted", _("mean weighted by cases or responses")
    PERIODS = "periods", _("mean of the periods")


def method_label(method):
    """The words written beside a combined figure; "" when nothing was combined."""
    return str(Method(method).label) if method else ""


def _column(frame, name):
    return frame[name].to_numpy(dtype=float)


def combine(frame):
    """(result, method) per row of a frame with ``measure`` and the ``TOTAL_COLUMNS``: NaN and "" without values."""
    measure = frame["measure"].to_numpy(dtype=object)
    reported = np.nan_to_num(_column(frame, "periods_reported"))
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(reported > 0, _column(frame, "value_sum") / reported, np.nan)
        pooled = 100 * _column(frame, "numerator_sum") / _column(frame, "denominator_sum")
        weighted = _column(frame, "weighted_sum") / _column(frame, "weight_sum")
    has_values = reported > 0
    all_counted = np.isfinite(pooled) & (np.nan_to_num(_column(frame, "counted_count")) == reported) & has_values
    all_weighted = np.isfinite(weighted) & (np.nan_to_num(_column(frame, "weighted_count")) == reported) & has_values
    percent = measure == Measure.PERCENT_WITHIN
    weighted_measure = (measure == Measure.MEAN_DURATION) | (measure == Measure.SATISFACTION)
    by_counts = percent & all_counted
    by_weights = weighted_measure & all_weighted
    result = np.where(by_counts, pooled, np.where(by_weights, weighted, mean))
    method = np.select(
        [~has_values, by_counts, percent, by_weights],
        ["", Method.COUNTS.value, Method.PERCENTAGES.value, Method.WEIGHTED.value],
        default=Method.PERIODS.value,
    )
    return result, method.astype(object)


def totals_from_values(values):
    """``TOTAL_COLUMNS`` per standard_id from a frame of period values (standard_id, value, numerator, denominator)."""
    value = values["value"].to_numpy(dtype=float)
    numerator = values["numerator"].to_numpy(dtype=float)
    denominator = values["denominator"].to_numpy(dtype=float)
    has_value = ~np.isnan(value)
    counted = has_value & ~np.isnan(numerator) & ~np.isnan(denominator)
    product = value * denominator
    weighted = ~np.isnan(product)
    work = pd.DataFrame(
        {
            "standard_id": values["standard_id"].to_numpy(),
            "periods_reported": has_value.astype(float),
            "value_sum": np.where(has_value, value, 0.0),
            "numerator_sum": np.where(counted, numerator, 0.0),
            "denominator_sum": np.where(counted, denominator, 0.0),
            "counted_count": counted.astype(float),
            "weighted_sum": np.where(weighted, product, 0.0),
            "weight_sum": np.where(has_value & ~np.isnan(denominator), denominator, 0.0),
            "weighted_count": weighted.astype(float),
        }
    )
    return work.groupby("standard_id", sort=False)[TOTAL_COLUMNS].sum().reset_index()


def group_totals(frame, keys):
    """``TOTAL_COLUMNS`` summed over the rows of ``frame`` per value of ``keys`` (missing totals count as 0)."""
    work = frame[[*([keys] if isinstance(keys, str) else keys), *TOTAL_COLUMNS]].copy()
    work[TOTAL_COLUMNS] = work[TOTAL_COLUMNS].fillna(0).astype(float)
    return work.groupby(keys, sort=True)[TOTAL_COLUMNS].sum()
