"""The result of each standard over a range of periods (a year, or everything), judged against its target.

Periods are combined from totals summed in the database (see `totals`). A year is each
organisation's own year (calendar or financial, see `frames.year_filter`), judged against the
target in force at its last day; all years against the target in force at the end of the
organisation's latest period with a current return.
"""

import pandas as pd
from django.utils import timezone

from ..models import MetricReturn
from .attainment import attach_targets
from .combining import combine, totals_from_values
from .frames import load_standards, load_targets, scoped, year_ends
from .status import evaluate_arrays
from .totals import load_last_period_ends, load_totals, with_totals


def judge(standards, targets, totals, *, last_ends=None):
    """Standards with totals, combined result, target in force at the end of the range, and status.

    The range ends at each organisation's date in `last_ends` (the end of its year, or of its latest
    period; today if none).
    """
    frame = with_totals(standards, totals)
    today = timezone.localdate()
    ends = (last_ends or {}).get
    frame["period_end"] = pd.to_datetime([ends(pk, today) for pk in frame["organisation_id"]])
    frame = attach_targets(frame, targets)
    frame["status"] = evaluate_arrays(
        frame["result"], frame["target"], frame["measure"], frame["higher_is_better"], frame["tolerance"]
    )
    return frame.sort_values(["organisation", "code"], kind="stable").reset_index(drop=True)


def range_results(*, organisations, year=None, ending=False):
    """One row per standard of these organisations: result over their year `year` (or all periods), status.

    The year starts in `year` in each organisation's convention, or (ending=True) ends in `year`.
    """
    standards, targets, values = scoped(organisations=organisations, year=year, ending=ending)
    if year is None:
        last_ends = load_last_period_ends(MetricReturn.objects.filter(organisation__in=organisations))
    else:
        last_ends = year_ends(organisations, year, ending=ending)
    totals = load_totals(values)
    return judge(load_standards(standards), load_targets(targets), totals, last_ends=last_ends)


def annual_results(*, organisations, year):
    return range_results(organisations=organisations, year=year)


def recent_results(current, periods):
    """Each standard of `current` (``attainment.latest_status``) with its `periods` combined and judged.

    `periods` are rows of the results frame (for the results page: the trend's last periods). The
    combined result is judged against the target in force at the end of the latest of them.
    """
    totals = totals_from_values(periods).set_index("standard_id")
    frame = current[["measure", "target", "higher_is_better", "tolerance"]].join(totals, how="left")
    frame["periods_reported"] = frame["periods_reported"].fillna(0).astype(int)
    frame["result"], frame["method"] = combine(frame)
    frame["status"] = evaluate_arrays(
        frame["result"], frame["target"], frame["measure"], frame["higher_is_better"], frame["tolerance"]
    )
    return frame
