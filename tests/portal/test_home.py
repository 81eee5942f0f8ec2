from django.urls import reverse


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
