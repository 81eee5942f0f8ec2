from django.contrib.auth import authenticate
from django.core.management import call_command

from organisations.demo import CENTRAL_PEOPLE, DEMO_PASSWORD, MEMBERS
from organisations.models import AuditEvent, Membership, Organisation, OrganisationUserObjectPermission, User


def counts():
    return tuple(
        model.objects.count()
        for model in (Organisation, User, Membership, OrganisationUserObjectPermission, AuditEvent)
    )


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
