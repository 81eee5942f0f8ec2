"""Demo feedback: loads through the services, tells the story the README promises, and loads once."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from feedback.demo import ORGANISATION, POINTS
from feedback.models import Case, CaseCategory, CaseChannel, CaseState, FeedbackFigure, ServicePoint, Survey
from feedback.services.surveys import is_open
from organisations.models import AuditEvent
from standards.models import MetricValue, ReturnState, ValueSource

pytestmark = pytest.mark.django_db


def _counts():
    return tuple(model.objects.count() for model in (ServicePoint, Case, Survey, FeedbackFigure, AuditEvent))


def test_demo_feedback_loads_once_with_every_state_and_channel(client):
    call_command("load_demo")
    first = _counts()
    call_command("load_demo")
    assert _counts() == first
    cases = Case.objects.filter(organisation__name=ORGANISATION)
    assert set(cases.values_list("state", flat=True)) == set(CaseState.values)
    assert set(cases.values_list("channel", flat=True)) == set(CaseChannel.values)
    assert cases.filter(state=CaseState.ESCALATED).count() == 2
    conduct = cases.get(category=CaseCategory.CONDUCT)
    assert conduct.is_anonymous and conduct.service_point is not None and not conduct.reporter_email
    assert AuditEvent.objects.filter(verb="case.escalate").count() == 2
    assert ServicePoint.objects.filter(organisation__name=ORGANISATION).count() == len(POINTS)
    point = ServicePoint.objects.get(name=POINTS[0][0])
    assert client.get(reverse("public_feedback:report", kwargs={"code": point.code})).status_code == 200


def test_demo_survey_is_closed_and_feeds_the_satisfaction_standard():
    call_command("load_demo")
    survey = Survey.objects.get(organisation__name=ORGANISATION)
    channels = set(survey.responses.values_list("channel", flat=True))
    assert {"web", "paper"} <= channels
    assert not is_open(survey)
    fed = MetricValue.objects.filter(metric_return__organisation__name=ORGANISATION, source=ValueSource.SURVEY)
    value = fed.get(standard__code="SAT-1")
    assert value.metric_return.state == ReturnState.DRAFT
    assert value.value == Decimal("4.06")  # 69 points from 17 answers (web, paper, large print), out of 5
    complaints = MetricValue.objects.get(metric_return=value.metric_return, standard__code="CP-1")
    assert complaints.source == ValueSource.FEEDBACK and complaints.denominator
