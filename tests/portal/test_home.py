import re

import pytest
from django.urls import reverse

from organisations.models import Organisation
from portal import features
from portal.features import PUBLIC_SERVICES, PublicService


def test_home_is_public_and_in_two_languages(cast, client):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert b'lang="en"' in response.content
    client.post(reverse("set_language"), {"language": "ga", "next": "/"})
    response = client.get(reverse("portal:home"))
    assert b'lang="ga"' in response.content
    assert "Seirbhís" in response.content.decode()


def test_home_loads_nothing_from_third_parties(cast, client):
    response = client.get(reverse("portal:home"))
    assert b"http://" not in response.content.replace(b"http://testserver", b"")
    assert b"https://" not in response.content
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_login_with_email_and_logout(cast, client):
    response = client.post(reverse("login"), {"username": "REP.A@example.org", "password": "a-long-test-password"})
    assert response.status_code == 302 and response["Location"] == reverse("workspace:index")
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("workspace:my_work:index")).status_code == 302


def test_wrong_password_gets_a_clear_message(cast, client):
    response = client.post(reverse("login"), {"username": "rep.a@example.org", "password": "wrong"})
    assert response.status_code == 200
    assert "correct e-mail address and password" in response.content.decode()
    assert 'value="rep.a@example.org"' in response.content.decode()


def test_password_reset_sends_a_link(cast, client, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "rep.a@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and "/accounts/reset/" in mailoutbox[0].body


def _links(content):
    return re.findall(r'<a [^>]*href="([^"#]+)"', content)


@pytest.mark.parametrize("role", ["anonymous", "rep_a"])
def test_every_link_on_the_home_page_works(cast, client_for, role):
    client = client_for(role)
    links = _links(client.get(reverse("portal:home")).content.decode())

    assert reverse("login" if role == "anonymous" else "workspace:index") in links
    for link in links:
        assert client.get(link, follow=True).status_code == 200, link


def test_home_claims_no_published_content_while_none_exists(cast, client, monkeypatch):
    unopened = tuple(PublicService(service.title, service.description) for service in PUBLIC_SERVICES)
    monkeypatch.setattr(features, "PUBLIC_SERVICES", unopened)

    content = client.get(reverse("portal:home")).content.decode()

    assert "publish" not in content.replace("Nothing is published here yet.", "")
    assert f"{Organisation.objects.count()} public bodies" not in content
    for service in unopened:
        assert f"<h3>{service.title}</h3>" not in content  # no card that leads nowhere
        assert f"<li>{service.title}</li>" in content  # named as not open yet


def test_home_links_the_services_that_landed_and_names_the_others(cast, client):
    content = client.get(reverse("portal:home")).content.decode()

    assert f'<h3><a href="{reverse("charters:index")}">Read a customer charter</a></h3>' in content
    for service in PUBLIC_SERVICES:
        if not service.url_name:
            assert f"<li>{service.title}</li>" in content


def test_a_service_whose_feature_landed_becomes_a_working_card(cast, client, monkeypatch):
    landed = PublicService("Sign in", "Staff sign in here.", url_name="login")
    monkeypatch.setattr(features, "PUBLIC_SERVICES", (*PUBLIC_SERVICES, landed))

    content = client.get(reverse("portal:home")).content.decode()

    assert f'<h3><a href="{reverse("login")}">Sign in</a></h3>' in content
    assert "Nothing is published here yet." not in content


def test_home_has_a_follow_your_case_card(cast, client):
    content = client.get(reverse("portal:home")).content.decode()

    follow = reverse("public_feedback:case_follow")
    assert f'<h3><a href="{follow}">Follow your case</a></h3>' in content
    assert client.get(follow).status_code == 200
