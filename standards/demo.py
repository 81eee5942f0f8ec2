"""Demo service standards and eight quarters of returns for the quick start. Loading twice changes nothing."""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from common.principles import Principle
from organisations.models import Organisation, User
from organisations.services import evaluator_assign

from .models import Channel, Frequency, Measure, MetricReturn, ServiceStandard, ThresholdUnit
from .periods import period_store, recent_periods
from .services.definitions import standard_create
from .services.returns import return_accept, return_create, return_save_values, return_submit

# (code, title, channel, principle, measure, threshold, unit, target, higher is better, typical result)
STANDARDS = {
    "Revenue and Customs Service": [
        (
            "PH-1",
            "Calls answered within 5 minutes",
            Channel.PHONE,
            Principle.TIMELINESS_COURTESY,
            Measure.PERCENT_WITHIN,
            5,
            ThresholdUnit.MINUTES,
            80,
            True,
            81,
        ),
        (
            "EM-1",
            "E-mails answered within 5 working days",
            Channel.EMAIL,
            Principle.TIMELINESS_COURTESY,
            Measure.PERCENT_WITHIN,
            5,
            ThresholdUnit.WORKING_DAYS,
            90,
            True,
            88,
        ),
        (
            "LT-1",
            "Average time to answer a letter",
            Channel.LETTER,
            Principle.TIMELINESS_COURTESY,
            Measure.MEAN_DURATION,
            None,
            ThresholdUnit.WORKING_DAYS,
            15,
            False,
            16,
        ),
        (
            "CP-1",
            "Complaints acknowledged within 3 working days",
            Channel.ANY,
            Principle.COMPLAINTS,
            Measure.PERCENT_WITHIN,
            3,
            ThresholdUnit.WORKING_DAYS,
            95,
            True,
            97,
        ),
        (
            "SAT-1",
            "Customer satisfaction (out of 5)",
            Channel.ANY,
            Principle.CONSULTATION_EVALUATION,
            Measure.SATISFACTION,
            None,
            "",
            Decimal("4.2"),
            True,
            Decimal("4.1"),
        ),
    ],
    "Department of Social Protection": [
        (
            "CL-1",
            "Claims decided within 10 working days",
            Channel.ANY,
            Principle.TIMELINESS_COURTESY,
            Measure.PERCENT_WITHIN,
            10,
            ThresholdUnit.WORKING_DAYS,
            85,
            True,
            79,
        ),
        (
            "CT-1",
            "Median wait at the counter",
            Channel.COUNTER,
            Principle.PHYSICAL_ACCESS,
            Measure.MEDIAN_DURATION,
            None,
            ThresholdUnit.MINUTES,
            15,
            False,
            14,
        ),
        (
            "GA-1",
            "Replies in Irish within 10 working days",
            Channel.LETTER,
            Principle.OFFICIAL_LANGUAGES,
            Measure.PERCENT_WITHIN,
            10,
            ThresholdUnit.WORKING_DAYS,
            100,
            True,
            99,
        ),
    ],
    "Riverside City Council": [
        (
            "WEB-1",
            "Web forms answered within 2 working days",
            Channel.WEB,
            Principle.INFORMATION,
            Measure.PERCENT_WITHIN,
            2,
            ThresholdUnit.WORKING_DAYS,
            75,
            True,
            77,
        ),
        (
            "SM-1",
            "Social media questions answered within 4 hours",
            Channel.SOCIAL,
            Principle.TIMELINESS_COURTESY,
            Measure.PERCENT_WITHIN,
            4,
            ThresholdUnit.HOURS,
            80,
            True,
            70,
        ),
        ("APP-1", "Appeals heard", Channel.ANY, Principle.APPEALS, Measure.COUNT, None, "", 40, True, 42),
    ],
}

REPRESENTATIVES = {
    "Revenue and Customs Service": "rep@revenue.example.org",
    "Department of Social Protection": "rep@socialprotection.example.org",
    "Riverside City Council": "rep@riverside.example.org",
}
EVALUATOR_ASSIGNMENTS = {
    "evaluator@qcs.example.org": ["Revenue and Customs Service", "Department of Social Protection"],
    "evaluator2@qcs.example.org": ["Riverside City Council"],
}
FIRST_DAY = datetime.date(2024, 1, 1)
QUARTERS = 8


def _value_row(measure, typical, rng):
    if measure == Measure.PERCENT_WITHIN:
        denominator = rng.randint(800, 5000)
        rate = min(100.0, max(0.0, float(typical) + rng.uniform(-4, 3)))
        return {"numerator": Decimal(round(denominator * rate / 100)), "denominator": Decimal(denominator)}
    if measure == Measure.SATISFACTION:
        return {"value": (Decimal(typical) + Decimal(rng.randint(-2, 2)) / 10).quantize(Decimal("0.1"))}
    return {"value": Decimal(round(float(typical) * rng.uniform(0.85, 1.15)))}


@transaction.atomic
def load_standards_demo(today=None):
    today = today or timezone.localdate()
    lead = User.objects.get(email="lead@qcs.example.org")
    for email, organisation_names in EVALUATOR_ASSIGNMENTS.items():
        evaluator = User.objects.get(email=email)
        for name in organisation_names:
            organisation = Organisation.objects.get(name=name)
            if not organisation.evaluator_assignments.filter(evaluator=evaluator).exists():
                evaluator_assign(actor=lead, organisation=organisation, evaluator=evaluator)

    for organisation_name, definitions in STANDARDS.items():
        organisation = Organisation.objects.get(name=organisation_name)
        representative = User.objects.get(email=REPRESENTATIVES[organisation_name])
        evaluator = organisation.evaluator_assignments.first().evaluator
        typical = {}
        for code, title, channel, principle, measure, threshold, unit, target, higher, result in definitions:
            typical[code] = (measure, result)
            if ServiceStandard.objects.filter(organisation=organisation, code=code).exists():
                continue
            standard_create(
                actor=representative,
                organisation=organisation,
                target=Decimal(target),
                higher_is_better=higher,
                code=code,
                title=title,
                channel=channel,
                principle=principle,
                measure=measure,
                threshold=Decimal(threshold) if threshold is not None else None,
                threshold_unit=unit,
                frequency=Frequency.QUARTERLY,
                applies_from=FIRST_DAY,
            )
        rng = random.Random(organisation_name)  # noqa: S311 - demo figures, not security
        periods = list(reversed(recent_periods(Frequency.QUARTERLY, today, QUARTERS + 1)))
        for index, bounds in enumerate(periods):
            period = period_store(bounds)
            if MetricReturn.objects.filter(organisation=organisation, period=period).exists():
                continue
            metric_return = return_create(actor=representative, organisation=organisation, period=period)
            standards = ServiceStandard.objects.filter(organisation=organisation)
            values = {standard: {**_value_row(*typical[standard.code], rng), "note": ""} for standard in standards}
            return_save_values(actor=representative, metric_return=metric_return, values=values)
            if index == len(periods) - 1:
                continue  # the current quarter stays a draft the representative can work on
            return_submit(actor=representative, metric_return=metric_return)
            if index < len(periods) - 2:  # last quarter's return waits for the evaluator
                return_accept(actor=evaluator, metric_return=metric_return)
