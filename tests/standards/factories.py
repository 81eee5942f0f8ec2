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
