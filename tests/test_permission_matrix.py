import importlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .conftest import ROLES, build_cast
from .matrix import LOGIN, METHODS
from .test_admin_matrix import is_checked_admin_url


def _all_cases():
    cases = {}
    for matrix_file in sorted(Path(__file__).parent.glob("*/matrix*.py")):
        module = importlib.import_module(f"tests.{matrix_file.parent.name}.{matrix_file.stem}")
        overlap = cases.keys() & module.CASES.keys()
        assert not overlap, f"URL names listed twice in the matrix: {overlap}"
        cases.update(module.CASES)
    return cases


CASES = _all_cases()


def _project_url_names(patterns=None, namespace=""):
    """Every URL pattern of the project as 'namespace:name' (unnamed patterns by route)."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            child = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _project_url_names(pattern.url_patterns, child)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else f"<unnamed {pattern.pattern}>"


def _workspace_routes(patterns=None, prefix=""):
    """Every workspace URL as its full route ('workspace/standards/organisations/<int:organisation_pk>/...')."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _workspace_routes(pattern.url_patterns, route)
        elif route.startswith("workspace/"):
            yield route


def test_workspace_urls_have_one_shape():
    """organisations/<int:organisation_pk>/<things>/<int:pk>/...: the organisation first, the thing is pk.

    Things that belong to no organisation (shared training modules, accreditation rubrics) live under
    ``shared/<things>/<int:pk>/`` in their app.
    """
    routes = list(_workspace_routes())
    assert len(routes) > 30
    for route in routes:
        ids = re.findall(r"<int:(\w+)>", route)
        assert set(ids) <= {"organisation_pk", "pk", "year"}, route
        if re.match(r"workspace/\w+/shared/[\w-]+/<int:pk>/", route):
            assert ids == ["pk"], route
        elif ids:
            assert re.search(r"organisations/<int:organisation_pk>/", route), route
            assert route.index("<int:organisation_pk>") == route.index("<int:"), route


def test_every_url_is_in_the_matrix():
    # Django's admin is checked generically in test_admin_matrix.py, and only the URLs it checks pass here.
    missing = sorted(name for name in set(_project_url_names()) - CASES.keys() if not is_checked_admin_url(name))
    assert not missing, f"URL patterns without permission-matrix coverage: {missing}"


def test_matrix_lists_no_stale_urls():
    stale = sorted(CASES.keys() - set(_project_url_names()))
    assert not stale, f"Matrix entries for URLs that no longer exist: {stale}"


@pytest.mark.parametrize("url_name", sorted(CASES))
def test_every_case_gives_every_role_for_every_method(url_name):
    case = CASES[url_name]
    for method in METHODS:
        assert set(getattr(case, method)) == set(ROLES), f"{url_name} {method.upper()}: the matrix must give every role"


@pytest.fixture(scope="module")
def matrix_cast(django_db_setup, django_db_blocker):
    """The cast, built once for the module inside a transaction that is rolled back at the end.

    Each test runs in its own savepoint inside it (the ``db`` fixture), so what a POST changes is
    undone before the next test. Tests sign in with a fresh copy of the user, so the shared
    Python objects are never changed either.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_cast()
        transaction.set_rollback(True)


class TestPermissionMatrix:
    """Each URL × method × role."""

    @pytest.mark.parametrize("role", ROLES)
    @pytest.mark.parametrize("method", METHODS)
    @pytest.mark.parametrize("url_name", sorted(CASES))
    def test_answer(self, url_name, method, role, matrix_cast, db, client):
        case = CASES[url_name]
        if role != "anonymous":
            user = matrix_cast.user(role)
            client.force_login(type(user).objects.get(pk=user.pk))  # signing in must not touch the shared cast
        url = reverse(url_name, kwargs=case.kwargs(matrix_cast))
        data = case.data(matrix_cast) if case.data and method == "post" else {}
        response = getattr(client, method)(url, data)
        expected = getattr(case, method)[role]
        where = f"{method.upper()} {url_name} as {role}"
        if expected == LOGIN:
            assert response.status_code == 302, f"{where}: {response.status_code}"
            assert response["Location"].startswith(reverse(settings.LOGIN_URL)), response["Location"]
        else:
            assert response.status_code == expected, f"{where}: {response.status_code}, expected {expected}"
