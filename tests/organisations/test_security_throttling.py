"""Sign-in lock-out after repeated failures (django-axes) and capped password-reset mails."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from common.throttling import client_ip
from organisations.models import AuditEvent
from tests.factories import PASSWORD


def _sign_in(client, email, password, ip="203.0.113.7"):
    return client.post(reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=ip)


def test_after_five_failures_the_right_password_is_refused_with_a_message(cast, client, settings):
    answers = [_sign_in(client, cast.rep_a.email, "wrong").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert answers == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]

    response = _sign_in(client, cast.rep_a.email, PASSWORD)

    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many unsuccessful attempts to sign in" in html and "15 minutes" in html
    assert 'name="username"' in html and cast.rep_a.email in html
    assert "_auth_user_id" not in client.session


def test_the_lock_ignores_the_case_of_the_address(cast, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, cast.rep_a.email.upper(), "wrong")
    assert _sign_in(client, cast.rep_a.email, PASSWORD).status_code == 429


def test_the_lock_is_per_address_and_ip(cast, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, cast.rep_a.email, "wrong")

    assert _sign_in(client, cast.head_a.email, PASSWORD).status_code == 302
    client.logout()
    assert _sign_in(client, cast.rep_a.email, PASSWORD, ip="198.51.100.1").status_code == 302


def test_fewer_failures_then_success_resets_the_count(cast, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, cast.rep_a.email, "wrong")
    assert _sign_in(client, cast.rep_a.email, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, cast.rep_a.email, "wrong")
    assert _sign_in(client, cast.rep_a.email, PASSWORD).status_code == 302


def test_an_unknown_address_is_locked_the_same_way(db, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "nobody@example.org", "wrong")
    assert _sign_in(client, "nobody@example.org", "wrong").status_code == 429


def test_failures_are_logged_without_the_password(cast, client, caplog):
    _sign_in(client, cast.rep_a.email, "Secret-Typo-123")

    assert "Secret-Typo-123" not in caplog.text
    event = AuditEvent.objects.get(verb="auth.login_failed")
    assert "Secret-Typo-123" not in str(event.__dict__)


@pytest.fixture
def reset(client, monkeypatch):
    # The counters live in clock-aligned windows: a fixed clock keeps a test inside one window.
    monkeypatch.setattr("django_ratelimit.core.time", SimpleNamespace(time=lambda: 1_800_000_000.0))

    def request(email, ip="203.0.113.7"):
        return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=ip)

    return request


def test_reset_mails_are_capped_per_address_with_the_same_answer(cast, reset, mailoutbox):
    answers = [reset(cast.rep_a.email) for _ in range(5)]

    assert len(mailoutbox) == 3
    assert {(answer.status_code, answer["Location"]) for answer in answers} == {(302, reverse("password_reset_done"))}
    assert reset(cast.head_a.email).status_code == 302 and len(mailoutbox) == 4


def test_reset_requests_are_capped_per_ip(cast, reset, mailoutbox, settings):
    settings.PASSWORD_RESET_RATE_PER_IP = "2/h"
    reset(cast.rep_a.email)
    reset(cast.head_a.email)
    reset(cast.staff_a.email)
    assert [message.to for message in mailoutbox] == [[cast.rep_a.email], [cast.head_a.email]]
    assert reset(cast.staff_a.email, ip="198.51.100.1").status_code == 302 and len(mailoutbox) == 3


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "192.0.2.9", "10.0.0.1"),
        (1, "192.0.2.9", "192.0.2.9"),
        (1, "198.51.100.66, 192.0.2.9", "192.0.2.9"),
        (2, "198.51.100.66, 192.0.2.9", "198.51.100.66"),
        (2, "192.0.2.9", "10.0.0.1"),
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(settings, rf, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_behind_a_proxy_the_lock_counts_the_forwarded_address(cast, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"), {"username": cast.rep_a.email, "password": "wrong"}, HTTP_X_FORWARDED_FOR="192.0.2.1"
        )
    response = client.post(
        reverse("login"), {"username": cast.rep_a.email, "password": PASSWORD}, HTTP_X_FORWARDED_FOR="192.0.2.2"
    )
    assert response.status_code == 302
