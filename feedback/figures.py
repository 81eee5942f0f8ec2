"""What a feedback figure is for a reporting period: the row fed into the standard linked to it.

Which cases and answers count:

- Timeliness and counts: the cases received in the period (their local received date), of one category
  and/or channel if the figure says so, as they stand on ``today``. A case is acknowledged (resolved) on
  time on or before its deadline day; a case not yet acknowledged (resolved) whose deadline day is over is
  late (``escalation.past_deadline``, the rule escalation uses), through ``on_time_rate``: on time ÷
  (handled + open overdue). A case resolved without being acknowledged counts as acknowledged when resolved.
- Satisfaction with case handling: the ratings (1–5) reporters gave in the period.
- Survey satisfaction: the answers to the chosen question in responses submitted in the period
  (``surveys_results``, the numbers of the results page).

A share (on time, satisfied = 4 or 5 of 5) feeds a percentage standard with its counts; the average rating
feeds a satisfaction score standard ("4.2 of 5"); a count feeds a count standard (``MEASURES``).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext as _

from standards.analytics.status import on_time_rate
from standards.models import Measure, ValueSource

from .models import Case, FigureKind, QuestionKind
from .services.escalation import past_deadline
from .surveys_results import numbers_in_period, satisfaction_score, satisfied_from

MEASURES = {
    FigureKind.ACKNOWLEDGED_ON_TIME: (Measure.PERCENT_WITHIN,),
    FigureKind.RESOLVED_ON_TIME: (Measure.PERCENT_WITHIN,),
    FigureKind.CASE_COUNT: (Measure.COUNT,),
    FigureKind.CASE_SATISFACTION: (Measure.PERCENT_WITHIN, Measure.SATISFACTION),
    FigureKind.SURVEY_SATISFACTION: (Measure.PERCENT_WITHIN, Measure.SATISFACTION),
}
CASE_KINDS = (
    FigureKind.ACKNOWLEDGED_ON_TIME,
    FigureKind.RESOLVED_ON_TIME,
    FigureKind.CASE_COUNT,
    FigureKind.CASE_SATISFACTION,
)
SURVEY_QUESTION_KINDS = (QuestionKind.SATISFACTION, QuestionKind.RATING)
# (when it was done, its deadline) for each timeliness figure
ON_TIME_FIELDS = {
    FigureKind.ACKNOWLEDGED_ON_TIME: ("acknowledged_or_resolved_at", "acknowledge_by"),
    FigureKind.RESOLVED_ON_TIME: ("resolved_at", "resolve_by"),
}
SCORE_PLACES = Decimal("0.01")


def source_of(figure):
    return ValueSource.SURVEY if figure.kind == FigureKind.SURVEY_SATISFACTION else ValueSource.FEEDBACK


def figure_cases(figure):
    """The organisation's cases of the figure's category and channel (all when it names none)."""
    cases = Case.objects.filter(organisation_id=figure.standard.organisation_id)
    if figure.category:
        cases = cases.filter(category=figure.category)
    if figure.channel:
        cases = cases.filter(channel=figure.channel)
    return cases


def received_in(cases, start, end):
    return cases.filter(received_at__date__gte=start, received_at__date__lte=end)


def on_time_counts(cases, kind, today):
    """{"on_time", "handled", "open_overdue"} among the cases, as they stand on ``today``."""
    done_field, due_field = ON_TIME_FIELDS[kind]
    cases = cases.annotate(acknowledged_or_resolved_at=Coalesce("acknowledged_at", "resolved_at")).annotate(
        done_on=TruncDate(done_field)
    )
    return cases.aggregate(
        on_time=Count("pk", filter=Q(done_on__isnull=False, done_on__lte=F(due_field))),
        handled=Count("pk", filter=Q(done_on__isnull=False)),
        open_overdue=Count("pk", filter=past_deadline(done_field, due_field, today)),
    )


def _share_row(numerator, denominator, note):
    """A percentage row with its counts, or None when there is nothing to count."""
    if not denominator:
        return None
    return {"numerator": numerator, "denominator": denominator, "note": note}


def _average_row(numbers, note):
    if not numbers:
        return None
    average = (Decimal(sum(numbers)) / Decimal(len(numbers))).quantize(SCORE_PLACES, ROUND_HALF_UP)
    return {"value": average, "note": note}


def _timeliness_row(figure, start, end, today):
    counts = on_time_counts(received_in(figure_cases(figure), start, end), figure.kind, today)
    rate = on_time_rate(on_time=counts["on_time"], closed=counts["handled"], open_overdue=counts["open_overdue"])
    if rate is None:
        return None
    counted = counts["handled"] + counts["open_overdue"]
    note = _(
        "%(on_time)s of %(counted)s cases received in the period were handled on time; "
        "%(open)s still open past their deadline count as late."
    ) % {"on_time": counts["on_time"], "counted": counted, "open": counts["open_overdue"]}
    return {
        "value": (rate * 100).quantize(Decimal("0.0001"), ROUND_HALF_UP),
        "numerator": counts["on_time"],
        "denominator": counted,
        "note": note,
    }


def _case_satisfaction_row(figure, start, end):
    rated = figure_cases(figure).filter(satisfaction__isnull=False, rated_at__date__gte=start, rated_at__date__lte=end)
    ratings = list(rated.values_list("satisfaction", flat=True))
    if figure.standard.measure == Measure.SATISFACTION:
        return _average_row(ratings, _("Average of %(count)s ratings given in the period.") % {"count": len(ratings)})
    score = satisfaction_score(ratings)
    note = _("%(satisfied)s of %(count)s ratings given in the period were 4 or 5 of 5.") % {
        "satisfied": score.numerator,
        "count": score.denominator,
    }
    return _share_row(score.numerator, score.denominator, note)


def _survey_row(figure, start, end):
    question = figure.survey_question
    numbers = numbers_in_period(question, start, end)
    survey = question.survey.title
    if figure.standard.measure == Measure.SATISFACTION:
        note = _("Average of %(count)s answers to the survey “%(survey)s”.") % {"count": len(numbers), "survey": survey}
        return _average_row(numbers, note)
    score = satisfaction_score(numbers, satisfied_from(question))
    note = _("%(satisfied)s of %(count)s answers to the survey “%(survey)s” were satisfied.") % {
        "satisfied": score.numerator,
        "count": score.denominator,
        "survey": survey,
    }
    return _share_row(score.numerator, score.denominator, note)


def figure_row(figure, start, end, today):
    """The row (value or counts, and a note) the figure feeds for the period from start to end; None if no data."""
    if figure.kind in ON_TIME_FIELDS:
        return _timeliness_row(figure, start, end, today)
    if figure.kind == FigureKind.CASE_COUNT:
        count = received_in(figure_cases(figure), start, end).count()
        return {"value": count, "note": _("Cases received in the period.")}
    if figure.kind == FigureKind.CASE_SATISFACTION:
        return _case_satisfaction_row(figure, start, end)
    return _survey_row(figure, start, end)
