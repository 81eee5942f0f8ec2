"""Following a case with its receipt: no enumeration, no receipt in URLs or logs, no session or cookie."""

import logging
import re

import pytest
from django.test import override_settings
from django.urls import reverse

from feedback.follow import follow_token
from feedback.models import CaseMessage, CaseState, MessageDirection
from feedback.services import cases as services

from .factories import case_with_receipt

pytestmark = pytest.mark.django_db

RECEIPT = "ABCDEFGH-23456789ABCD"
FOLLOW = "public_feedback:case_follow"


@pytest.fixture
def case(cast):
    return case_with_receipt(cast.org_a, RECEIPT)


def _without_csrf(text):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)


def _follow(client, receipt):
    return client.post(reverse(FOLLOW), {"receipt": receipt})


def test_the_right_receipt_shows_the_case_and_messages_to_the_reporter_only(cast, case, client):
    services.case_message_reporter(actor=cast.head_a, case=case, text="When did it happen?")
    services.case_add_note(actor=cast.head_a, case=case, text="SECRET internal note")
    response = _follow(client, RECEIPT.lower())
    assert response.status_code == 200
    assert case.reference in response.text
    assert "When did it happen?" in response.text
    assert "SECRET internal note" not in response.text
    assert RECEIPT not in response.text  # the receipt is not echoed back
    assert 'name="token"' in response.text


def test_wrong_receipt_and_unknown_reference_get_the_same_answer(case, client):
    wrong_secret = _follow(client, "ABCDEFGH-XXXXXXXXXXXX")
    unknown = _follow(client, "ZZZZZZZZ-23456789ABCD")
    assert wrong_secret.status_code == unknown.status_code == 200
    assert "could not find a case" in wrong_secret.text
    assert _without_csrf(wrong_secret.text) == _without_csrf(unknown.text)
    assert "ABCDEFGH" not in wrong_secret.text


def test_no_session_and_no_cookie_but_csrf(case, client):
    response = _follow(client, RECEIPT)
    assert set(response.cookies) <= {"csrftoken"}
    assert "sessionid" not in client.cookies


def test_receipt_never_in_logs(case, client, caplog):
    with caplog.at_level(logging.DEBUG):
        _follow(client, RECEIPT)
        _follow(client, "ABCDEFGH-WRONGWRONG")
    assert RECEIPT not in caplog.text and "WRONGWRONG" not in caplog.text


def test_add_information_until_closed(case, client):
    token = follow_token(case)
    response = client.post(reverse("public_feedback:case_add"), {"token": token, "text": "It was on Monday."})
    assert response.status_code == 200 and "It was on Monday." in response.text
    assert CaseMessage.objects.get(case=case).direction == MessageDirection.FROM_REPORTER
    case.state = CaseState.CLOSED
    case.save()
    response = client.post(reverse("public_feedback:case_add"), {"token": token, "text": "More"})
    assert CaseMessage.objects.filter(case=case).count() == 1
    assert "closed" in response.text


def test_forged_or_expired_token_takes_nothing(case, client):
    response = client.post(reverse("public_feedback:case_add"), {"token": "forged", "text": "x"})
    assert response.status_code == 400
    with override_settings(FEEDBACK_FOLLOW_TOKEN_MAX_AGE=-1):
        response = client.post(reverse("public_feedback:case_add"), {"token": follow_token(case), "text": "x"})
    assert response.status_code == 400
    assert not CaseMessage.objects.exists()


def test_rate_a_closed_case_once(case, client):
    token = follow_token(case)
    rate = reverse("public_feedback:case_rate")
    client.post(rate, {"token": token, "satisfaction": "4"})
    case.refresh_from_db()
    assert case.satisfaction is None  # not closed yet
    case.state = CaseState.CLOSED
    case.save()
    assert client.post(rate, {"token": token, "satisfaction": "9"}).status_code == 200
    case.refresh_from_db()
    assert case.satisfaction is None
    response = client.post(rate, {"token": token, "satisfaction": "4"})
    assert "Thank you for your rating" in response.text
    response = client.post(rate, {"token": token, "satisfaction": "1"})
    case.refresh_from_db()
    assert case.satisfaction == 4 and case.rated_at
    assert "already rated" in response.text


@override_settings(FEEDBACK_FOLLOW_RATE="3/h")
def test_receipt_checks_are_rate_limited_without_storing_the_address(case, client):
    from organisations.models import AuditEvent

    for _ in range(3):
        assert _follow(client, "ABCDEFGH-XXXXXXXXXXXX").status_code == 200
    response = _follow(client, RECEIPT)
    assert response.status_code == 429
    assert "Too many attempts" in response.text
    assert not AuditEvent.objects.filter(actor_label__contains="127.0.0.1").exists()
