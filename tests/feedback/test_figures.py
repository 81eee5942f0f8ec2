"""Feedback figures feeding the standards: exact numbers on fixed dates, the fed values, the page."""

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from common.errors import ServiceError
from feedback.figures import figure_row
from feedback.models import (
    CaseCategory,
    CaseChannel,
    CaseState,
    FeedbackFigure,
    FigureKind,
    SurveyAnswer,
    SurveyResponse,
)
from feedback.services.figures import (
    feedback_figure_link,
    feedback_figure_unlink,
    feedback_figures_feed,
    feedback_figures_feed_due,
)
from organisations.models import AuditEvent
from organisations.system import system_actor
from standards.models import Measure, MetricReturn, MetricValue, ReturnState, ValueSource
from standards.periods import period_for_label
from standards.services.returns import return_accept, return_correct, return_submit

from ..standards.factories import standard_with_target
from .factories import CaseFactory, satisfaction_survey

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 4, 2)  # the feed runs two days after the first quarter of 2026


def _at(day, hour=12):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=datetime.UTC)


def _day(month, day):
    return datetime.date(2026, month, day)


def _case(organisation, received, acknowledge_by, resolve_by, acknowledged=None, resolved=None, **fields):
    state = CaseState.CLOSED if resolved else CaseState.ACKNOWLEDGED if acknowledged else CaseState.RECEIVED
    return CaseFactory(
        organisation=organisation,
        received_at=_at(received),
        acknowledge_by=acknowledge_by,
        resolve_by=resolve_by,
        acknowledged_at=_at(acknowledged) if acknowledged else None,
        resolved_at=_at(resolved) if resolved else None,
        state=fields.pop("state", state),
        **fields,
    )


@pytest.fixture
def first_quarter_cases(cast):
    """Complaints of A around 2026-Q1, and one of B; see each line."""
    org = cast.org_a
    # acknowledged on time, resolved on time
    _case(org, _day(2, 2), _day(2, 5), _day(3, 2), acknowledged=_day(2, 4), resolved=_day(2, 20))
    # acknowledged late (after its deadline day), resolved late
    _case(org, _day(2, 10), _day(2, 13), _day(3, 10), acknowledged=_day(2, 16), resolved=_day(3, 12))
    # resolved without an acknowledgement, before the acknowledge-by day: acknowledged on time
    _case(org, _day(2, 12), _day(2, 15), _day(3, 10), resolved=_day(2, 14))
    # still open, not acknowledged, its acknowledge-by day is over: late; resolve-by not yet come
    _case(org, _day(3, 2), _day(3, 5), _day(4, 10), state=CaseState.ESCALATED)
    # acknowledged on the deadline day itself (on time); still open and not yet due for resolution
    _case(org, _day(3, 30), _day(4, 2), _day(4, 27), acknowledged=_day(4, 2))
    # still open, but its acknowledge-by day is today: not counted yet
    _case(org, _day(3, 31), _day(4, 2), _day(4, 28), channel=CaseChannel.EMAIL)
    # received before the quarter: not in its figures
    _case(org, datetime.date(2025, 12, 20), datetime.date(2025, 12, 23), _day(1, 20))
    # a compliment, acknowledged late
    _case(org, _day(1, 5), _day(1, 8), _day(2, 2), acknowledged=_day(1, 20), category=CaseCategory.COMPLIMENT)
    # another organisation's case
    _case(cast.org_b, _day(2, 2), _day(2, 5), _day(3, 2))


def _figure(standard, kind, **fields):
    return FeedbackFigure.objects.create(standard=standard, kind=kind, **fields)


def test_acknowledgement_timeliness_counts_open_overdue_cases_as_late(cast, first_quarter_cases):
    complaints = _figure(
        standard_with_target(cast.org_a, code="ACK"), FigureKind.ACKNOWLEDGED_ON_TIME, category="complaint"
    )
    row = figure_row(complaints, _day(1, 1), _day(3, 31), TODAY)
    # on time: the first, the one resolved unacknowledged, the one on its deadline day (3); late: one
    # acknowledged late and one still open past its deadline (2); the one due today is not counted
    assert (row["numerator"], row["denominator"], row["value"]) == (3, 5, Decimal("60.0000"))
    assert "1 still open past their deadline" in row["note"]
    every_category = _figure(standard_with_target(cast.org_a, code="ACK2"), FigureKind.ACKNOWLEDGED_ON_TIME)
    row = figure_row(every_category, _day(1, 1), _day(3, 31), TODAY)
    assert (row["numerator"], row["denominator"]) == (3, 6)  # and the compliment acknowledged late


def test_resolution_timeliness(cast, first_quarter_cases):
    figure = _figure(standard_with_target(cast.org_a, code="RES"), FigureKind.RESOLVED_ON_TIME, category="complaint")
    row = figure_row(figure, _day(1, 1), _day(3, 31), TODAY)
    # resolved on time 2, resolved late 1, none open past its resolve-by day yet
    assert (row["numerator"], row["denominator"], row["value"]) == (2, 3, Decimal("66.6667"))
    later = figure_row(figure, _day(1, 1), _day(3, 31), _day(4, 11))
    # a week later the open case past its resolve-by day (10 April) counts as late
    assert (later["numerator"], later["denominator"]) == (2, 4)


