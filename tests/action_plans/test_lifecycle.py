"""The charter and action-plan life cycle: each step only for its role, complete documents only, once."""

import pytest

from action_plans.models import DocumentState, ReviewComment
from action_plans.services.lifecycle import (
    document_approve,
    document_publish,
    document_reopen,
    document_request_changes,
    document_sign_off,
    document_submit,
)
from common.errors import ServiceError
from organisations.models import AuditEvent
from tests.action_plans.factories import CharterFactory, complete_charter, complete_plan


@pytest.fixture
def charter(cast):
    return complete_charter(cast.org_a)


def _published(document, cast):
    document_sign_off(actor=cast.head_a, document=document)
    document_submit(actor=cast.rep_a, document=document)
    document_approve(actor=cast.evaluator_a, document=document)
    return document_publish(actor=cast.rep_a, document=document)


def test_the_whole_life_cycle_of_a_charter(cast, charter):
    document_sign_off(actor=cast.head_a, document=charter)
    document_submit(actor=cast.rep_a, document=charter)
    section = charter.sections.get(kind="complaints")
    document_request_changes(
        actor=cast.evaluator_a, document=charter, comments=[(section, "", "Name the appeals officer.")]
    )
    assert ReviewComment.objects.get(charter=charter).section == section
    document_submit(actor=cast.rep_a, document=charter)
    document_approve(actor=cast.evaluator_a, document=charter)
    charter = document_publish(actor=cast.rep_a, document=charter)
    assert charter.state == DocumentState.PUBLISHED
    events = AuditEvent.objects.filter(target_type="action_plans.charter", target_id=str(charter.pk)).order_by("pk")
    verbs = list(events.values_list("verb", flat=True))
    assert verbs == [
        "charter.sign_off",
        "charter.submit",
        "charter.request_changes",
        "charter.submit",
        "charter.approve",
        "charter.publish",
    ]


@pytest.mark.parametrize(
    "role,step",
    [("rep_a", "sign_off"), ("staff_a", "sign_off"), ("head_a", "submit"), ("evaluator_b", "sign_off")],
)
def test_each_step_only_for_its_role(cast, charter, role, step):
    if step == "submit":
        document_sign_off(actor=cast.head_a, document=charter)
    service = {"sign_off": document_sign_off, "submit": document_submit}[step]
    with pytest.raises(ServiceError):
        service(actor=cast.user(role), document=charter)


def test_an_evaluator_who_belongs_to_the_organisation_cannot_approve(cast, charter):
    from organisations.roles import OrganisationRole
    from tests.factories import member

    document_sign_off(actor=cast.head_a, document=charter)
    document_submit(actor=cast.rep_a, document=charter)
    member(cast.org_a, OrganisationRole.STAFF, user=cast.evaluator_a)
    with pytest.raises(ServiceError):
        document_approve(actor=cast.evaluator_a, document=charter)


def test_an_incomplete_charter_cannot_be_signed_off_and_says_what_is_missing(cast):
    charter = CharterFactory(organisation=cast.org_a)
    with pytest.raises(ServiceError) as error:
        document_sign_off(actor=cast.head_a, document=charter)
    assert "measurable service standard" in error.value.message
    charter.refresh_from_db()
    assert charter.state == DocumentState.DRAFT


def test_a_double_submit_is_refused_and_changes_nothing(cast, charter):
    document_sign_off(actor=cast.head_a, document=charter)
    document_submit(actor=cast.rep_a, document=charter)
    events = AuditEvent.objects.count()
    with pytest.raises(ServiceError) as error:
        document_submit(actor=cast.rep_a, document=charter)
    assert "waiting for review" in error.value.message
    assert AuditEvent.objects.count() == events


def test_request_changes_needs_a_comment_and_a_section_of_this_charter(cast, charter):
    other = complete_charter(cast.org_b)
    document_sign_off(actor=cast.head_a, document=charter)
    document_submit(actor=cast.rep_a, document=charter)
    with pytest.raises(ServiceError):
        document_request_changes(actor=cast.evaluator_a, document=charter, comments=[(None, "", "  ")])
    with pytest.raises(ServiceError):
        document_request_changes(
            actor=cast.evaluator_a, document=charter, comments=[(other.sections.first(), "", "Forged")]
        )
    charter.refresh_from_db()
    assert charter.state == DocumentState.SUBMITTED and not ReviewComment.objects.exists()


def test_reopening_clears_the_sign_off(cast, charter):
    document_sign_off(actor=cast.head_a, document=charter)
    charter = document_reopen(actor=cast.rep_a, document=charter)
    assert charter.state == DocumentState.DRAFT and charter.signed_off_by is None


def test_publishing_supersedes_the_previous_version(cast, charter):
    first = _published(charter, cast)
    second = complete_charter(cast.org_a, number=2, based_on=first)
    _published(second, cast)
    first.refresh_from_db()
    assert first.state == DocumentState.SUPERSEDED and first.superseded_at is not None


def test_an_action_plan_has_the_same_life_cycle(cast):
    plan = _published(complete_plan(cast.org_a), cast)
    assert plan.state == DocumentState.PUBLISHED
