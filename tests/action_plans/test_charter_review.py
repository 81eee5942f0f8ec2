"""The charter's life cycle through its pages: buttons for each role, the checklist blocking, review comments,
the evaluators' queue and the "My work" items."""

import pytest
from django.urls import reverse

from action_plans.models import Charter, DocumentState, ReviewComment
from organisations.models import AuditEvent
from organisations.todo import todo_for
from tests.action_plans.factories import CharterFactory, charter_sections, complete_charter


def _url(name, *args):
    return reverse(f"workspace:action_plans:{name}", args=args)


def _post(client, name, charter, data=None, **extra):
    return client.post(_url(name, charter.organisation_id, charter.pk), data or {}, **extra)


def _page(client, charter):
    return client.get(_url("charter_detail", charter.organisation_id, charter.pk)).content.decode()


def _state(charter):
    return Charter.objects.get(pk=charter.pk).state


@pytest.fixture
def charter(cast):
    return complete_charter(cast.org_a)


def test_an_incomplete_submission_shows_exactly_what_is_missing_with_links(cast, client_for):
    draft = CharterFactory(organisation=cast.org_a)
    sections = charter_sections(draft, filled=False)
    for section in sections[:3]:
        section.body = "Written."
        section.save()
    response = _post(client_for("rep_a"), "charter_submit", draft)
    page = response.content.decode()
    assert response.status_code == 200
    assert "This cannot go forward until it is complete" in page
    assert 'href="#section-complaints"' in page and "Describe how to make a complaint." in page
    assert 'href="#section-standards"' in page and 'href="#consultations"' in page
    assert 'id="section-complaints"' in page and 'id="consultations"' in page  # the links lead somewhere
    assert 'href="#section-about"' not in page.split('id="blocked"')[1].split("</div>")[0]
    assert _state(draft) == DocumentState.DRAFT


def test_the_head_is_blocked_by_the_checklist_too(cast, client_for):
    draft = CharterFactory(organisation=cast.org_a)
    response = _post(client_for("head_a"), "charter_sign_off", draft)
    assert "This cannot go forward until it is complete" in response.content.decode()
    assert _state(draft) == DocumentState.DRAFT


def test_a_complete_draft_submitted_before_sign_off_says_the_head_signs_off_first(cast, client_for, charter):
    response = _post(client_for("rep_a"), "charter_submit", charter, follow=True)
    assert "the head of organisation has not signed it off" in response.content.decode()
    assert _state(charter) == DocumentState.DRAFT


def test_each_role_sees_only_its_buttons(cast, client_for, charter):
    rep = _page(client_for("rep_a"), charter)
    assert "Submit for review" in rep and "Sign off the charter" not in rep
    head = _page(client_for("head_a"), charter)
    assert "Sign off the charter" in head and "Submit for review" not in head and "Save this section" not in head
    staff = _page(client_for("staff_a"), charter)
    assert "Sign off the charter" not in staff and "Submit for review" not in staff
    Charter.objects.filter(pk=charter.pk).update(state=DocumentState.SUBMITTED)
    evaluator = _page(client_for("evaluator_a"), charter)
    assert "Approve the charter" in evaluator and "Request changes" in evaluator
    assert "Save this section" not in evaluator
    rep = _page(client_for("rep_a"), charter)
    assert "Approve the charter" not in rep and "Request changes" not in rep
    Charter.objects.filter(pk=charter.pk).update(state=DocumentState.APPROVED)
    assert "Publish the charter" in _page(client_for("rep_a"), charter)
    assert "Publish the charter" not in _page(client_for("evaluator_a"), charter)


