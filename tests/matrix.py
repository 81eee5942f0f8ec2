"""The permission matrix: every URL of the project, every role, the expected answer.

Each app lists its URLs in `tests/<app>/matrix*.py` as a dict CASES of URL name → Case.
`tests/test_permission_matrix.py` checks every case and fails for any URL
pattern of the project that no app lists.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

LOGIN = "login"  # redirect to the login page


@dataclass
class Case:
    expect: dict[str, Any]
    kwargs: Callable[[Any], dict] = field(default=lambda cast: {})
    method: str = "get"
    data: Callable[[Any], dict] | None = None


def everyone(status):
    from .conftest import ROLES

    return dict.fromkeys(ROLES, status)


def signed_in(status, **overrides):
    """Anonymous is sent to log in; every signed-in role gets `status` unless overridden."""
    expect = everyone(status)
    expect["anonymous"] = LOGIN
    expect.update(overrides)
    return expect


def org_a_view(**overrides):
    """Readable by any member of organisation A and administrators; 404 for everyone else."""
    return signed_in(404, rep_a=200, head_a=200, staff_a=200, admin=200, **overrides)