def test_case_counts_by_category_and_channel(cast, first_quarter_cases):
    count = {"measure": Measure.COUNT, "threshold": None, "threshold_unit": ""}
    every = _figure(standard_with_target(cast.org_a, code="N", **count), FigureKind.CASE_COUNT)
    by_email = _figure(standard_with_target(cast.org_a, code="NE", **count), FigureKind.CASE_COUNT, channel="email")
    compliments = _figure(
        standard_with_target(cast.org_a, code="NC", **count), FigureKind.CASE_COUNT, category="compliment"
    )
    quarter = (_day(1, 1), _day(3, 31), TODAY)
    assert [figure_row(figure, *quarter)["value"] for figure in (every, by_email, compliments)] == [7, 1, 1]


def test_case_satisfaction_as_a_share_and_as_an_average(cast):
    for rating, rated in ((5, _day(2, 1)), (4, _day(2, 2)), (2, _day(3, 3)), (5, _day(4, 1))):
        CaseFactory(organisation=cast.org_a, satisfaction=rating, rated_at=_at(rated), state=CaseState.CLOSED)
    share = _figure(standard_with_target(cast.org_a, code="CS"), FigureKind.CASE_SATISFACTION)
    average = _figure(
        standard_with_target(
            cast.org_a, code="CSS", measure=Measure.SATISFACTION, threshold=None, threshold_unit="", target="4"
        ),
        FigureKind.CASE_SATISFACTION,
    )
    quarter = (_day(1, 1), _day(3, 31), TODAY)
    assert (figure_row(share, *quarter)["numerator"], figure_row(share, *quarter)["denominator"]) == (2, 3)
    assert figure_row(average, *quarter)["value"] == Decimal("3.67")
    assert figure_row(share, _day(7, 1), _day(9, 30), TODAY) is None  # no rating: nothing to feed


MID_FEBRUARY = datetime.date(2026, 2, 16)


def _responses(survey, *ratings, day=MID_FEBRUARY):
    question = survey.questions.get(position=1)
    for rating in ratings:
        response = SurveyResponse.objects.create(survey=survey, channel="web", submitted_at=_at(day))
        SurveyAnswer.objects.create(response=response, question=question, number=rating)
    return question


