from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from organisations.models import EvaluatorAssignment, Organisation, User
from organisations.roles import CentralRole, OrganisationRole
from organisations.services import member_permissions_sync

from .factories import OrganisationFactory, central, member


@dataclass
class Cast:
    """The same people every time: members of A, a member of B, the evaluation unit, an administrator.

    Evaluators: ``evaluator`` holds no assignment, ``evaluator_a`` is assigned to A,
    ``evaluator_b`` only to B. ``complaints_a`` is A's complaints officer.
    """

    org_a: Organisation
    org_b: Organisation
    rep_a: User
    head_a: User
    staff_a: User
    complaints_a: User
    rep_b: User
    evaluator: User
    evaluator_a: User
    evaluator_b: User
    lead: User
    admin: User

    def user(self, role):
        return AnonymousUser() if role == "anonymous" else getattr(self, role)


ROLES = [
    "anonymous",
    "rep_a",
    "head_a",
    "staff_a",
    "complaints_a",
    "rep_b",
    "evaluator",
    "evaluator_a",
    "evaluator_b",
    "lead",
    "admin",
]


def assigned_evaluator(organisation, email):
    """An evaluator assigned to review the organisation, with the permissions the assignment grants."""
    evaluator = central(CentralRole.EVALUATOR, email=email)
    EvaluatorAssignment.objects.create(evaluator=evaluator, organisation=organisation)
    member_permissions_sync(user=evaluator, organisation=organisation)
    return evaluator


def build_cast():
    org_a = OrganisationFactory(name="Revenue Test Office")
    org_b = OrganisationFactory(name="Social Test Department")
    return Cast(
        org_a=org_a,
        org_b=org_b,
        rep_a=member(org_a, OrganisationRole.REPRESENTATIVE, email="rep.a@example.org"),
        head_a=member(org_a, OrganisationRole.HEAD, email="head.a@example.org"),
        staff_a=member(org_a, OrganisationRole.STAFF, email="staff.a@example.org"),
        complaints_a=member(org_a, OrganisationRole.COMPLAINTS_OFFICER, email="complaints.a@example.org"),
        rep_b=member(org_b, OrganisationRole.REPRESENTATIVE, email="rep.b@example.org"),
        evaluator=central(CentralRole.EVALUATOR, email="evaluator@example.org"),
        evaluator_a=assigned_evaluator(org_a, "evaluator.a@example.org"),
        evaluator_b=assigned_evaluator(org_b, "evaluator.b@example.org"),
        lead=central(CentralRole.LEAD_EVALUATOR, email="lead@example.org"),
        admin=central(CentralRole.ADMINISTRATOR, email="admin@example.org"),
    )


@pytest.fixture
def cast(db):
    return build_cast()


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


@pytest.fixture(autouse=True)
def _english_until_asked():
    """Each test starts in the site's language: a request in Irish leaves Irish active in the thread after it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
