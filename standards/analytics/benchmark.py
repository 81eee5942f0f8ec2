"""The cross-organisation benchmark for the evaluation unit: results grouped by sector, channel and principle.

For each group: organisations and standards counted, results (one per standard per period),
the share of results met / nearly met / missed (each judged against the target in force in
its period), and the pooled percentage of the percentage standards (sum of numerators ÷ sum
of denominators over every organisation and period in the group).
"""

import numpy as np
import pandas as pd

from common.principles import Principle
from organisations.models import Sector

from ..models import Channel, Measure
from .attainment import results_by_period, share_met_by_organisation
from .frames import load_dataset
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
    "share_met",
    "pooled_rate",
]


def _group_table(frame, dimension):
    percent = (frame["measure"] == Measure.PERCENT_WITHIN).to_numpy()
    counted = percent & ~np.isnan(frame["numerator"].to_numpy()) & ~np.isnan(frame["denominator"].to_numpy())
    status = frame["status"].to_numpy()
    work = pd.DataFrame(
        {
            "key": frame[dimension].to_numpy(),
            "organisation_id": frame["organisation_id"].to_numpy(),
            "standard_id": frame["standard_id"].to_numpy(),
            "met": status == Status.GREEN.value,
            "nearly_met": status == Status.AMBER.value,
            "missed": status == Status.RED.value,
            "numerator": np.where(counted, frame["numerator"].to_numpy(), 0.0),
            "denominator": np.where(counted, frame["denominator"].to_numpy(), 0.0),
        }
    )
    grouped = work.groupby("key", sort=True)
    table = grouped[["met", "nearly_met", "missed", "numerator", "denominator"]].sum()
    table["organisations"] = grouped["organisation_id"].nunique()
    table["standards"] = grouped["standard_id"].nunique()
    table["results"] = grouped.size()
    judged = table["met"] + table["nearly_met"] + table["missed"]
    table["share_met"] = 100 * table["met"] / judged.where(judged > 0)
    table["pooled_rate"] = 100 * table["numerator"] / table["denominator"].where(table["denominator"] > 0)
    labels = dict(DIMENSIONS[dimension].choices)
    table = table.reset_index()
    table["label"] = [str(labels.get(key, key)) for key in table["key"]]
    return table[BENCHMARK_COLUMNS].sort_values("label", kind="stable").reset_index(drop=True)


def benchmark(dataset, results=None):
    """{dimension: DataFrame with BENCHMARK_COLUMNS} for sector, channel and principle."""
    results = results_by_period(dataset, sort=False) if results is None else results
    if results.empty:
        return {dimension: pd.DataFrame(columns=BENCHMARK_COLUMNS) for dimension in DIMENSIONS}
    standards = dataset.standards.set_index("standard_id")
    frame = results.assign(
        **{
            column: standards[column].reindex(results["standard_id"]).to_numpy()
            for column in ["organisation_id", "sector", "channel", "principle"]
        }
    )
    return {dimension: _group_table(frame, dimension) for dimension in DIMENSIONS}


def benchmark_overview(organisations=None, *, year=None):
    """The whole benchmark page: the three dimensions and the share of standards met per organisation."""
    dataset = load_dataset(organisations, year=year)
    results = results_by_period(dataset)
    return {
        "dimensions": benchmark(dataset, results),
        "organisations": share_met_by_organisation(dataset.standards, results),
        "values": len(dataset.values),
    }
