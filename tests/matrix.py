"""The permission matrix: every URL of the project, every role, every method, the expected answer.

Each app lists its URLs in `tests/<app>/matrix*.py` as a dict CASES of URL name → Case.
`tests/test_permission_matrix.py` checks every case with GET and with POST as every
role of the cast, and fails for any URL pattern of the project that no app lists.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

LOGIN = "login"  # redirect to the login page
METHODS = ("get", "post")
MEMBERS_OF_A = ("rep_a", "head_a", "staff_a", "complaints_a")


@dataclass(frozen=True)
class Case:
    """One URL: the answer each role gets to a GET and to a POST (``data`` is the POST body)."""

    get: dict[str, Any]
    post: dict[str, Any]
    kwargs: Callable[[Any], dict] = field(default=lambda cast: {})
    data: Callable[[Any], dict] | None = None


def everyone(status, **overrides):
    from .conftest import ROLES

    return {**dict.fromkeys(ROLES, status), **overrides}


def signed_in(status, **overrides):
    """Anonymous is sent to log in; every signed-in role gets `status` unless overridden."""
    return everyone(status, anonymous=LOGIN, **overrides)


def refused(**overrides):
    """A method the view does not accept: 405 for everyone signed in (anonymous is sent to log in first)."""
    return signed_in(405, **overrides)


def org_a_view(**overrides):
    """Readable by the members of organisation A, its assigned evaluator and administrators; 404 for the rest."""
    return signed_in(404, **{**dict.fromkeys(MEMBERS_OF_A, 200), "evaluator_a": 200, "admin": 200, **overrides})


def _area(get):
    """A role stopped at the workspace area (403 before the view runs) gets the same answer to any method."""
    return {role: 403 for role in ("evaluator",) if get.get(role) == 403}


def read_only(get, kwargs=None):
    """A GET-only page: POST is refused with 405."""
    return Case(get=get, post=refused(**_area(get)), kwargs=kwargs or (lambda cast: {}))


def post_only(post, kwargs=None, data=None):
    """A POST-only action: GET is refused with 405."""
    return Case(get=refused(**_area(post)), post=post, kwargs=kwargs or (lambda cast: {}), data=data)


def form(expect, kwargs=None, post=None, data=None):
    """A form page: the same roles get it and may post it; an empty POST is shown again with its errors (200)."""
    return Case(get=expect, post=post or expect, kwargs=kwargs or (lambda cast: {}), data=data)
