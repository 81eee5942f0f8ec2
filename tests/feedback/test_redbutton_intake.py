"""case_receive (every channel) and receipts."""

import datetime

import pytest
from django.db import IntegrityError

from common.errors import ServiceError
from feedback.models import Case, CaseCategory, CaseChannel, CaseDeadline
from feedback.receipts import receipt_check, receipt_issue
from feedback.services.intake import case_receive
from organisations.models import AuditEvent
from organisations.roles import OrganisationRole
from tests.factories import member

from .factories import CaseFactory, ServicePointFactory

pytestmark = pytest.mark.django_db


def receive(point, **overrides):
    values = {
        "organisation": point.organisation,
        "service_point": point,
        "category": CaseCategory.COMPLAINT,
        "channel": CaseChannel.PHONE,
        "description": "Rude at the counter.",
        "is_anonymous": False,
        "reporter_email": "pat@example.org",
        **overrides,
    }
    return case_receive(**values)


def test_officer_logs_a_phone_contact():
    point = ServicePointFactory()
    officer = member(point.organisation, OrganisationRole.COMPLAINTS_OFFICER)
    case, receipt = receive(point, actor=officer)
    assert case.logged_by == officer and case.channel == CaseChannel.PHONE
    assert receipt_check(receipt) == case
    assert AuditEvent.objects.get(verb="case.receive").actor == officer
    assert case.acknowledge_by > case.received_at.date() and case.resolve_by > case.acknowledge_by


def test_deadlines_count_working_days_from_the_organisation_rows(monkeypatch):
    point = ServicePointFactory()
    CaseDeadline.objects.create(
        organisation=point.organisation, category=CaseCategory.COMPLAINT, acknowledge_days=1, resolve_days=5
    )
    case, _ = receive(point)
    assert (case.resolve_by - case.acknowledge_by).days >= 4


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"category": "nonsense"}, "category"),
        ({"channel": "pigeon"}, "channel"),
        ({"description": "   "}, "description"),
        ({"is_anonymous": True}, "is_anonymous"),  # anonymous with an e-mail address
        ({"happened_on": datetime.date(2999, 1, 1)}, "happened_on"),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(overrides, field):
    with pytest.raises(ServiceError) as error:
        receive(ServicePointFactory(), **overrides)
    assert error.value.field == field
    assert not Case.objects.exists()


def test_point_of_another_organisation_is_refused():
    point = ServicePointFactory()
    with pytest.raises(ServiceError):
        receive(point, organisation=ServicePointFactory().organisation)


def test_database_refuses_contact_details_on_an_anonymous_case():
    with pytest.raises(IntegrityError):
        CaseFactory(is_anonymous=True, reporter_email="x@example.org")


def test_receipt_shape_and_hash():
    reference, secret, hashed = receipt_issue()
    assert len(reference) == 8 and len(secret) == 12
    assert secret not in hashed
    assert receipt_check("") is None and receipt_check("garbage") is None and receipt_check(None) is None
