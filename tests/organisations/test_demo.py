from django.contrib.auth import authenticate
from django.core.management import call_command

from organisations.demo import CENTRAL_PEOPLE, DEMO_PASSWORD, MEMBERS
from organisations.models import AuditEvent, Membership, Organisation, OrganisationUserObjectPermission, User
from standards.models import MetricReturn, MetricValue, ReturnState, ServiceStandard

MODELS = (
    Organisation,
    User,
    Membership,
    OrganisationUserObjectPermission,
    AuditEvent,
    ServiceStandard,
    MetricReturn,
    MetricValue,
)


def counts():
    return tuple(model.objects.count() for model in MODELS)


def test_demo_loads_idempotently_and_every_login_works(db):
    call_command("load_demo")
    first = counts()
    passwords = dict(User.objects.values_list("email", "password"))
    call_command("load_demo")
    assert counts() == first
    assert dict(User.objects.values_list("email", "password")) == passwords
    assert Organisation.objects.count() >= 3
    for email, *_ in MEMBERS + CENTRAL_PEOPLE:
        assert authenticate(username=email, password=DEMO_PASSWORD) is not None, email


def test_demo_has_standards_and_returns_in_every_state(db):
    call_command("load_demo")
    assert ServiceStandard.objects.count() >= 9
    states = set(MetricReturn.objects.values_list("state", flat=True))
    assert states == {ReturnState.ACCEPTED, ReturnState.SUBMITTED, ReturnState.DRAFT}
    assert MetricReturn.objects.filter(is_current=True).count() == 3 * 7
