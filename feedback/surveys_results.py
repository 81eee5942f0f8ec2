"""Survey results: counts by channel, distributions, satisfaction score with a 95% interval, net promoter score.

Pure functions over the stored answers (no views, no templates), so the figures feed (``survey_satisfaction``)
and the results page give the same numbers.

Definitions (also shown on the results page):

- **Satisfaction score**: the share of answers to a satisfaction question (1–5) that are 4 ("satisfied") or
  5 ("very satisfied"), in per cent, over every answer given to that question (skipped questions are not
  counted). For a rating scale question the top two points of its scale count the same way.
- **95% confidence interval**: the Wilson score interval for that share (z = 1.959964). It stays inside
  0–100% and behaves with small samples, unlike the plain "p ± 1.96·√(p(1−p)/n)".
- **Net promoter score**: per cent of promoters (9–10) minus per cent of detractors (0–6) among the answers
  to a net promoter question (0–10), in points from −100 to +100.
"""

import math
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from .models import QuestionKind, ResponseChannel, SurveyAnswer, SurveyQuestion, SurveyResponse

Z_95 = 1.959963984540054
NUMERIC_KINDS = (QuestionKind.RATING, QuestionKind.SATISFACTION, QuestionKind.NET_PROMOTER)


def scale_of(question):
    """The numbers a question with a scale accepts, lowest first."""
    if question.kind == QuestionKind.SATISFACTION:
        return range(1, 6)
    if question.kind == QuestionKind.NET_PROMOTER:
        return range(0, 11)
    if question.kind == QuestionKind.RATING:
        return range(1, question.scale_max + 1)
    return range(0)


def satisfied_from(question):
    """The lowest answer that counts as satisfied: 4 on the 1–5 scale, the top two points of a rating scale."""
    if question.kind == QuestionKind.SATISFACTION:
        return 4
    return max(question.scale_max - 1, 1)


def wilson_interval(successes, total, z=Z_95):
    """The Wilson score interval (low, high) for successes out of total, as fractions; None without answers."""
    if total <= 0:
        return None
    p = successes / total
    z2 = z * z
    denominator = 1 + z2 / total
    centre = (p + z2 / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Score:
    """A share in per cent with its sample size and 95% interval (percentages, None when n = 0)."""

    numerator: int
    denominator: int

    @property
    def percent(self):
        return None if not self.denominator else 100 * self.numerator / self.denominator

    @property
    def interval(self):
        bounds = wilson_interval(self.numerator, self.denominator)
        return None if bounds is None else (100 * bounds[0], 100 * bounds[1])


def satisfaction_score(values, satisfied_from=4):
    """The Score of the values at or above ``satisfied_from``."""
    values = [value for value in values if value is not None]
    return Score(sum(1 for value in values if value >= satisfied_from), len(values))


@dataclass(frozen=True)
class NetPromoter:
    promoters: int
    passives: int
    detractors: int

    @property
    def total(self):
        return self.promoters + self.passives + self.detractors

    @property
    def score(self):
        """Promoters' share minus detractors' share, in points (−100 to 100); None without answers."""
        if not self.total:
            return None
        return 100 * (self.promoters - self.detractors) / self.total


def net_promoter(values):
    values = [value for value in values if value is not None]
    return NetPromoter(
        promoters=sum(1 for value in values if value >= 9),
        passives=sum(1 for value in values if 7 <= value <= 8),
        detractors=sum(1 for value in values if value <= 6),
    )


def channel_counts(survey):
    """[(channel value, label, count)] for every channel, in the channels' order (zeros included)."""
    counts = dict(survey.responses.values_list("channel").annotate(n=Count("pk")).values_list("channel", "n"))
    return [(value, label, counts.get(value, 0)) for value, label in ResponseChannel.choices]


def _numbers(question, responses=None):
    answers = SurveyAnswer.objects.filter(question=question, number__isnull=False)
    if responses is not None:
        answers = answers.filter(response__in=responses)
    return list(answers.values_list("number", flat=True))


def distribution(question):
    """[(label, count)] of a question's answers: each point of a scale, or each choice."""
    if question.kind in NUMERIC_KINDS:
        counts = Counter(_numbers(question))
        return [(str(point), counts.get(point, 0)) for point in scale_of(question)]
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return [(option, option.n) for option in question.options.annotate(n=Count("answers")).order_by("position")]
    return []


def question_results(survey):
    """One dict per question: the question, its answer count, distribution and (when it applies) its scores."""
    results = []
    for question in survey.questions.prefetch_related("options").order_by("position"):
        answered = SurveyAnswer.objects.filter(question=question).count()  # a row exists only when answered
        rows = distribution(question)
        largest = max([count for _label, count in rows] or [0])
        entry = {"question": question, "answered": answered, "rows": rows, "largest": largest}
        if question.kind in (QuestionKind.SATISFACTION, QuestionKind.RATING):
            entry["satisfaction"] = satisfaction_score(_numbers(question), satisfied_from(question))
        if question.kind == QuestionKind.NET_PROMOTER:
            entry["net_promoter"] = net_promoter(_numbers(question))
        results.append(entry)
    return results


def free_text_answers(survey, query=""):
    """Free-text answers (newest first), optionally only those containing ``query`` (case-insensitive)."""
    answers = (
        SurveyAnswer.objects.filter(response__survey=survey, question__kind=QuestionKind.TEXT)
        .exclude(text="")
        .select_related("question", "response")
        .order_by("-response__submitted_at", "-pk")
    )
    query = (query or "").strip()
    if query:
        answers = answers.filter(text__icontains=query)
    return answers


def survey_satisfaction(question, start, end):
    """(numerator, denominator) for the figures feed: satisfied answers to the question among the responses
    submitted from ``start`` to ``end`` (dates, both included). Satisfied = 4 or 5 on the 1–5 scale (the top
    two points of a rating scale). (0, 0) when nobody answered in the period or the question has no scale.
    """
    if isinstance(question, int):
        question = SurveyQuestion.objects.get(pk=question)
    if question.kind not in (QuestionKind.SATISFACTION, QuestionKind.RATING):
        return 0, 0
    score = satisfaction_score(numbers_in_period(question, start, end), satisfied_from(question))
    return score.numerator, score.denominator


def numbers_in_period(question, start, end):
    """The numbers answered to the question in responses submitted from ``start`` to ``end`` (dates, both included)."""
    responses = SurveyResponse.objects.filter(
        survey_id=question.survey_id, submitted_at__date__gte=start, submitted_at__date__lte=end
    )
    return _numbers(question, responses)
