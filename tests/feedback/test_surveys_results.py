"""Survey results: exact numbers (Wilson interval, satisfaction score, NPS), the figures feed, the export."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from feedback.models import QuestionKind, SurveyOption, SurveyQuestion, SurveyResponse
from feedback.services.surveys import response_submit
from feedback.surveys_results import (
    NetPromoter,
    channel_counts,
    free_text_answers,
    net_promoter,
    question_results,
    satisfaction_score,
    survey_satisfaction,
    wilson_interval,
)

from .factories import satisfaction_survey


@pytest.mark.parametrize(
    ("successes", "total", "low", "high"),
    [
        # Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3.
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 10, 0.0000, 0.2775),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_interval_matches_the_worked_examples(successes, total, low, high):
    computed_low, computed_high = wilson_interval(successes, total)
    assert round(computed_low, 4) == low
    assert round(computed_high, 4) == high


def test_wilson_interval_without_answers_is_none():
    assert wilson_interval(0, 0) is None


def test_satisfaction_score_counts_four_and_five():
    score = satisfaction_score([5, 4, 4, 3, 1, 5, 2, 4])
    assert (score.numerator, score.denominator) == (5, 8)
    assert score.percent == 62.5
    low, high = score.interval
    assert round(low, 1) == 30.6 and round(high, 1) == 86.3


def test_net_promoter_in_points():
    result = net_promoter([10, 9, 9, 8, 7, 6, 0, 10, 3, 9])
    assert result == NetPromoter(promoters=5, passives=2, detractors=3)
    assert result.score == 20.0
    assert net_promoter([]).score is None
    assert net_promoter([6, 6]).score == -100.0


def _answer(survey, value, text="", channel="web", actor=None):
    satisfaction, free = survey.questions.order_by("position")
    return response_submit(survey=survey, channel=channel, actor=actor, answers={satisfaction.pk: value, free.pk: text})


@pytest.mark.django_db
def test_question_results_and_channels(cast):
    survey = satisfaction_survey(cast.org_a)
    for value in (5, 4, 2):
        _answer(survey, value)
    _answer(survey, 4, "Letter was clear", channel="paper", actor=cast.rep_a)
    counts = {value: count for value, _label, count in channel_counts(survey)}
    assert counts == {"web": 3, "paper": 1, "large_print": 0, "braille": 0, "phone": 0}
    satisfaction = question_results(survey)[0]
    assert satisfaction["answered"] == 4
    assert satisfaction["rows"] == [("1", 0), ("2", 1), ("3", 0), ("4", 2), ("5", 1)]
    assert (satisfaction["satisfaction"].numerator, satisfaction["satisfaction"].denominator) == (3, 4)


@pytest.mark.django_db
def test_choice_distribution(cast):
    survey = satisfaction_survey(cast.org_a)
    question = SurveyQuestion.objects.create(survey=survey, position=3, kind=QuestionKind.MULTIPLE, text="How?")
    phone = SurveyOption.objects.create(question=question, position=1, text="Phone")
    SurveyOption.objects.create(question=question, position=2, text="Counter")
    satisfaction = survey.questions.get(position=1)
    response_submit(survey=survey, channel="web", answers={satisfaction.pk: 5, question.pk: [str(phone.pk)]})
    rows = question_results(survey)[2]["rows"]
    assert [(str(label), count) for label, count in rows] == [("Phone", 1), ("Counter", 0)]


@pytest.mark.django_db
def test_survey_satisfaction_for_the_figures_feed_counts_only_the_period(cast):
    survey = satisfaction_survey(cast.org_a)
    question = survey.questions.get(position=1)
    for value in (5, 4, 3, 2):
        _answer(survey, value)
    old = _answer(survey, 5)
    SurveyResponse.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=60))
    today = timezone.localdate()
    assert survey_satisfaction(question, today - datetime.timedelta(days=7), today) == (2, 4)
    assert survey_satisfaction(question, today - datetime.timedelta(days=90), today) == (3, 5)
    assert survey_satisfaction(survey.questions.get(position=2), today, today) == (0, 0)


@pytest.mark.django_db
def test_free_text_is_searchable(cast, client_for):
    survey = satisfaction_survey(cast.org_a)
    _answer(survey, 5, "The staff were kind")
    _answer(survey, 2, "Queue far too long")
    assert [a.text for a in free_text_answers(survey, "QUEUE")] == ["Queue far too long"]
    url = reverse("workspace:feedback:survey_results", kwargs={"organisation_pk": cast.org_a.pk, "pk": survey.pk})
    page = client_for("rep_a").get(url, {"q": "kind"}).content.decode()
    assert "The staff were kind" in page and "Queue far too long" not in page
    assert "Satisfaction score: 50.0%" in page


@pytest.mark.django_db
def test_export_escapes_formulas(cast, client_for):
    survey = satisfaction_survey(cast.org_a, title="=cmd|' /C calc'!A0")
    survey.questions.filter(position=2).update(text='=HYPERLINK("http://x")')
    _answer(survey, 4, "=1+1")
    _answer(survey, 5, "@SUM(A1)", channel="phone", actor=cast.rep_a)
    url = reverse("workspace:feedback:survey_export", kwargs={"organisation_pk": cast.org_a.pk, "pk": survey.pk})
    response = client_for("head_a").get(url)
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert rows[0][-1] == '\'=HYPERLINK("http://x")'
    texts = {row[-1] for row in rows[1:]}
    assert texts == {"'=1+1", "'@SUM(A1)"}
    assert {row[1] for row in rows[1:]} == {"Web", "Phone"}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"


@pytest.mark.django_db
def test_rating_scale_counts_its_top_two_points_and_rejects_numbers_outside_it(cast):
    from common.errors import ServiceError

    survey = satisfaction_survey(cast.org_a)
    rating = SurveyQuestion.objects.create(
        survey=survey, position=3, kind=QuestionKind.RATING, text="Rate", scale_max=7
    )
    satisfaction = survey.questions.get(position=1)
    for value in (7, 6, 5, 1):
        response_submit(survey=survey, channel="web", answers={satisfaction.pk: 3, rating.pk: value})
    with pytest.raises(ServiceError):
        response_submit(survey=survey, channel="web", answers={satisfaction.pk: 3, rating.pk: 8})
    with pytest.raises(ServiceError):
        response_submit(survey=survey, channel="web", answers={rating.pk: 7})  # the required question
    today = timezone.localdate()
    assert survey_satisfaction(rating, today, today) == (2, 4)
    assert survey_satisfaction(rating.pk, today, today) == (2, 4)
    assert [count for _label, count in question_results(survey)[2]["rows"]] == [1, 0, 0, 0, 1, 1, 1]
