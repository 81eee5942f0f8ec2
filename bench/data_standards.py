"""Large-data generator for standards: organisations, standards, targets, monthly periods, current returns, values.

At scale 1: 500 organisations, 5,000 standards (10 each by default), 200 monthly periods, 1,000,000 values.
Values go in with COPY on PostgreSQL and in bulk_create batches elsewhere.
"""

import datetime
import math
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction

from common.principles import Principle
from organisations.models import Organisation, Sector
from standards.models import (
    Channel,
    Frequency,
    Measure,
    MetricReturn,
    MetricValue,
    ReportingPeriod,
    ReturnState,
    ServiceStandard,
    StandardTarget,
    ThresholdUnit,
)

LARGE_SCALE = {"organisations": 500, "standards": 5_000, "values": 1_000_000}
LAST_MONTH = datetime.date(2025, 12, 1)
BATCH = 10_000
# measure, threshold unit, target, higher is better: 60% percentages, then durations, satisfaction, counts
PROFILES = [
    *[(Measure.PERCENT_WITHIN, ThresholdUnit.MINUTES, 80, True)] * 6,
    (Measure.MEAN_DURATION, ThresholdUnit.WORKING_DAYS, 10, False),
    (Measure.MEDIAN_DURATION, ThresholdUnit.DAYS, 5, False),
    (Measure.SATISFACTION, "", 4, True),
    (Measure.COUNT, "", 1000, True),
]


@dataclass
class StandardsData:
    organisations: list
    standards: list
    periods: list
    values: int


def _month(offset):
    """The first day of the month `offset` months before LAST_MONTH."""
    index = LAST_MONTH.year * 12 + LAST_MONTH.month - 1 - offset
    return datetime.date(index // 12, index % 12 + 1, 1)


def monthly_periods(count):
    """The last `count` monthly periods up to December 2025, oldest first (existing ones reused)."""
    starts = [_month(offset) for offset in reversed(range(count))]
    existing = {p.start: p for p in ReportingPeriod.objects.filter(frequency=Frequency.MONTHLY, start__in=starts)}
    missing = []
    for start in starts:
        if start not in existing:
            end = datetime.date(start.year + start.month // 12, start.month % 12 + 1, 1) - datetime.timedelta(days=1)
            missing.append(ReportingPeriod(frequency=Frequency.MONTHLY, start=start, end=end, label=f"{start:%Y-%m}"))
    for period in ReportingPeriod.objects.bulk_create(missing):
        existing[period.start] = period
    return [existing[start] for start in starts]


def _copy_values(rows):
    columns = "metric_return_id, standard_id, value, numerator, denominator, note, source"
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(
            f"COPY {MetricValue._meta.db_table} ({columns}) FROM STDIN"  # noqa: S608 - fixed names
        ) as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _insert_values(rows):
    if connection.vendor == "postgresql":
        _copy_values(rows)
        return
    batch = []
    for return_id, standard_id, value, numerator, denominator, note, source in rows:
        batch.append(
            MetricValue(
                metric_return_id=return_id,
                standard_id=standard_id,
                value=value,
                numerator=numerator,
                denominator=denominator,
                note=note,
                source=source,
            )
        )
        if len(batch) == BATCH:
            MetricValue.objects.bulk_create(batch)
            batch = []
    MetricValue.objects.bulk_create(batch)


def _value_rows(standards, profiles, returns, periods, rng):
    """(return id, standard id, value, numerator, denominator, note, source) for every standard and period."""
    for period_index, _period in enumerate(periods):
        noise = rng.normal(0, 1, len(standards)).tolist()
        cases = rng.integers(50, 2000, len(standards)).tolist()
        for index, standard in enumerate(standards):
            measure, _unit, target, _higher = profiles[index]
            return_id = returns[(standard.organisation_id, period_index)]
            if measure == Measure.PERCENT_WITHIN:
                rate = min(max(target + 6 * noise[index], 0), 100) / 100
                numerator = round(cases[index] * rate)
                yield (
                    return_id,
                    standard.pk,
                    round(100 * numerator / cases[index], 4),
                    numerator,
                    cases[index],
                    "",
                    "import",
                )
            else:
                spread = {Measure.SATISFACTION: 0.2, Measure.COUNT: 80}.get(measure, 1.2)
                value = max(round(target + spread * noise[index], 2), 0)
                yield (return_id, standard.pk, value, None, cases[index], "", "import")


@transaction.atomic
def generate_standards_data(
    scale, log=print, *, name="Standards bench body", organisations=None, months=None, per_organisation=10
):
    """Organisations with standards and `months` monthly periods of accepted values (default: enough for 1M × scale)."""
    org_count = organisations or max(1, round(LARGE_SCALE["organisations"] * scale))
    standard_count = org_count * per_organisation
    months = months or math.ceil(LARGE_SCALE["values"] * scale / standard_count)
    sectors, channels, principles = list(Sector.values), list(Channel.values), list(Principle.values)
    rng = np.random.default_rng(20260101)

    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"{name} {i:04d}", short_name=f"SB{i}", sector=sectors[i % len(sectors)])
        for i in range(org_count)
    )
    profiles = [PROFILES[i % len(PROFILES)] for i in range(standard_count)]
    standards = ServiceStandard.objects.bulk_create(
        ServiceStandard(
            organisation=orgs[i // per_organisation],
            code=f"S{i % per_organisation:02d}",
            title=f"Bench standard {i}",
            channel=channels[i % len(channels)],
            principle=principles[(i // 3) % len(principles)],
            measure=profiles[i][0],
            threshold=5,
            threshold_unit=profiles[i][1],
            frequency=Frequency.MONTHLY,
            applies_from=datetime.date(2000, 1, 1),
        )
        for i in range(standard_count)
    )
    periods = monthly_periods(months)
    middle = periods[len(periods) // 2].start
    targets = [
        StandardTarget(standard=s, valid_from=datetime.date(2000, 1, 1), target=p[2], higher_is_better=p[3])
        for s, p in zip(standards, profiles, strict=True)
    ]
    targets += [  # every third standard raised its target half-way through
        StandardTarget(standard=s, valid_from=middle, target=p[2] * 1.05, higher_is_better=p[3], tolerance=1)
        for s, p in list(zip(standards, profiles, strict=True))[::3]
    ]
    StandardTarget.objects.bulk_create(targets, batch_size=BATCH)
    returns = MetricReturn.objects.bulk_create(
        (
            MetricReturn(organisation=org, period=period, state=ReturnState.ACCEPTED, is_current=True)
            for org in orgs
            for period in periods
        ),
        batch_size=BATCH,
    )
    return_ids = {(r.organisation_id, i % len(periods)): r.pk for i, r in enumerate(returns)}
    log(f"standards data: {org_count} organisations, {standard_count} standards, {months} periods; inserting values")
    _insert_values(_value_rows(standards, profiles, return_ids, periods, rng))
    return StandardsData(orgs, standards, periods, standard_count * months)
