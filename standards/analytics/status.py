"""The status of a result against its target, and the on-time rate of case-based timeliness measures.

The rule (shown next to every status in the interface):

- met (the target reached, respecting higher- or lower-is-better) → green;
- missed by at most the tolerance → amber;
- otherwise → red;
- no target in force, or no result → "no data".

Default tolerance when the target has none of its own (StandardTarget.tolerance, in the
measure's own units, overrides the default):

- percentage within a threshold: 2 percentage points;
- mean or median duration: 10% of the target (a 10-working-day target is amber up to 11 days);
- count: 10% of the target;
- satisfaction score: 5% of the target (a 4.0 out of 5 target is amber down to 3.8).
"""

from decimal import Decimal

import numpy as np
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import Measure


class Status(models.TextChoices):
    GREEN = "green", _("Met")
    AMBER = "amber", _("Nearly met")
    RED = "red", _("Missed")
    NO_DATA = "no_data", _("No data")


DEFAULT_PERCENT_TOLERANCE = Decimal("2")  # percentage points
RELATIVE_TOLERANCE = {
    Measure.MEAN_DURATION: Decimal("0.10"),
    Measure.MEDIAN_DURATION: Decimal("0.10"),
    Measure.COUNT: Decimal("0.10"),
    Measure.SATISFACTION: Decimal("0.05"),
}


def _decimal(number):
    """Floats from pandas frames become the short decimal they print as (4.2, not 4.2000000000000001776)."""
    return Decimal(str(number)) if isinstance(number, float) else Decimal(number)


def tolerance_for(measure, target, tolerance=None):
    """The amber band in the measure's units: the target's own tolerance, else the default rule."""
    if tolerance is not None:
        return abs(_decimal(tolerance))
    if measure == Measure.PERCENT_WITHIN:
        return DEFAULT_PERCENT_TOLERANCE
    return (abs(_decimal(target)) * RELATIVE_TOLERANCE[Measure(measure)]).quantize(Decimal("0.01"))


def evaluate(value, target, *, measure, higher_is_better=True, tolerance=None):
    """Status of one result against one target."""
    if value is None or target is None:
        return Status.NO_DATA
    value, target = _decimal(value), _decimal(target)
    shortfall = target - value if higher_is_better else value - target
    if shortfall <= 0:
        return Status.GREEN
    if shortfall <= tolerance_for(measure, target, tolerance):
        return Status.AMBER
    return Status.RED


def _format(number):
    number = _decimal(number).normalize()
    return f"{number:f}"


def rule_text(measure, target, *, higher_is_better=True, tolerance=None, unit=""):
    """The rule for one target in words, e.g. "Met at 80% or more; nearly met from 78%; missed below 78%"."""
    if target is None:
        return gettext("No target in force.")
    band = tolerance_for(measure, target, tolerance)
    suffix = "%" if measure == Measure.PERCENT_WITHIN else (f" {unit}" if unit else "")
    target_text = f"{_format(target)}{suffix}"
    if higher_is_better:
        edge = f"{_format(_decimal(target) - band)}{suffix}"
        return gettext("Met at %(target)s or more; nearly met down to %(edge)s; missed below %(edge)s.") % {
            "target": target_text,
            "edge": edge,
        }
    edge = f"{_format(_decimal(target) + band)}{suffix}"
    return gettext("Met at %(target)s or less; nearly met up to %(edge)s; missed above %(edge)s.") % {
        "target": target_text,
        "edge": edge,
    }


def evaluate_arrays(values, targets, measures, higher_is_better, tolerances):
    """The same rule over numpy arrays (floats, NaN for missing): an array of Status values.

    `tolerances` holds the target's own tolerance or NaN for the default rule.
    """
    values = np.asarray(values, dtype=float)
    targets = np.asarray(targets, dtype=float)
    measures = np.asarray(measures, dtype=object)
    tolerances = np.asarray(tolerances, dtype=float)
    higher = np.asarray(higher_is_better, dtype=bool)
    relative = np.zeros(len(values))
    for measure, share in RELATIVE_TOLERANCE.items():
        relative[measures == measure] = float(share)
    default_band = np.where(measures == Measure.PERCENT_WITHIN, float(DEFAULT_PERCENT_TOLERANCE), 0.0)
    default_band = default_band + np.round(np.abs(targets) * relative, 2)
    band = np.where(np.isnan(tolerances), default_band, np.abs(tolerances))
    shortfall = np.where(higher, targets - values, values - targets)
    with np.errstate(invalid="ignore"):
        statuses = np.where(
            shortfall <= 1e-9,
            Status.GREEN.value,
            np.where(shortfall <= band + 1e-9, Status.AMBER.value, Status.RED.value),
        )
    missing = np.isnan(values) | np.isnan(targets)
    return np.where(missing, Status.NO_DATA.value, statuses).astype(object)


def on_time_rate(*, on_time, closed, open_overdue):
    """Share of cases handled on time, counting open cases already overdue as late.

    on time ÷ (closed + open overdue), as a Decimal between 0 and 1; None when there is nothing to count.
    """
    if min(on_time, closed, open_overdue) < 0:
        raise ValueError("Case counts cannot be negative.")
    if on_time > closed:
        raise ValueError("More cases on time than cases closed.")
    counted = closed + open_overdue
    if counted == 0:
        return None
    return Decimal(on_time) / Decimal(counted)
