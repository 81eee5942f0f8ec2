"""Authentication events in the audit log: no organisation (administrators' view), never a password."""

import re

from django.urls import reverse

from organisations.models import AuditEvent
from tests.factories import PASSWORD

NEW_PASSWORD = "a-brand-new-passphrase-42"


def _only(verb):
    events = list(AuditEvent.objects.filter(verb=verb))
    assert len(events) == 1, events
    event = events[0]
    assert event.organisation_id is None
    return event


def test_sign_in_is_recorded(cast, client):
    client.post(reverse("login"), {"username": cast.rep_a.email, "password": PASSWORD})

    event = _only("auth.login")
    assert (event.actor, event.target_id) == (cast.rep_a, str(cast.rep_a.pk))


def test_failed_sign_in_records_the_address_tried_and_never_the_password(cast, client):
    client.post(reverse("login"), {"username": "Rep.A@example.org", "password": "Wrong-Secret-9"})
    client.post(reverse("login"), {"username": "nobody@example.org", "password": "Wrong-Secret-9"})

    known, unknown = AuditEvent.objects.filter(verb="auth.login_failed").order_by("id")
    assert (known.actor, known.actor_label, known.target_id) == (None, "Rep.A@example.org", str(cast.rep_a.pk))
    assert (unknown.actor_label, unknown.target_id) == ("nobody@example.org", "")
    assert not AuditEvent.objects.filter(verb="auth.login").exists()
    for event in (known, unknown):
        assert "Wrong-Secret-9" not in repr(event.__dict__)


def test_sign_out_is_recorded(cast, client):
    client.force_login(cast.rep_a)
    client.post(reverse("logout"))

    assert _only("auth.logout").actor == cast.rep_a


def test_password_change_is_recorded(cast, client):
    client.force_login(cast.rep_a)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    event = _only("auth.password_change")
    assert event.actor == cast.rep_a and NEW_PASSWORD not in repr(event.__dict__)


def test_password_reset_request_and_completion_are_recorded(cast, client, mailoutbox):
    client.post(reverse("password_reset"), {"email": cast.rep_a.email})
    assert _only("auth.password_reset_request").target_id == str(cast.rep_a.pk)

    link = re.search(r"/accounts/reset/\S+/", mailoutbox[0].body).group(0)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert _only("auth.password_reset_complete").actor == cast.rep_a


def test_heads_audit_log_leaves_out_authentication_events(cast, client):
    client.force_login(cast.head_a)

    response = client.get(reverse("workspace:organisations:audit", kwargs={"organisation_pk": cast.org_a.pk}))

    assert response.status_code == 200
    assert AuditEvent.objects.filter(verb="auth.login", actor=cast.head_a).exists()
    assert not [event for event in response.context["page"] if event.verb.startswith("auth.")]
