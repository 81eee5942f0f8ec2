"""Linking a service standard to a feedback figure, and feeding the figures into the metric returns.

The values go in through ``standards.services.feeds.metric_values_feed`` (the standards' one entry point for
values computed elsewhere), marked with their source (feedback cases or survey responses): into the period's
open return, created when the period has none. A submitted or accepted return is never changed (the feed
refuses it; the organisation starts a correction, which the next feed fills). Feeding again with the same
cases and answers changes nothing. It runs every night for the current and the previous period
(``feedback_figures_feed_due``: Celery beat, or ``manage.py feed_feedback_figures``), and at once from the
figures page for a period the representative chooses.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations import roles
from organisations.access import user_can
from organisations.audit import audit_record
from organisations.system import is_system_actor, system_actor
from standards.models import Measure, MetricReturn, ReportingPeriod, ServiceStandard
from standards.periods import period_store, recent_periods
from standards.services.feeds import metric_values_feed

from ..figures import CASE_KINDS, MEASURES, SURVEY_QUESTION_KINDS, figure_row, source_of
from ..models import FeedbackFigure, FigureKind, QuestionKind

logger = logging.getLogger(__name__)


def _check_manager(actor, organisation):
    if not is_system_actor(actor) and not user_can(actor, roles.MANAGE_STANDARDS, organisation):
        raise ServiceError(_("You may not change the service standards of %(name)s.") % {"name": organisation.name})


def _check_question(kind, standard, survey_question):
    if kind != FigureKind.SURVEY_SATISFACTION:
        if survey_question is not None:
            raise ServiceError(_("Only a survey figure takes a survey question."), field="survey_question")
        return
    if survey_question is None:
        raise ServiceError(_("Choose the survey question whose answers feed the standard."), field="survey_question")
    if survey_question.survey.organisation_id != standard.organisation_id:
        raise ServiceError(_("Choose a question of one of your own surveys."), field="survey_question")
    if survey_question.kind not in SURVEY_QUESTION_KINDS:
        raise ServiceError(_("Choose a satisfaction or rating question."), field="survey_question")
    five_points = survey_question.kind == QuestionKind.SATISFACTION or survey_question.scale_max == 5
    if standard.measure == Measure.SATISFACTION and not five_points:
        raise ServiceError(
            _("A satisfaction score standard is out of 5: choose a question answered from 1 to 5."),
            field="survey_question",
        )


@transaction.atomic
def feedback_figure_link(*, actor, standard, kind, category="", channel="", survey_question=None):
    """Make the standard's value for each period come from a feedback figure."""
    standard = ServiceStandard.objects.select_for_update().select_related("organisation").get(pk=standard.pk)
    _check_manager(actor, standard.organisation)
    if kind not in FigureKind.values:
        raise ServiceError(_("Choose a figure."), field="kind")
    if standard.measure not in MEASURES[kind]:
        allowed = ", ".join(str(Measure(measure).label).lower() for measure in MEASURES[kind])
        raise ServiceError(
            _("%(figure)s can feed only a standard measured as: %(measures)s.")
            % {"figure": FigureKind(kind).label, "measures": allowed},
            field="standard",
        )
    if kind not in CASE_KINDS and (category or channel):
        raise ServiceError(_("A survey figure counts no cases: leave the category and channel empty."))
    _check_question(kind, standard, survey_question)
    if FeedbackFigure.objects.filter(standard=standard).exists():
        raise ServiceError(
            _("%(code)s is already fed by a feedback figure. Remove that link first.") % {"code": standard.code},
            field="standard",
        )
    figure = FeedbackFigure.objects.create(
        standard=standard, kind=kind, category=category, channel=channel, survey_question=survey_question
    )
    audit_record(
        actor=actor,
        verb="feedback_figure.link",
        target=figure,
        organisation=standard.organisation,
        after={
            "standard": standard.code,
            "kind": kind,
            "category": category,
            "channel": channel,
            "survey_question": survey_question.pk if survey_question else None,
        },
    )
    return figure


@transaction.atomic
def feedback_figure_unlink(*, actor, figure):
    """The standard is no longer fed; values already in returns stay as they are."""
    organisation = figure.standard.organisation
    _check_manager(actor, organisation)
    audit_record(
        actor=actor,
        verb="feedback_figure.unlink",
        target=figure,
        organisation=organisation,
        before={"standard": figure.standard.code, "kind": figure.kind},
    )
    FeedbackFigure.objects.filter(pk=figure.pk).delete()


@transaction.atomic
def feedback_figures_feed(
    *, actor, organisation, period: ReportingPeriod, today=None
) -> tuple[MetricReturn | None, int]:
    """Feed the period's value of every linked standard that reports in it: (the return, standards fed).

    ``(None, 0)`` when no linked standard reports in the period or no figure has data for it yet. Raises
    ServiceError when the period's return is submitted or accepted (nothing is changed then).
    """
    _check_manager(actor, organisation)
    today = today or timezone.localdate()
    reporting = ServiceStandard.objects.filter(organisation=organisation).active_in(period)
    figures = FeedbackFigure.objects.filter(standard__in=reporting).select_related(
        "standard__organisation", "survey_question__survey"
    )
    by_source = {}
    with translation.override(settings.LANGUAGE_CODE):  # one language for the notes, whoever feeds
        for figure in figures.order_by("standard__code"):
            row = figure_row(figure, period.start, period.end, today)
            if row is not None:
                by_source.setdefault(source_of(figure), {})[figure.standard.code] = row
    metric_return = None
    for source, values in sorted(by_source.items()):
        metric_return = metric_values_feed(
            actor=actor, organisation=organisation, period=period, values=values, source=source
        )
    return metric_return, sum(len(values) for values in by_source.values())


def periods_due(standards, today):
    """The current and the previous period of each frequency and year the standards report on, stored."""
    grids = sorted({(standard.frequency, standard.year_start_month) for standard in standards})
    periods = {}
    for frequency, start_month in grids:
        for bounds in recent_periods(frequency, today, 2, start_month):
            period = period_store(bounds)
            periods[period.pk] = period
    return sorted(periods.values(), key=lambda period: (period.start, period.frequency))


def feedback_figures_feed_due(*, today=None):
    """The scheduled feed, as the system actor: every organisation with linked standards, the current and
    previous periods. A period whose return is submitted or accepted is skipped (logged). Returns
    (organisation, period, standards fed, refusal or "") for each period looked at."""
    today = today or timezone.localdate()
    actor = system_actor()
    standards = ServiceStandard.objects.filter(feedback_figure__isnull=False).select_related("organisation")
    by_organisation = {}
    for standard in standards:
        by_organisation.setdefault(standard.organisation, []).append(standard)
    outcomes = []
    for organisation, linked in sorted(by_organisation.items(), key=lambda item: item[0].pk):
        for period in periods_due(linked, today):
            try:
                _return, fed = feedback_figures_feed(actor=actor, organisation=organisation, period=period, today=today)
            except ServiceError as error:
                logger.info("Feedback figures for %s %s not fed: %s", organisation.pk, period.label, error.message)
                outcomes.append((organisation, period, 0, error.message))
            else:
                outcomes.append((organisation, period, fed, ""))
    return outcomes
