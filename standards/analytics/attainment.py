"""Attainment with pandas: per standard per period, trends, latest status, share met, RAG counts.

A period's percentage is recomputed from its numerator and denominator when it gave them,
else it is the percentage published alone. Combining periods follows `combining`.
"""

import numpy as np
import pandas as pd

from ..models import Measure
from .status import Status, evaluate_arrays

TREND_PERIODS = 8
STATUS_ORDER = [Status.GREEN.value, Status.AMBER.value, Status.RED.value, Status.NO_DATA.value]
RESULT_COLUMNS = [
    "standard_id",
    "period_id",
    "period_start",
    "period_end",
    "label",
    "measure",
    "value",
    "numerator",
    "denominator",
    "result",
    "target",
    "higher_is_better",
    "tolerance",
    "status",
]


def period_result(measure, value, numerator, denominator):
    """The result of one period: percentages recomputed from their counts when they are there."""
    measure = np.asarray(measure, dtype=object)
    value = np.asarray(value, dtype=float)
    numerator = np.asarray(numerator, dtype=float)
    denominator = np.asarray(denominator, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        recomputed = 100 * numerator / denominator
    usable = (measure == Measure.PERCENT_WITHIN) & (denominator > 0) & ~np.isnan(numerator)
    return np.where(usable, recomputed, value)


def attach_targets(frame, targets, *, on="period_end"):
    """Add target, higher_is_better and tolerance in force on `on`: StandardTargetQuerySet.in_force_on over a frame.

    The latest valid_from on or before the day; NaN (so "no data") before the standard's first target.
    """
    if frame.empty or targets.empty:
        return frame.assign(target=np.nan, higher_is_better=True, tolerance=np.nan)
    left = frame.assign(_on=frame[on].astype("datetime64[ns]")).sort_values("_on", kind="stable")
    right = targets.assign(_on=targets["valid_from"].astype("datetime64[ns]")).sort_values("_on", kind="stable")
    merged = pd.merge_asof(
        left,
        right[["_on", "standard_id", "target", "higher_is_better", "tolerance"]],
        on="_on",
        by="standard_id",
        direction="backward",
    )
    merged["higher_is_better"] = merged["higher_is_better"].fillna(True).astype(bool)
    return merged.drop(columns="_on")


def with_status(frame):
    frame["status"] = evaluate_arrays(
        frame["result"], frame["target"], frame["measure"], frame["higher_is_better"], frame["tolerance"]
    )
    return frame


def results_by_period(dataset, *, sort=True):
    """Attainment per standard per period: result, target in force then, status (sorted by standard and period)."""
    standards = dataset.standards.set_index("standard_id")
    values = dataset.values[dataset.values["standard_id"].isin(standards.index)]
    periods = dataset.periods
    frame = values.assign(
        measure=standards["measure"].reindex(values["standard_id"]).to_numpy(),
        period_start=periods["start"].reindex(values["period_id"]).to_numpy(),
        period_end=periods["end"].reindex(values["period_id"]).to_numpy(),
        label=periods["label"].reindex(values["period_id"]).to_numpy(),
    )
    frame["result"] = period_result(frame["measure"], frame["value"], frame["numerator"], frame["denominator"])
    frame = with_status(attach_targets(frame, dataset.targets))
    frame = frame[RESULT_COLUMNS]
    if sort:
        frame = frame.sort_values(["standard_id", "period_end"], kind="stable")
    return frame.reset_index(drop=True)


def trend(results, last=TREND_PERIODS):
    """The last `last` periods with a value, per standard."""
    return results.groupby("standard_id", sort=False).tail(last)


def latest(results):
    """The most recent period per standard (indexed by standard_id)."""
    return results.groupby("standard_id", sort=False).tail(1).set_index("standard_id")


def latest_status(standards, results):
    """Every standard with its latest result and status; standards without a value have "no data"."""
    frame = standards.set_index("standard_id").join(
        latest(results)[["label", "result", "target", "higher_is_better", "tolerance", "status"]], how="left"
    )
    frame["status"] = frame["status"].fillna(Status.NO_DATA.value)
    frame["higher_is_better"] = frame["higher_is_better"].fillna(True).astype(bool)
    return frame


def rag_counts(statuses):
    """How many standards are green, amber, red and without data, in that order."""
    counts = pd.Series(statuses, dtype=object).value_counts()
    return {status: int(counts.get(status, 0)) for status in STATUS_ORDER}


def share_met_by_organisation(current):
    """Per organisation: its standards by status and the share met among those with data.

    `current` has one row per standard with organisation_id, organisation, sector and status.
    """
    columns = ["organisation_id", "organisation", "sector", *STATUS_ORDER, "standards", "share_met"]
    if current.empty:
        return pd.DataFrame(columns=columns)
    table = pd.crosstab(current["organisation_id"], current["status"]).reindex(columns=STATUS_ORDER, fill_value=0)
    table = current.groupby("organisation_id")[["organisation", "sector"]].first().join(table)
    with_data = table[Status.GREEN.value] + table[Status.AMBER.value] + table[Status.RED.value]
    table["standards"] = with_data + table[Status.NO_DATA.value]
    table["share_met"] = 100 * table[Status.GREEN.value] / with_data.where(with_data > 0)
    table = table.reset_index()[columns]
    return table.sort_values(["share_met", "organisation"], ascending=[False, True], na_position="last")