def test_the_whole_review_through_the_pages(cast, client_for, charter):
    assert _post(client_for("head_a"), "charter_sign_off", charter).status_code == 302
    assert _state(charter) == DocumentState.SIGNED_OFF
    rep = client_for("rep_a")
    _post(rep, "charter_submit", charter)
    events = AuditEvent.objects.filter(verb="charter.submit").count()
    response = _post(rep, "charter_submit", charter, follow=True)  # a double submit
    assert "waiting for review" in response.content.decode()
    assert AuditEvent.objects.filter(verb="charter.submit").count() == events == 1

    evaluator = client_for("evaluator_a")
    complaints = charter.sections.get(kind="complaints")
    form = evaluator.get(_url("charter_request_changes", cast.org_a.pk, charter.pk)).content.decode()
    assert f'name="section_{complaints.pk}"' in form
    response = _post(evaluator, "charter_request_changes", charter, {"general": "  "})
    assert "Write at least one comment" in response.content.decode()
    assert _state(charter) == DocumentState.SUBMITTED
    _post(
        evaluator,
        "charter_request_changes",
        charter,
        {f"section_{complaints.pk}": "Name the complaints officer.", "section_999999": "Forged section, ignored."},
    )
    assert _state(charter) == DocumentState.CHANGES_REQUESTED
    comment = ReviewComment.objects.get()
    assert comment.section == complaints and comment.author == cast.evaluator_a

    page = _page(client_for("rep_a"), charter)
    block = page.split('id="section-complaints"')[1].split("</section>")[0]
    assert "Name the complaints officer." in block  # beside its section
    assert "Save this section" in page  # the organisation revises it
    assert "Name the complaints officer." in _page(client_for("staff_a"), charter)

    rep = client_for("rep_a")
    _post(rep, "charter_submit", charter)
    assert _state(charter) == DocumentState.SUBMITTED
    _post(client_for("evaluator_a"), "charter_approve", charter)
    assert _state(charter) == DocumentState.APPROVED
    _post(client_for("rep_a"), "charter_publish", charter)
    assert _state(charter) == DocumentState.PUBLISHED
    page = _page(client_for("rep_a"), charter)
    assert "Save this section" not in page and "This version is published and read-only." in page


def test_a_member_cannot_approve_their_own_organisations_charter(cast, client_for, charter):
    Charter.objects.filter(pk=charter.pk).update(state=DocumentState.SUBMITTED)
    assert _post(client_for("head_a"), "charter_approve", charter).status_code == 403
    assert _state(charter) == DocumentState.SUBMITTED


def test_evaluators_do_not_see_unsubmitted_charters(cast, client_for, charter):
    assert client_for("evaluator_a").get(_url("charter_detail", cast.org_a.pk, charter.pk)).status_code == 404
    listing = client_for("evaluator_a").get(_url("charter_list", cast.org_a.pk)).content.decode()
    assert "Version 1" not in listing


def test_the_index_lists_charters_waiting_for_review(cast, client_for, charter):
    other = complete_charter(cast.org_b)
    Charter.objects.filter(pk__in=[charter.pk, other.pk]).update(state=DocumentState.SUBMITTED)
    page = client_for("evaluator_a").get(_url("index")).content.decode()
    assert "Waiting for your review" in page
    assert f'Review<span class="visually-hidden"> — charter of {cast.org_a.name}' in page
    assert f"charter of {cast.org_b.name}" not in page
    lead = client_for("lead").get(_url("index")).content.decode()
    assert f"charter of {cast.org_a.name}" in lead and f"charter of {cast.org_b.name}" in lead
    rep = client_for("rep_a").get(_url("index")).content.decode()
    assert "Waiting for your review" not in rep and cast.org_a.name in rep and cast.org_b.name not in rep


def test_the_index_hides_drafts_from_reviewers(cast, client_for, charter):
    assert "charter in progress of" in client_for("rep_a").get(_url("index")).content.decode()
    assert "charter in progress of" not in client_for("evaluator_a").get(_url("index")).content.decode()


@pytest.mark.parametrize(
    "state,role,kind",
    [
        ("draft", "head_a", "Charter waiting for sign-off"),
        ("signed_off", "rep_a", "Charter to submit for review"),
        ("changes_requested", "rep_a", "Changes requested on the charter"),
        ("approved", "rep_a", "Approved charter to publish"),
        ("submitted", "evaluator_a", "Charter waiting for review"),
        ("submitted", "lead", "Charter waiting for review"),
    ],
)
def test_my_work_items(cast, charter, state, role, kind):
    Charter.objects.filter(pk=charter.pk).update(state=state)
    items = [item for item in todo_for(cast.user(role)) if item.kind == kind]
    assert len(items) == 1 and items[0].url == _url("charter_detail", cast.org_a.pk, charter.pk)
    for other in ("staff_a", "rep_b", "evaluator_b"):
        assert not [item for item in todo_for(cast.user(other)) if "harter" in item.kind]


def test_changes_can_only_be_requested_on_a_submitted_charter(cast, client_for, charter):
    Charter.objects.filter(pk=charter.pk).update(state=DocumentState.APPROVED)
    response = _post(client_for("evaluator_a"), "charter_request_changes", charter, {"general": "Late"}, follow=True)
    assert "This has been approved and is waiting to be published." in response.content.decode()
    assert _state(charter) == DocumentState.APPROVED and not ReviewComment.objects.exists()
