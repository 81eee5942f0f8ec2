"""Building a survey: creating, questions (choices, scales), reordering, frozen once answered, forged ids."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from common.errors import ServiceError
from feedback.models import QuestionKind, Survey, SurveyQuestion
from feedback.services.surveys import question_add, question_delete, question_move, response_submit

from .factories import SurveyFactory, satisfaction_survey

pytestmark = pytest.mark.django_db


def _url(name, organisation_pk, pk=None):
    kwargs = {"organisation_pk": organisation_pk} | ({"pk": pk} if pk is not None else {})
    return reverse(f"workspace:feedback:{name}", kwargs=kwargs)


def test_representative_creates_a_survey_and_adds_questions(cast, client_for):
    client = client_for("rep_a")
    today = timezone.localdate()
    response = client.post(
        _url("survey_create", cast.org_a.pk),
        {"title": "Counter survey", "title_ga": "Suirbhé", "opens_on": today, "closes_on": today, "is_anonymous": "on"},
    )
    survey = Survey.objects.get(title="Counter survey")
    assert response.status_code == 302 and survey.created_by == cast.rep_a and survey.is_anonymous
    response = client.post(
        _url("survey_question_create", cast.org_a.pk, survey.pk),
        {
            "kind": "single",
            "text": "Which office?",
            "scale_max": 5,
            "options": "Dublin\nCork\n",
            "options_ga": "Baile Átha Cliath",
        },
    )
    question = survey.questions.get()
    assert [(o.text, o.text_ga) for o in question.options.all()] == [("Dublin", "Baile Átha Cliath"), ("Cork", "")]
    client.post(
        _url("survey_question_create", cast.org_a.pk, survey.pk),
        {"kind": "net_promoter", "text": "Recommend?", "scale_max": 5},
    )
    page = client.get(_url("survey_detail", cast.org_a.pk, survey.pk)).content.decode()
    assert "Which office?" in page and "<svg" in page and survey.token in page


def test_dates_the_wrong_way_round_are_refused_and_input_kept(cast, client_for):
    today = timezone.localdate()
    response = client_for("head_a").post(
        _url("survey_create", cast.org_a.pk),
        {"title": "Backwards", "opens_on": today, "closes_on": today - datetime.timedelta(days=1)},
    )
    assert response.status_code == 200
    assert "The closing date must be on or after the opening date." in response.content.decode()
    assert 'value="Backwards"' in response.content.decode()
    assert not Survey.objects.filter(title="Backwards").exists()


def test_choice_question_needs_two_choices(cast, client_for):
    survey = SurveyFactory(organisation=cast.org_a)
    response = client_for("rep_a").post(
        _url("survey_question_create", cast.org_a.pk, survey.pk),
        {"kind": "multiple", "text": "Which?", "scale_max": 5, "options": "Only one"},
    )
    assert response.status_code == 200 and "at least two choices" in response.content.decode()
    assert not survey.questions.exists()


def test_reorder_and_delete(cast, client_for):
    survey = satisfaction_survey(cast.org_a)
    first, second = survey.questions.order_by("position")
    client = client_for("rep_a")
    client.post(_url("survey_question_move", cast.org_a.pk, second.pk), {"direction": "up"})
    assert list(survey.questions.order_by("position").values_list("pk", flat=True)) == [second.pk, first.pk]
    client.post(_url("survey_question_delete", cast.org_a.pk, second.pk))
    assert list(survey.questions.values_list("pk", "position")) == [(first.pk, 1)]
    with pytest.raises(ServiceError):
        question_move(actor=cast.rep_a, question=first, direction="sideways")


def test_questions_are_frozen_once_answered(cast, client_for):
    survey = satisfaction_survey(cast.org_a)
    question = survey.questions.get(position=1)
    response_submit(survey=survey, channel="web", answers={question.pk: 5})
    client = client_for("rep_a")
    response = client.post(_url("survey_question_delete", cast.org_a.pk, question.pk), follow=True)
    assert "questions are frozen" in response.content.decode()
    assert SurveyQuestion.objects.filter(pk=question.pk).exists()
    response = client.post(
        _url("survey_question_edit", cast.org_a.pk, question.pk), {"kind": "text", "text": "Changed", "scale_max": 5}
    )
    assert response.status_code == 200 and "questions are frozen" in response.content.decode()
    question.refresh_from_db()
    assert question.text == "How satisfied were you?"
    with pytest.raises(ServiceError):
        question_add(actor=cast.rep_a, survey=survey, kind=QuestionKind.TEXT, text="More?")
    with pytest.raises(ServiceError):
        question_delete(actor=cast.rep_a, question=question)
    page = client.get(_url("survey_detail", cast.org_a.pk, survey.pk)).content.decode()
    assert "its questions are frozen" in page


def test_anonymity_cannot_change_after_responses(cast, client_for):
    survey = satisfaction_survey(cast.org_a)
    response_submit(survey=survey, channel="web", answers={survey.questions.get(position=1).pk: 4})
    response = client_for("rep_a").post(
        _url("survey_edit", cast.org_a.pk, survey.pk),
        {"title": survey.title, "opens_on": survey.opens_on, "closes_on": survey.closes_on},
    )
    assert response.status_code == 200
    survey.refresh_from_db()
    assert survey.is_anonymous


def test_forged_ids_of_another_organisation_give_404(cast, client_for):
    survey_b = satisfaction_survey(cast.org_b)
    question_b = survey_b.questions.first()
    client = client_for("rep_a")
    assert client.get(_url("survey_detail", cast.org_a.pk, survey_b.pk)).status_code == 404
    assert client.post(_url("survey_question_delete", cast.org_a.pk, question_b.pk)).status_code == 404
    assert client.post(_url("survey_response_enter", cast.org_a.pk, survey_b.pk), {}).status_code == 404
    assert client.get(_url("survey_export", cast.org_a.pk, survey_b.pk)).status_code == 404
    assert SurveyQuestion.objects.filter(pk=question_b.pk).exists()


def test_qr_code_download(cast, client_for):
    survey = satisfaction_survey(cast.org_a)
    response = client_for("head_a").get(_url("survey_qr", cast.org_a.pk, survey.pk))
    assert response["Content-Type"] == "image/svg+xml"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"<?xml") or b"<svg" in response.content
