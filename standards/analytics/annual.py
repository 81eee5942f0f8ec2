"""The annual result of each standard: its periods in the year aggregated, judged against the target in force
at the end of the year.

How periods are combined into a year:

- percentage within a threshold: sum of numerators ÷ sum of denominators (the mean of the reported
  percentages only when no period gave its counts);
- mean duration and satisfaction score: mean weighted by the denominator (cases or responses) when
  every period gave one, else the plain mean of the periods;
- median duration: the median of the period medians (the cases themselves are not stored here);
- count: the mean per reporting period, so it stays comparable with the per-period target.
"""

import datetime

import numpy as np
import pandas as pd

from ..models import Measure
from .attainment import attach_targets, pooled_rate, results_by_period
from .status import evaluate_arrays


def _combine(measure, group):
    results = group["result"].to_numpy(dtype=float)
    results = results[~np.isnan(results)]
    if measure == Measure.PERCENT_WITHIN:
        rate = pooled_rate(group["numerator"], group["denominator"])
        return rate if not np.isnan(rate) else (results.mean() if len(results) else np.nan)
    if not len(results):
        return np.nan
    if measure == Measure.MEDIAN_DURATION:
        return float(np.median(results))
    if measure == Measure.COUNT:
        return float(results.mean())
    weights = group["denominator"].to_numpy(dtype=float)
    if len(weights) == len(group) and not np.isnan(weights).any() and weights.sum() > 0 and len(results) == len(group):
        return float(np.average(group["result"].to_numpy(dtype=float), weights=weights))
    return float(results.mean())


def annual_results(dataset, year):
    """One row per standard of the dataset: result for the year, target at year end, status, periods reported.

    The dataset should hold the year's values only (`load_dataset(..., year=year)`).
    """
    standards = dataset.standards
    by_period = results_by_period(dataset)
    by_period = by_period[by_period["period_start"].dt.year == year]
    combined = {
        standard_id: (_combine(group["measure"].iloc[0], group), len(group))
        for standard_id, group in by_period.groupby("standard_id", sort=False)
    }
    frame = standards.copy()
    frame["result"] = [combined.get(pk, (np.nan, 0))[0] for pk in frame["standard_id"]]
    frame["periods_reported"] = [combined.get(pk, (np.nan, 0))[1] for pk in frame["standard_id"]]
    frame["period_end"] = pd.Timestamp(datetime.date(year, 12, 31))
    frame = attach_targets(frame, dataset.targets)
    frame["status"] = evaluate_arrays(
        frame["result"], frame["target"], frame["measure"], frame["higher_is_better"], frame["tolerance"]
    )
    return frame.sort_values(["organisation", "code"], kind="stable").reset_index(drop=True)
