"""The public survey page: open/closed, validation keeps answers, anonymous storage, rate limit, paper entry."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from feedback.models import SurveyAnswer, SurveyOption, SurveyQuestion, SurveyResponse
from feedback.views import public_surveys

from .factories import satisfaction_survey

pytestmark = pytest.mark.django_db


def _url(survey):
    return reverse("public_feedback:survey", kwargs={"token": survey.token})


def _fields(survey):
    satisfaction, free = list(survey.questions.order_by("position"))[:2]
    return f"q{satisfaction.pk}", f"q{free.pk}"


def test_open_survey_takes_an_anonymous_answer_and_keeps_nothing_identifying(cast, client):
    survey = satisfaction_survey(cast.org_a)
    rating, free = _fields(survey)
    client.force_login(cast.staff_a)  # even a signed-in visitor is not linked to an anonymous response
    response = client.post(
        _url(survey),
        {rating: "4", free: "Fine", "respondent_name": "Máire", "respondent_email": "m@example.org"},
        HTTP_USER_AGENT="Phone/1.0",
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("public_feedback:survey_thanks", kwargs={"token": survey.token})
    stored = SurveyResponse.objects.get(survey=survey)
    assert stored.channel == "web" and stored.entered_by is None
    assert stored.respondent_name == "" and stored.respondent_email == ""
    assert stored.submitted_at.minute == 0 and stored.submitted_at.second == 0  # kept to the hour
    values = [str(value) for value in SurveyResponse.objects.filter(pk=stored.pk).values().get().values()]
    assert not any("203.0.113" in value or "Phone/1.0" in value or "Máire" in value for value in values)
    assert {answer.number for answer in stored.answers.all()} == {4, None}


def test_named_survey_keeps_the_contact(cast, client):
    survey = satisfaction_survey(cast.org_a, is_anonymous=False)
    rating, _free = _fields(survey)
    client.post(_url(survey), {rating: "5", "respondent_name": "Seán", "respondent_email": "s@example.org"})
    stored = SurveyResponse.objects.get(survey=survey)
    assert (stored.respondent_name, stored.respondent_email) == ("Seán", "s@example.org")


def test_validation_keeps_the_answers(cast, client):
    survey = satisfaction_survey(cast.org_a)
    rating, free = _fields(survey)
    response = client.post(_url(survey), {free: "I typed this carefully"})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "I typed this carefully" in page
    response = client.post(_url(survey), {rating: "9", free: "Still here"})
    assert response.status_code == 200 and "Still here" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_forged_option_of_another_question_is_refused(cast, client):
    survey = satisfaction_survey(cast.org_a)
    question = SurveyQuestion.objects.create(survey=survey, position=3, kind="single", text="Which?")
    SurveyOption.objects.create(question=question, position=1, text="A")
    SurveyOption.objects.create(question=question, position=2, text="B")
    other = satisfaction_survey(cast.org_b)
    foreign = SurveyOption.objects.create(
        question=SurveyQuestion.objects.create(survey=other, position=3, kind="single", text="X"), position=1, text="Z"
    )
    rating, _free = _fields(survey)
    response = client.post(_url(survey), {rating: "5", f"q{question.pk}": str(foreign.pk)})
    assert response.status_code == 200
    assert not SurveyAnswer.objects.exists()


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [(3, 10, "not open yet"), (-20, -1, "closed on")],
)
def test_before_opening_and_after_closing_the_page_says_so_and_takes_nothing(cast, client, opens, closes, message):
    today = timezone.localdate()
    survey = satisfaction_survey(
        cast.org_a, opens_on=today + datetime.timedelta(days=opens), closes_on=today + datetime.timedelta(days=closes)
    )
    rating, _free = _fields(survey)
    page = client.get(_url(survey)).content.decode()
    assert message in page and '<form method="post" novalidate' not in page
    response = client.post(_url(survey), {rating: "5"})
    assert response.status_code == 200 and message in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_unknown_token_is_404(client):
    assert client.get(reverse("public_feedback:survey", kwargs={"token": "nope"})).status_code == 404


def test_irish_text_is_shown_in_irish(cast, client):
    survey = satisfaction_survey(cast.org_a, title_ga="Suirbhé custaiméirí")
    survey.questions.filter(position=1).update(text_ga="Cé chomh sásta is a bhí tú?")
    client.cookies["django_language"] = "ga"
    page = client.get(_url(survey)).content.decode()
    assert "Suirbhé custaiméirí" in page and "Cé chomh sásta is a bhí tú?" in page


def test_rate_limit_on_a_hashed_address(cast, client, monkeypatch, caplog):
    monkeypatch.setattr(public_surveys, "SURVEY_RESPONSE_RATE", "2/h")
    survey = satisfaction_survey(cast.org_a)
    rating, _free = _fields(survey)
    statuses = [client.post(_url(survey), {rating: "5"}, REMOTE_ADDR="198.51.100.7").status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert SurveyResponse.objects.count() == 2
    assert client.post(_url(survey), {rating: "5"}, REMOTE_ADDR="198.51.100.8").status_code == 302
    assert "198.51.100" not in caplog.text
    from django.core.cache import caches

    cache = caches["throttle"]
    keys = [str(key) for key in getattr(cache, "_cache", {})]
    assert not any("198.51.100" in key for key in keys)


@override_settings(LANGUAGE_CODE="en")
def test_staff_enter_a_paper_response(cast, client_for):
    survey = satisfaction_survey(cast.org_a, is_anonymous=False)
    rating, free = _fields(survey)
    url = reverse(
        "workspace:feedback:survey_response_enter", kwargs={"organisation_pk": cast.org_a.pk, "pk": survey.pk}
    )
    client = client_for("head_a")
    response = client.post(url, {"channel": "braille", free: "No rating"})
    assert response.status_code == 200 and "No rating" in response.content.decode()
    response = client.post(url, {"channel": "web", rating: "4"})
    assert response.status_code == 200
    response = client.post(url, {"channel": "braille", rating: "4", "respondent_name": "Pól"})
    assert response.status_code == 302
    stored = SurveyResponse.objects.get(survey=survey)
    assert (stored.channel, stored.entered_by, stored.respondent_name) == ("braille", cast.head_a, "Pól")


def test_paper_entry_after_closing_is_allowed_but_not_before_opening(cast, client_for):
    today = timezone.localdate()
    closed = satisfaction_survey(
        cast.org_a, opens_on=today - datetime.timedelta(days=9), closes_on=today - datetime.timedelta(days=1)
    )
    future = satisfaction_survey(
        cast.org_a, opens_on=today + datetime.timedelta(days=2), closes_on=today + datetime.timedelta(days=9)
    )
    client = client_for("rep_a")
    for survey, expected in ((closed, 302), (future, 200)):
        rating, _free = _fields(survey)
        url = reverse(
            "workspace:feedback:survey_response_enter", kwargs={"organisation_pk": cast.org_a.pk, "pk": survey.pk}
        )
        assert client.post(url, {"channel": "paper", rating: "3"}).status_code == expected
    assert SurveyResponse.objects.filter(survey=closed, channel="paper").count() == 1
    assert not SurveyResponse.objects.filter(survey=future).exists()