def test_a_survey_score_feeds_a_customer_satisfaction_standard_as_a_fed_value(cast, client_for):
    standard = standard_with_target(cast.org_a, code="CSAT", title="Customer satisfaction", target="80")
    survey = satisfaction_survey(cast.org_a, title="Counter survey 2026")
    question = _responses(survey, 5, 5, 4, 4, 3)
    _responses(survey, 1, 1, day=_day(4, 1))  # the next quarter's answers
    client = client_for("rep_a")
    page = reverse("workspace:feedback:figure_list", kwargs={"organisation_pk": cast.org_a.pk})
    response = client.post(
        page, {"standard": standard.pk, "kind": FigureKind.SURVEY_SATISFACTION, "survey_question": question.pk}
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(verb="feedback_figure.link", actor=cast.rep_a).exists()
    feed = reverse("workspace:feedback:figure_feed", kwargs={"organisation_pk": cast.org_a.pk})
    assert client.post(feed, {"feed-earlier": "2026-Q1"}).status_code == 302
    value = MetricValue.objects.get(standard=standard)
    assert (value.numerator, value.denominator, value.value) == (4, 5, Decimal("80"))
    assert value.source == ValueSource.SURVEY
    assert "Counter survey 2026" in value.note
    assert value.metric_return.state == ReturnState.DRAFT and value.metric_return.period.label == "2026-Q1"
    detail = reverse(
        "workspace:standards:return_detail",
        kwargs={"organisation_pk": cast.org_a.pk, "pk": value.metric_return.pk},
    )
    assert "Survey responses" in client.get(detail).content.decode()  # the value is marked as fed


def test_double_run_changes_nothing(cast, first_quarter_cases):
    standard = standard_with_target(cast.org_a, code="ACK")
    _figure(standard, FigureKind.ACKNOWLEDGED_ON_TIME, category="complaint")
    period = period_for_label("2026-Q1")
    first, fed = feedback_figures_feed(actor=system_actor(), organisation=cast.org_a, period=period, today=TODAY)
    assert fed == 1
    with translation.override("ga"):  # the notes are written in one language, whoever feeds
        second, fed = feedback_figures_feed(actor=system_actor(), organisation=cast.org_a, period=period, today=TODAY)
    assert first == second and MetricReturn.objects.count() == 1
    assert MetricValue.objects.get(standard=standard).value == Decimal("60")
    assert AuditEvent.objects.filter(verb="metric_return.feed").count() == 1
    feedback_figures_feed_due(today=TODAY)
    feedback_figures_feed_due(today=TODAY)
    # the current quarter (2026-Q2) has no case yet: its return is not created
    assert MetricReturn.objects.count() == 1
    assert AuditEvent.objects.filter(verb="metric_return.feed").count() == 1


def test_accepted_returns_are_never_rewritten(cast, first_quarter_cases):
    standard = standard_with_target(cast.org_a, code="ACK")
    _figure(standard, FigureKind.ACKNOWLEDGED_ON_TIME, category="complaint")
    period = period_for_label("2026-Q1")
    metric_return, _fed = feedback_figures_feed(
        actor=system_actor(), organisation=cast.org_a, period=period, today=TODAY
    )
    return_submit(actor=cast.rep_a, metric_return=metric_return)
    return_accept(actor=cast.lead, metric_return=metric_return)
    _case(cast.org_a, _day(3, 3), _day(3, 6), _day(4, 1), acknowledged=_day(3, 4))  # logged late: one more on time
    with pytest.raises(ServiceError, match="accepted and is locked"):
        feedback_figures_feed(actor=system_actor(), organisation=cast.org_a, period=period, today=TODAY)
    outcomes = feedback_figures_feed_due(today=TODAY)
    assert [(p.label, fed, bool(refused)) for _org, p, fed, refused in outcomes] == [
        ("2026-Q1", 0, True),
        ("2026-Q2", 0, False),
    ]
    value = MetricValue.objects.get(metric_return=metric_return, standard=standard)
    assert (value.numerator, value.denominator) == (3, 5)
    correction = return_correct(actor=cast.rep_a, metric_return=metric_return, reason="A case logged late")
    assert (
        feedback_figures_feed(actor=system_actor(), organisation=cast.org_a, period=period, today=TODAY)[0]
        == correction
    )
    assert MetricValue.objects.get(metric_return=correction, standard=standard).numerator == 4
    assert MetricValue.objects.get(metric_return=metric_return, standard=standard).numerator == 3


def test_forged_ids_are_404_or_refused(cast, client_for):
    figure_b = _figure(standard_with_target(cast.org_b, code="B1"), FigureKind.RESOLVED_ON_TIME)
    standard_b = standard_with_target(cast.org_b, code="B2")
    question_b = satisfaction_survey(cast.org_b).questions.get(position=1)
    standard_a = standard_with_target(cast.org_a, code="A1")
    client = client_for("rep_a")
    unlink = reverse("workspace:feedback:figure_unlink", kwargs={"organisation_pk": cast.org_a.pk, "pk": figure_b.pk})
    assert client.post(unlink).status_code == 404
    page = reverse("workspace:feedback:figure_list", kwargs={"organisation_pk": cast.org_a.pk})
    for data in (
        {"standard": standard_b.pk, "kind": FigureKind.RESOLVED_ON_TIME},
        {"standard": standard_a.pk, "kind": FigureKind.SURVEY_SATISFACTION, "survey_question": question_b.pk},
    ):
        response = client.post(page, data)
        assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert FeedbackFigure.objects.count() == 1
    assert FeedbackFigure.objects.get().pk == figure_b.pk


def test_link_rules(cast):
    percent = standard_with_target(cast.org_a, code="P")
    with pytest.raises(ServiceError, match="only a standard measured as: count"):
        feedback_figure_link(actor=cast.rep_a, standard=percent, kind=FigureKind.CASE_COUNT)
    with pytest.raises(ServiceError, match="Choose the survey question"):
        feedback_figure_link(actor=cast.rep_a, standard=percent, kind=FigureKind.SURVEY_SATISFACTION)
    with pytest.raises(ServiceError, match="You may not"):
        feedback_figure_link(actor=cast.head_a, standard=percent, kind=FigureKind.RESOLVED_ON_TIME)
    figure = feedback_figure_link(actor=cast.rep_a, standard=percent, kind=FigureKind.RESOLVED_ON_TIME)
    with pytest.raises(ServiceError, match="already fed"):
        feedback_figure_link(actor=cast.rep_a, standard=percent, kind=FigureKind.ACKNOWLEDGED_ON_TIME)
    feedback_figure_unlink(actor=cast.rep_a, figure=figure)
    assert not FeedbackFigure.objects.exists()
    assert AuditEvent.objects.filter(verb="feedback_figure.unlink").count() == 1


def test_the_command_and_the_nightly_schedule(cast, first_quarter_cases, settings):
    from feedback.tasks import feed_feedback_figures_task

    _figure(standard_with_target(cast.org_a, code="ACK"), FigureKind.ACKNOWLEDGED_ON_TIME, category="complaint")
    assert settings.CELERY_BEAT_SCHEDULE["feedback-feed-figures"]["task"] == feed_feedback_figures_task.name
    output = mock.Mock()
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        call_command("feed_feedback_figures", stdout=output)
    assert MetricValue.objects.get(standard__code="ACK").source == ValueSource.FEEDBACK
    assert "2026-Q1: 1 standard(s) fed." in "".join(call.args[0] for call in output.write.call_args_list)
