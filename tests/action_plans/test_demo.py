"""Demo charters, plans and consultations: they load once, read well on the public pages and give each role work."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from action_plans.models import (
    ActionPlan,
    ActionProgress,
    Charter,
    CharterSection,
    CharterStandard,
    CommentPeriod,
    Consultation,
    DocumentState,
    PlanAction,
    PublicComment,
    ReviewComment,
)
from action_plans.services.comments import PeriodStatus, period_status
from action_plans.services.consultation import is_frozen
from organisations.models import AuditEvent, Organisation, User
from organisations.todo import todo_for

pytestmark = pytest.mark.django_db
MODELS = (
    Charter,
    CharterSection,
    CharterStandard,
    ReviewComment,
    Consultation,
    CommentPeriod,
    PublicComment,
    ActionPlan,
    PlanAction,
    ActionProgress,
    AuditEvent,
)


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request in Irish leaves Irish active in this thread: the next tests start in English again."""
    yield
    translation.deactivate()


def _counts():
    return tuple(model.objects.count() for model in MODELS)


def _organisation(name):
    return Organisation.objects.get(name=name)


def _detail(charter):
    return reverse("workspace:action_plans:charter_detail", args=[charter.organisation_id, charter.pk])


def test_the_demo_loads_once():
    call_command("load_demo")
    first = _counts()
    call_command("load_demo")
    assert _counts() == first
    states = {(charter.organisation.name, charter.number): charter.state for charter in Charter.objects.all()}
    assert states == {
        ("Revenue and Customs Service", 1): DocumentState.PUBLISHED,
        ("Revenue and Customs Service", 2): DocumentState.DRAFT,
        ("Department of Social Protection", 1): DocumentState.PUBLISHED,
        ("Department of Social Protection", 2): DocumentState.SUBMITTED,
        ("Riverside City Council", 1): DocumentState.PUBLISHED,
    }
    assert AuditEvent.objects.filter(verb="charter.publish").count() == 3  # through the services
    assert ActionPlan.objects.get().state == DocumentState.PUBLISHED


def test_the_demo_gives_each_journey_something_to_show(client):
    call_command("load_demo")
    revenue = _organisation("Revenue and Customs Service")
    public = reverse("charters:current", kwargs={"organisation_pk": revenue.pk})

    english = client.get(public)
    assert english.status_code == 200
    assert "We answer 80% of calls within 5 minutes." in english.content.decode()
    client.post(reverse("set_language"), {"language": "ga", "next": "/"})
    irish = client.get(public)
    assert irish.status_code == 200
    assert "Freagraímid 80% de ghlaonna laistigh de 5 nóiméad." in irish.content.decode()
    assert "Bailíonn an tSeirbhís Ioncaim agus Custaim" in irish.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    # The evaluator assigned to Social Protection sees its submitted version, and has it on "My work".
    evaluator = User.objects.get(email="evaluator@qcs.example.org")
    submitted = Charter.objects.get(state=DocumentState.SUBMITTED)
    assert submitted.organisation.name == "Department of Social Protection"
    client.force_login(evaluator)
    assert client.get(_detail(submitted)).status_code == 200
    assert "Charter waiting for review" in [str(item.kind) for item in todo_for(evaluator)]
    draft = Charter.objects.get(organisation=revenue, state=DocumentState.DRAFT)
    assert client.get(_detail(draft)).status_code == 404  # not submitted: the organisation's own

    # The representative sees what the draft changes against the published version.
    client.force_login(User.objects.get(email="rep@revenue.example.org"))
    page = client.get(_detail(draft)).content.decode()
    assert "<ins" in page and "15 working days" in page

    # The head of Revenue has an overdue and an at-risk action on "My work".
    kinds = {str(item.kind) for item in todo_for(User.objects.get(email="head@revenue.example.org"))}
    assert {"Overdue action", "Action at risk"} <= kinds

    # A consultation cited by the published charter; an open comment period on the draft with two comments.
    assert any(is_frozen(consultation) for consultation in Consultation.objects.filter(organisation=revenue))
    period = CommentPeriod.objects.get(charter=draft)
    assert period_status(period) == PeriodStatus.OPEN and period.comments.count() == 2
