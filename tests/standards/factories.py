import datetime
from decimal import Decimal

import factory

from common.principles import Principle
from standards.models import (
    Channel,
    Frequency,
    Measure,
    MetricReturn,
    MetricValue,
    ReportingPeriod,
    ServiceStandard,
    StandardTarget,
    ThresholdUnit,
)

from ..factories import OrganisationFactory


class ServiceStandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceStandard

    organisation = factory.SubFactory(OrganisationFactory)
    code = factory.Sequence(lambda n: f"S{n:03d}")
    title = "Calls answered within 5 minutes"
    channel = Channel.PHONE
    principle = Principle.TIMELINESS_COURTESY
    measure = Measure.PERCENT_WITHIN
    threshold = Decimal("5")
    threshold_unit = ThresholdUnit.MINUTES
    frequency = Frequency.QUARTERLY
    applies_from = datetime.date(2024, 1, 1)


class StandardTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StandardTarget

    standard = factory.SubFactory(ServiceStandardFactory)
    valid_from = datetime.date(2024, 1, 1)
    target = Decimal("80")
    higher_is_better = True


class ReportingPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingPeriod
        django_get_or_create = ("frequency", "start")

    frequency = Frequency.QUARTERLY
    start = datetime.date(2026, 1, 1)
    end = datetime.date(2026, 3, 31)
    label = "2026-Q1"


class MetricReturnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MetricReturn

    organisation = factory.SubFactory(OrganisationFactory)
    period = factory.SubFactory(ReportingPeriodFactory)


class MetricValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MetricValue

    metric_return = factory.SubFactory(MetricReturnFactory)
    standard = factory.SubFactory(ServiceStandardFactory)
    numerator = Decimal("850")
    denominator = Decimal("1000")
    value = Decimal("85")


def quarter_period(year, number):
    """The quarterly ReportingPeriod `year`-Q`number` (created once)."""
    start = datetime.date(year, 3 * number - 2, 1)
    end = (datetime.date(year + (number == 4), (3 * number) % 12 + 1, 1)) - datetime.timedelta(days=1)
    return ReportingPeriodFactory(frequency=Frequency.QUARTERLY, start=start, end=end, label=f"{year}-Q{number}")


def current_value(standard, period, value=None, *, numerator=None, denominator=None, **return_fields):
    """A value in the current (accepted) return of the standard's organisation for the period."""
    metric_return = MetricReturn.objects.filter(
        organisation=standard.organisation, period=period, is_current=True
    ).first() or MetricReturnFactory(
        organisation=standard.organisation, period=period, state="accepted", is_current=True, **return_fields
    )
    if value is None and numerator is not None and denominator:
        value = (Decimal(str(numerator)) * 100 / Decimal(str(denominator))).quantize(Decimal("0.0001"))
    return MetricValueFactory(
        metric_return=metric_return,
        standard=standard,
        value=None if value is None else Decimal(str(value)),
        numerator=None if numerator is None else Decimal(str(numerator)),
        denominator=None if denominator is None else Decimal(str(denominator)),
    )


def standard_with_target(organisation, target="80", **fields):
    """A standard of the organisation with its first target, in force from the day the standard applies."""
    standard = ServiceStandardFactory(organisation=organisation, **fields)
    StandardTargetFactory(standard=standard, valid_from=standard.applies_from, target=Decimal(str(target)))
    return standard
