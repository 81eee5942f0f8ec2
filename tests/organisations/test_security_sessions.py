"""Sessions end when idle, at their maximum age, and when the person is deactivated or loses every role."""

import time

import pytest
from django.urls import reverse

from common.sessions import LAST_SEEN, SIGNED_IN_AT
from organisations import services
from organisations.models import AuditEvent, Membership
from tests.factories import PASSWORD


@pytest.fixture
def signed_in(cast, client):
    client.force_login(cast.rep_a)
    return client


def _url(client):
    return reverse("workspace:my_work:index")


def _signed_in(client):
    return "_auth_user_id" in client.session


def _shift(client, **seconds_ago):
    session = client.session
    now = time.time()
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_an_active_session_continues(signed_in):
    assert signed_in.get(_url(signed_in)).status_code == 200
    assert _signed_in(signed_in)


def test_idle_for_longer_than_the_limit_ends_the_session(signed_in, settings):
    _shift(signed_in, last_seen=settings.SESSION_IDLE_SECONDS + 1)

    response = signed_in.get(_url(signed_in))

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not _signed_in(signed_in)
    assert AuditEvent.objects.get(verb="auth.session_end").after == {"reason": "idle"}
    page = signed_in.get(response["Location"])
    assert "Your session has ended" in page.content.decode()


def test_activity_keeps_the_session_and_moves_last_seen(signed_in, settings):
    _shift(signed_in, last_seen=settings.SESSION_IDLE_SECONDS - 60)

    signed_in.get(_url(signed_in))

    assert _signed_in(signed_in)
    assert time.time() - signed_in.session[LAST_SEEN] < 60


def test_maximum_age_ends_even_an_active_session(signed_in, settings):
    _shift(signed_in, signed_in_at=settings.SESSION_MAX_AGE_SECONDS + 1, last_seen=0)

    signed_in.get(_url(signed_in))

    assert not _signed_in(signed_in)
    assert AuditEvent.objects.get(verb="auth.session_end").after == {"reason": "maximum age"}


def test_a_session_without_a_sign_in_time_ends(signed_in):
    session = signed_in.session
    del session[SIGNED_IN_AT]
    session.save()

    signed_in.get(_url(signed_in))

    assert not _signed_in(signed_in)


def test_deactivating_a_person_ends_their_session(cast, signed_in):
    cast.rep_a.is_active = False
    cast.rep_a.save()

    response = signed_in.get(_url(signed_in))

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_losing_the_last_role_ends_every_session(cast, signed_in):
    membership = Membership.objects.get(user=cast.rep_a)

    services.membership_remove(actor=cast.admin, membership=membership)
    signed_in.get(_url(signed_in))

    assert not _signed_in(signed_in)
    signed_in.force_login(cast.rep_a)
    signed_in.get(_url(signed_in))
    assert _signed_in(signed_in)


def test_losing_one_of_two_roles_keeps_the_session(cast, signed_in):
    services.member_add(actor=cast.admin, organisation=cast.org_b, email=cast.rep_a.email, role="staff")
    membership = Membership.objects.get(user=cast.rep_a, organisation=cast.org_a)

    services.membership_remove(actor=cast.admin, membership=membership)
    signed_in.get(_url(signed_in))

    assert _signed_in(signed_in)


def test_the_session_cookie_lasts_the_idle_time(cast, client, settings):
    response = client.post(reverse("login"), {"username": cast.rep_a.email, "password": PASSWORD})

    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_IDLE_SECONDS
