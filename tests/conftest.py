from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser

from organisations.models import Organisation, User
from organisations.roles import CentralRole, OrganisationRole

from .factories import OrganisationFactory, central, member


@dataclass
class Cast:
    """The same people every time: owner, other members, outsider, evaluation unit, administrator."""

    org_a: Organisation
    org_b: Organisation
    rep_a: User
    head_a: User
    staff_a: User
    rep_b: User
    evaluator: User
    lead: User
    admin: User

    def user(self, role):
        return AnonymousUser() if role == "anonymous" else getattr(self, role)


ROLES = ["anonymous", "rep_a", "head_a", "staff_a", "rep_b", "evaluator", "lead", "admin"]


@pytest.fixture
def cast(db):
    org_a = OrganisationFactory(name="Revenue Test Office")
    org_b = OrganisationFactory(name="Social Test Department")
    return Cast(
        org_a=org_a,
        org_b=org_b,
        rep_a=member(org_a, OrganisationRole.REPRESENTATIVE, email="rep.a@example.org"),
        head_a=member(org_a, OrganisationRole.HEAD, email="head.a@example.org"),
        staff_a=member(org_a, OrganisationRole.STAFF, email="staff.a@example.org"),
        rep_b=member(org_b, OrganisationRole.REPRESENTATIVE, email="rep.b@example.org"),
        evaluator=central(CentralRole.EVALUATOR, email="evaluator@example.org"),
        lead=central(CentralRole.LEAD_EVALUATOR, email="lead@example.org"),
        admin=central(CentralRole.ADMINISTRATOR, email="admin@example.org"),
    )


@pytest.fixture
def client_for(client, cast):
    """A test client signed in as the named cast member (or anonymous)."""

    def sign_in(role):
        client.logout()
        if role != "anonymous":
            client.force_login(cast.user(role))
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _fresh_throttle_counters():
    """Password-reset counters live in a cache, not the database: each test starts with none."""
    from django.core.cache import caches

    caches["throttle"].clear()
    yield
    caches["throttle"].clear()
