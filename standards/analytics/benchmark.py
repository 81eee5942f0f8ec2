"""The cross-organisation benchmark for the evaluation unit: standards grouped by sector, channel and principle.

Each standard's result over the chosen year (or over every period) is combined from sums
computed in the database and judged like the annual report: against the target in force at
the end of the year (for all years: at the last period the standard reported). For each
group: organisations, standards, results (values counted), standards met / nearly met /
missed / without data, the share met, and the combined percentage of the percentage
standards over every organisation and period, by the rule of `combining` with the method
it used: from counts when every value of the group gave its counts, else the mean of the
published percentages.
"""

import pandas as pd

from common.principles import Principle
from organisations.models import Sector

from ..models import Channel, Measure
from .annual import range_results
from .attainment import share_met_by_organisation
from .combining import combine, group_totals, method_label
from .status import Status

DIMENSIONS = {"sector": Sector, "channel": Channel, "principle": Principle}
BENCHMARK_COLUMNS = [
    "key",
    "label",
    "organisations",
    "standards",
    "results",
    "met",
    "nearly_met",
    "missed",
    "no_data",
    "share_met",
    "pooled_rate",
    "pooled_method",
    "pooled_method_label",
]


def group_table(frame, dimension):
    """One row per value of `dimension` over a frame of judged standards (see annual.judge)."""
    if frame.empty:
        return pd.DataFrame(columns=BENCHMARK_COLUMNS)
    status = frame["status"].to_numpy()
    percent = (frame["measure"] == Measure.PERCENT_WITHIN).to_numpy()
    work = pd.DataFrame(
        {
            "key": frame[dimension].to_numpy(),
            "organisation_id": frame["organisation_id"].to_numpy(),
            "results": frame["periods_reported"].to_numpy(),
            "met": status == Status.GREEN.value,
            "nearly_met": status == Status.AMBER.value,
            "missed": status == Status.RED.value,
            "no_data": status == Status.NO_DATA.value,
        }
    )
    grouped = work.groupby("key", sort=True)
    table = grouped[["results", "met", "nearly_met", "missed", "no_data"]].sum()
    table["organisations"] = grouped["organisation_id"].nunique()
    table["standards"] = grouped.size()
    judged = table["met"] + table["nearly_met"] + table["missed"]
    table["share_met"] = 100 * table["met"] / judged.where(judged > 0)
    percentages = group_totals(frame[percent].rename(columns={dimension: "key"}), "key").reindex(table.index)
    percentages["measure"] = Measure.PERCENT_WITHIN
    table["pooled_rate"], table["pooled_method"] = combine(percentages)
    table["pooled_method_label"] = [method_label(method) for method in table["pooled_method"]]
    labels = dict(DIMENSIONS[dimension].choices)
    table = table.reset_index()
    table["label"] = [str(labels.get(key, key)) for key in table["key"]]
    return table[BENCHMARK_COLUMNS].sort_values("label", kind="stable").reset_index(drop=True)


def benchmark_overview(*, organisations, year=None):
    """The benchmark page: the three dimensions and the share of standards met per organisation.

    For a year, each organisation counts with its own year that ENDS in that calendar year (its calendar
    year, or e.g. April of the year before to March), judged at that year's end.
    """
    frame = range_results(organisations=organisations, year=year, ending=True)
    return {
        "dimensions": {dimension: group_table(frame, dimension) for dimension in DIMENSIONS},
        "organisations": share_met_by_organisation(frame),
        "values": int(frame["periods_reported"].sum()),
    }
