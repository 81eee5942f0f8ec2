"""The permission matrix for Django's admin (/admin/), checked generically.

The admin has many URL patterns, all guarded by the same rule: only active staff get in; anonymous
visitors are sent to the project's log-in page, signed-in non-staff get 403. Every registered model is
read-only, so even an operator gets 403 on add, change (POST) and delete, while listing, viewing and
history answer 200. `test_permission_matrix.py` accepts an admin URL only if this module checks it
(`is_checked_admin_url`).
"""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.urls import reverse

from organisations.audit import audit_record
from organisations.models import EvaluatorAssignment
from standards.models import ImportJob, ImportStatus

from .conftest import ROLES
from .factories import UserFactory
from .standards.factories import MetricValueFactory, StandardTargetFactory

OPERATOR = "operator"
SITE_URLS = ["admin:index", "admin:password_change", "admin:password_change_done", "admin:jsi18n"]
# Answered without the staff check (they only redirect or say goodbye), so not part of the matrix:
OPEN_SITE_URLS = {"admin:login", "admin:logout", "admin:view_on_site", "admin:autocomplete"}
# The admin's two unnamed patterns (the object redirect and the final catch-all), checked below.
UNNAMED_ADMIN_URLS = {"<unnamed <path:object_id>/>", "<unnamed (?P<url>.*)$>"}
READ = {"changelist": "get", "change": "get", "history": "get"}
REFUSED = {"add": "get", "change_post": "post", "delete": "get"}


def _model_urls():
    for model in admin.site._registry:
        opts = model._meta
        for action in [*READ, *REFUSED]:
            yield f"{opts.label_lower}:{action}"


def _url_name(model_action):
    label, action = model_action.split(":")
    return f"admin:{label.replace('.', '_')}_{action.removesuffix('_post')}"


def is_checked_admin_url(name):
    """True for an admin URL name that this module checks (or deliberately leaves open)."""
    checked = {*SITE_URLS, *OPEN_SITE_URLS, *UNNAMED_ADMIN_URLS, "admin:app_list"}
    checked |= {_url_name(url) for url in _model_urls()}
    return name in checked


@pytest.fixture
def world(cast):
    """One object of every registered model, and a staff operator."""
    value = MetricValueFactory(metric_return__organisation=cast.org_a, standard__organisation=cast.org_a)
    StandardTargetFactory(standard=value.standard)
    ImportJob.objects.create(
        organisation=cast.org_a,
        metric_return=value.metric_return,
        file="imports/admin.csv",
        original_name="values.csv",
        status=ImportStatus.DONE,
    )
    EvaluatorAssignment.objects.create(evaluator=cast.evaluator, organisation=cast.org_a, assigned_by=cast.lead)
    audit_record(actor=cast.admin, verb="organisation.change", target=cast.org_a, organisation=cast.org_a)
    AccessAttempt.objects.create(username="rep.a@example.org", ip_address="127.0.0.1", failures_since_start=2)
    operator = UserFactory(email="operator@example.org", is_staff=True, is_superuser=True)
    return cast, operator


def _answers(client, world, url, method):
    """The status (or "login") each role gets for one admin URL."""
    cast, operator = world
    answers = {}
    for role in [*ROLES, OPERATOR]:
        client.logout()
        if role != "anonymous":
            client.force_login(operator if role == OPERATOR else cast.user(role))
        response = getattr(client, method)(url)
        login_redirect = response.status_code == 302 and response["Location"].startswith(reverse(settings.LOGIN_URL))
        answers[role] = "login" if login_redirect else response.status_code
    return answers


def _expected(operator_answer):
    expect = dict.fromkeys(ROLES, 403)
    expect["anonymous"] = "login"
    expect[OPERATOR] = operator_answer
    return expect


@pytest.mark.parametrize("url_name", SITE_URLS)
def test_admin_site_pages(url_name, world, client):
    assert _answers(client, world, reverse(url_name), "get") == _expected(200)


@pytest.mark.parametrize("app_label", sorted({model._meta.app_label for model in admin.site._registry}))
def test_admin_app_lists(app_label, world, client):
    url = reverse("admin:app_list", kwargs={"app_label": app_label})
    assert _answers(client, world, url, "get") == _expected(200)


@pytest.mark.parametrize("label", sorted(model._meta.label_lower for model in admin.site._registry))
def test_admin_model_pages_are_read_only(label, world, client):
    model = next(model for model in admin.site._registry if model._meta.label_lower == label)
    instance = model._default_manager.first()
    assert instance is not None, f"the admin matrix's world has no {label}: create one in the fixture"
    answers, expected = {}, {}
    for action in [*READ, *REFUSED]:
        kwargs = {} if action in {"changelist", "add"} else {"object_id": instance.pk}
        url = reverse(_url_name(f"{label}:{action}"), kwargs=kwargs)
        answers[action] = _answers(client, world, url, READ.get(action) or REFUSED[action])
        expected[action] = _expected(200 if action in READ else 403)
    change = reverse(_url_name(f"{label}:change"), kwargs={"object_id": instance.pk})
    answers["object"] = _answers(client, world, change.removesuffix("change/"), "get")
    expected["object"] = _expected(302)  # the admin's unnamed <path:object_id>/ redirects to the change page
    assert answers == expected


def test_unknown_admin_paths_reveal_nothing_to_non_staff(world, client):
    """The admin's unnamed catch-all: non-staff cannot probe which models exist."""
    assert _answers(client, world, "/admin/no_such_app/no_such_model/", "get") == _expected(404)


def test_admin_log_in_is_the_projects_log_in(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


def test_audit_log_is_strictly_read_only(world, client):
    cast, operator = world
    client.force_login(operator)
    event = cast.org_a.audit_events.first()
    changelist = reverse("admin:organisations_auditevent_changelist")
    response = client.post(changelist, {"action": "delete_selected", "_selected_action": [event.pk]})
    assert response.status_code in {200, 302}
    assert cast.org_a.audit_events.filter(pk=event.pk).exists()
    page = client.get(reverse("admin:organisations_auditevent_change", args=[event.pk]))
    assert b'name="_save"' not in page.content
