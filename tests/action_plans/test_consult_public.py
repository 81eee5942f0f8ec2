"""The public comment page: no log-in, open/not yet open/closed, CSRF, rate limit, nothing about the visitor kept."""

import datetime
import logging
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from action_plans.models import PublicComment
from action_plans.services.comments import comment_period_record
from tests.action_plans.factories import draft_with_period

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
ADDRESS = "203.0.113.77"


def page_url(period):
    return reverse("charters:comment_page", args=[period.token])


@pytest.fixture
def period(cast):
    return draft_with_period(cast.org_a)


def test_an_open_period_shows_the_draft_and_takes_a_comment(client, period):
    section = period.charter.sections.get(kind="contact")
    page = client.get(page_url(period))
    content = page.content.decode()
    assert page.status_code == 200
    assert "We commit to" in content and "Send your comment" in content and period.charter.organisation.name in content
    response = client.post(page_url(period), {"text": "Answer the phone sooner.", "section": section.pk})
    assert response.status_code == 302 and response["Location"] == page_url(period)
    comment = PublicComment.objects.get()
    assert (comment.text, comment.section, comment.status) == ("Answer the phone sooner.", section, "pending")
    assert "Thank you" in client.get(page_url(period)).content.decode()


def test_an_unknown_token_is_404(client, period):
    assert client.get(reverse("charters:comment_page", args=["not-a-token"])).status_code == 404
    assert client.post(reverse("charters:comment_page", args=["not-a-token"]), {"text": "x"}).status_code == 404


def test_not_yet_open(client, cast):
    period = draft_with_period(cast.org_a, starts_on=TODAY + 2 * DAY, ends_on=TODAY + 9 * DAY)
    content = client.get(page_url(period)).content.decode()
    assert "not open yet" in content and "Send your comment" not in content
    response = client.post(page_url(period), {"text": "Too early"})
    assert response.status_code == 409 and "has not opened yet" in response.content.decode()
    assert not PublicComment.objects.exists()


@pytest.mark.parametrize("how", ["after-the-end", "recorded", "charter-published"])
def test_closed(client, cast, how):
    period = draft_with_period(
        cast.org_a, starts_on=TODAY - 9 * DAY, ends_on=TODAY + (-1 if how == "after-the-end" else 5) * DAY
    )
    if how == "recorded":
        comment_period_record(actor=cast.rep_a, period=period, title="", findings="Done.")
    if how == "charter-published":
        type(period.charter).objects.filter(pk=period.charter_id).update(state="published")
    content = client.get(page_url(period)).content.decode()
    assert "This comment period is closed" in content
    assert "Send your comment" not in content and "We commit to" not in content
    response = client.post(page_url(period), {"text": "Too late"})
    assert response.status_code == 409 and "is closed, so your comment was not taken" in response.content.decode()
    assert not PublicComment.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "This field is required"),
        ({"text": "x" * 5001}, "at most 5000"),
        ({"text": "x", "section": "abc"}, "valid"),
    ],
)
def test_bad_input_is_shown_again(client, period, data, message):
    response = client.post(page_url(period), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not PublicComment.objects.exists()


def test_a_section_of_another_charter_is_refused(client, cast, period):
    other = draft_with_period(cast.org_b).charter.sections.first()
    response = client.post(page_url(period), {"text": "Hello", "section": other.pk})
    assert response.status_code == 200
    assert not PublicComment.objects.exists()


def test_csrf_is_required(period):
    client = Client(enforce_csrf_checks=True)
    assert client.post(page_url(period), {"text": "No token"}).status_code == 403
    assert not PublicComment.objects.exists()
    page = client.get(page_url(period))
    token = page.cookies["csrftoken"].value
    assert client.post(page_url(period), {"text": "With token", "csrfmiddlewaretoken": token}).status_code == 302
    assert PublicComment.objects.count() == 1


def test_the_rate_limit_refuses_and_stores_nothing(client, period, settings, monkeypatch):
    monkeypatch.setattr("django_ratelimit.core.time", SimpleNamespace(time=lambda: 1_800_000_000.0))
    settings.PUBLIC_COMMENT_RATE = "2/h"
    for number in range(2):
        assert client.post(page_url(period), {"text": f"Comment {number}"}).status_code == 302
    response = client.post(page_url(period), {"text": "One too many"})
    assert response.status_code == 429 and "Too many comments" in response.content.decode()
    assert PublicComment.objects.count() == 2
    other = Client(REMOTE_ADDR="198.51.100.9")  # another address has its own count
    assert other.post(page_url(period), {"text": "From elsewhere"}).status_code == 302


def test_no_address_or_user_agent_is_stored_or_logged(period, caplog):
    caplog.set_level(logging.DEBUG)
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT="SecretBrowser/9.9")
    assert client.post(page_url(period), {"text": "Open on Saturdays"}).status_code == 302
    assert client.post(page_url(period), {"text": ""}).status_code == 200
    assert PublicComment.objects.count() == 1
    fields = {field.name for field in PublicComment._meta.get_fields()}
    assert not fields & {"ip", "ip_address", "address", "user_agent", "remote_addr", "user"}
    for model in apps.get_models():
        for row in model.objects.values():
            assert ADDRESS not in str(row), model
            assert "SecretBrowser" not in str(row), model
    assert ADDRESS not in caplog.text and "SecretBrowser" not in caplog.text
    cache = caches["throttle"]
    keys = getattr(cache, "_cache", {}).keys()  # the local-memory cache of the tests
    assert keys and not any(ADDRESS in str(key) for key in keys)


def test_signed_in_people_see_the_same_page(client_for, period):
    assert client_for("rep_b").get(page_url(period)).status_code == 200


def test_in_irish_the_draft_says_when_a_section_has_no_irish_text(client, period):
    section = period.charter.sections.get(kind="about")
    section.body_ga = "Is sinne an oifig."
    section.save()
    client.cookies["django_language"] = "ga"
    content = client.get(page_url(period), HTTP_ACCEPT_LANGUAGE="ga").content.decode()
    assert "Is sinne an oifig." in content
    assert content.count('<div lang="en">') == period.charter.sections.count() - 1
