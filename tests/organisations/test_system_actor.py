"""Background work acts as one named system actor that nobody can sign in as."""

import pytest
from django.contrib.auth.forms import PasswordResetForm
from django.test import Client
from django.urls import reverse

from organisations.access import organisations_for_user
from organisations.audit import audit_record
from organisations.models import User
from organisations.system import SYSTEM_ACTOR_EMAIL, SYSTEM_ACTOR_LABEL, system_actor
from standards.importing.services import import_job_apply
from standards.services.feeds import metric_values_feed


def test_the_system_actor_exists_once_and_holds_nothing(db):
    actor = system_actor()
    assert actor == system_actor() and User.objects.filter(email=SYSTEM_ACTOR_EMAIL).count() == 1
    assert actor.is_active and not actor.has_usable_password()
    assert not actor.is_staff and not actor.is_superuser and not actor.central_roles
    assert not organisations_for_user(actor).exists()


def test_nobody_can_sign_in_as_the_system_actor(db, client, mailoutbox):
    actor = system_actor()
    for password in ["", "!", actor.password]:
        response = client.post(reverse("login"), {"username": SYSTEM_ACTOR_EMAIL, "password": password})
        assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert list(PasswordResetForm().get_users(SYSTEM_ACTOR_EMAIL)) == []
    assert mailoutbox == []


def test_audit_events_name_the_system_actor(cast):
    event = audit_record(actor=system_actor(), verb="test.system", target=cast.org_a, organisation=cast.org_a)
    assert event.actor == system_actor() and event.actor_label == str(SYSTEM_ACTOR_LABEL)
    client = Client()
    client.force_login(cast.head_a)
    content = client.get(reverse("workspace:organisations:audit", kwargs={"organisation_pk": cast.org_a.pk}))
    assert str(SYSTEM_ACTOR_LABEL) in content.content.decode()


def test_background_services_require_an_actor(db):
    with pytest.raises(TypeError, match="actor"):
        metric_values_feed(organisation=None, period=None, values={}, source="api")
    with pytest.raises(TypeError, match="actor"):
        import_job_apply(job=None)
