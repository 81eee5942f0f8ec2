import importlib
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .conftest import ROLES
from .matrix import LOGIN
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


def test_every_url_is_in_the_matrix():
    # Django's admin is checked generically in test_admin_matrix.py, and only the URLs it checks pass here.
    missing = sorted(name for name in set(_project_url_names()) - CASES.keys() if not is_checked_admin_url(name))
    assert not missing, f"URL patterns without permission-matrix coverage: {missing}"


def test_matrix_lists_no_stale_urls():
    stale = sorted(CASES.keys() - set(_project_url_names()))
    assert not stale, f"Matrix entries for URLs that no longer exist: {stale}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", sorted(CASES))
def test_permission_matrix(url_name, role, cast, client_for):
    case = CASES[url_name]
    assert set(case.expect) == set(ROLES), f"{url_name}: the matrix must give every role"
    client = client_for(role)
    url = reverse(url_name, kwargs=case.kwargs(cast))
    data = case.data(cast) if case.data else {}
    response = getattr(client, case.method)(url, data)
    expected = case.expect[role]
    if expected == LOGIN:
        assert response.status_code == 302, f"{url_name} as {role}: {response.status_code}"
        assert response["Location"].startswith(reverse(settings.LOGIN_URL)), response["Location"]
    else:
        assert response.status_code == expected, f"{url_name} as {role}: {response.status_code}, expected {expected}"
