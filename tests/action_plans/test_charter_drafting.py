"""Drafting a charter: starting versions, saving sections, the standards it promises; bad input changes nothing."""

import pytest
from django.urls import reverse

from action_plans.models import Charter, CharterSection, CharterStandard, DocumentState
from action_plans.services.charters import SECTION_ORDER
from action_plans.services.lifecycle import (
    document_approve,
    document_publish,
    document_sign_off,
    document_submit,
)
from organisations.models import AuditEvent
from tests.action_plans.factories import CharterFactory, charter_sections, complete_charter
from tests.standards.factories import ServiceStandardFactory


def _url(name, *args):
    return reverse(f"workspace:action_plans:{name}", args=args)


def _published(cast, charter):
    document_sign_off(actor=cast.head_a, document=charter)
    document_submit(actor=cast.rep_a, document=charter)
    document_approve(actor=cast.evaluator_a, document=charter)
    return document_publish(actor=cast.rep_a, document=charter)


def _save(client, section, preview=False, **fields):
    data = {f"section-{section.pk}-{name}": value for name, value in fields.items()}
    if preview:
        data["preview"] = "1"
    data.setdefault(f"section-{section.pk}-edit_version", str(section.edit_version))
    return client.post(_url("charter_section_save", section.charter.organisation_id, section.pk), data)


# --- starting versions ---------------------------------------------------------------------------------------


def test_start_the_charter_creates_version_one_with_every_section_in_order(cast, client_for):
    client = client_for("rep_a")
    response = client.post(_url("charter_start", cast.org_a.pk))
    charter = Charter.objects.get(organisation=cast.org_a)
    assert response.status_code == 302 and response["Location"] == _url("charter_detail", cast.org_a.pk, charter.pk)
    assert charter.number == 1 and charter.state == DocumentState.DRAFT and charter.created_by == cast.rep_a
    sections = list(charter.sections.order_by("position").values_list("kind", "principle"))
    assert sections == [(kind, principle) for kind, principle in SECTION_ORDER]
    assert len(sections) == 19 and sections[0] == ("about", "") and sections[-1] == ("reporting", "")
    assert AuditEvent.objects.filter(verb="charter.start").count() == 1


def test_starting_twice_gives_one_version_and_a_clear_message(cast, client_for):
    client = client_for("rep_a")
    client.post(_url("charter_start", cast.org_a.pk))
    response = client.post(_url("charter_start", cast.org_a.pk), follow=True)
    assert Charter.objects.filter(organisation=cast.org_a).count() == 1
    assert "Version 1 of the charter is still open" in response.content.decode()


def test_a_new_version_copies_the_published_one(cast, client_for):
    published = _published(cast, complete_charter(cast.org_a))
    section = published.sections.get(kind="contact")
    CharterSection.objects.filter(pk=section.pk).update(body_ga="Glaoigh orainn.")
    client = client_for("rep_a")
    client.post(_url("charter_new_version", cast.org_a.pk))
    client.post(_url("charter_new_version", cast.org_a.pk))  # a double click starts one version only
    draft = Charter.objects.get(organisation=cast.org_a, state=DocumentState.DRAFT)
    assert Charter.objects.filter(organisation=cast.org_a).count() == 2
    assert draft.number == 2 and draft.based_on == published
    assert [(s.kind, s.principle, s.body) for s in draft.sections.all()] == [
        (s.kind, s.principle, s.body) for s in published.sections.all()
    ]
    assert draft.sections.get(kind="contact").body_ga == "Glaoigh orainn."
    assert list(draft.standards.values_list("standard_id", "wording")) == list(
        published.standards.values_list("standard_id", "wording")
    )
    page = client.get(_url("charter_detail", cast.org_a.pk, draft.pk)).content.decode()
    assert "Unchanged since version 1." in page


def test_no_new_version_without_a_published_one(cast, client_for):
    response = client_for("rep_a").post(_url("charter_new_version", cast.org_a.pk), follow=True)
    assert "There is no published charter" in response.content.decode()
    assert not Charter.objects.exists()


def test_the_list_offers_the_right_button(cast, client_for):
    client = client_for("rep_a")
    assert "Start the charter" in client.get(_url("charter_list", cast.org_a.pk)).content.decode()
    _published(cast, complete_charter(cast.org_a))
    page = client.get(_url("charter_list", cast.org_a.pk)).content.decode()
    assert "Start a new version" in page and "Start the charter" not in page
    page = client_for("staff_a").get(_url("charter_list", cast.org_a.pk)).content.decode()
    assert "Start a new version" not in page and "Version 1" in page


# --- sections ------------------------------------------------------------------------------------------------


@pytest.fixture
def draft(cast):
    charter = CharterFactory(organisation=cast.org_a)
    charter_sections(charter, filled=False)
    return charter


def test_saving_a_section(cast, client_for, draft):
    section = draft.sections.get(kind="about")
    response = _save(client_for("rep_a"), section, body="We collect taxes.", body_ga="Bailímid cánacha.")
    assert response.status_code == 302 and response["Location"].endswith("#section-about")
    section.refresh_from_db()
    assert (section.body, section.body_ga, section.edit_version) == ("We collect taxes.", "Bailímid cánacha.", 1)
    assert AuditEvent.objects.filter(verb="charter.section_save").count() == 1


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"body": "   "}, "Write the section&#x27;s text before saving it."),
        ({"body": "x" * 20001}, "Ensure this value has at most 20000 characters"),
        ({"body": "ok", "body_ga": "x" * 20001}, "Ensure this value has at most 20000 characters"),
    ],
)
def test_an_empty_or_oversized_section_is_refused_and_the_text_kept(cast, client_for, draft, fields, message):
    section = draft.sections.get(kind="complaints")
    response = _save(client_for("rep_a"), section, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    section.refresh_from_db()
    assert section.body == "" and section.edit_version == 0


def test_a_principle_not_applicable_needs_a_reason(cast, client_for, draft):
    section = draft.sections.get(principle="languages")
    client = client_for("rep_a")
    response = _save(client, section, not_applicable="on")
    assert "Say why this principle does not apply." in response.content.decode()
    section.refresh_from_db()
    assert not section.not_applicable
    _save(client, section, not_applicable="on", not_applicable_reason="We only have one office in Dublin.")
    section.refresh_from_db()
    assert section.not_applicable and section.not_applicable_reason == "We only have one office in Dublin."


def test_script_in_markdown_is_rendered_harmless(cast, client_for, draft):
    section = draft.sections.get(kind="about")
    client = client_for("rep_a")
    body = "Hello <script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>"
    _save(client, section, body=body)
    preview = client.post(
        _url("charter_section_save", cast.org_a.pk, section.pk),
        {f"section-{section.pk}-body": body, f"section-{section.pk}-edit_version": "1", "preview": "1"},
        headers={"X-Requested-With": "fetch"},
    ).content.decode()
    assert "Hello" in preview and "<script>" not in preview and 'href="javascript:' not in preview
    editing = client.get(_url("charter_detail", cast.org_a.pk, draft.pk)).content.decode()
    assert "<script>alert" not in editing and "<img src=x" not in editing  # the form holds the text escaped
    page = client_for("staff_a").get(_url("charter_detail", cast.org_a.pk, draft.pk)).content.decode()
    shown = page.split('class="charter-text"')[1]
    assert "Hello" in shown
    assert "<script>alert" not in page and 'href="javascript:' not in page and "<img src=x" not in page


def test_a_stale_save_is_refused_and_both_texts_are_on_the_page(cast, client_for, draft):
    section = draft.sections.get(kind="contact")
    first = client_for("rep_a")
    _save(first, section, body="Call 01 234 5678.")
    response = _save(first, section, body="Write to us at Main Street.")  # loaded before the first save
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this section while you were editing it." in page
    assert "Write to us at Main Street." in page  # the typed text is still in the form
    assert "Call 01 234 5678." in page  # and the saved one is shown to compare
    section.refresh_from_db()
    assert section.body == "Call 01 234 5678." and section.edit_version == 1
    assert f'name="section-{section.pk}-edit_version" value="1"' in page  # a second save goes through
    _save(first, section, body="Write to us at Main Street.", edit_version="1")
    section.refresh_from_db()
    assert section.body == "Write to us at Main Street." and section.edit_version == 2


def test_preview_without_javascript_shows_the_page_and_saves_nothing(cast, client_for, draft):
    section = draft.sections.get(kind="feedback")
    response = _save(client_for("rep_a"), section, body="Tell us **what you think**.", preview=True)
    assert response.status_code == 200
    assert "<strong>what you think</strong>" in response.content.decode()
    section.refresh_from_db()
    assert section.body == ""


def test_a_section_of_another_organisation_is_not_found(cast, client_for):
    other = CharterFactory(organisation=cast.org_b)
    section = charter_sections(other, filled=False)[0]
    client = client_for("rep_a")
    data = {f"section-{section.pk}-body": "Forged", f"section-{section.pk}-edit_version": "0"}
    assert client.post(_url("charter_section_save", cast.org_a.pk, section.pk), data).status_code == 404
    assert client.post(_url("charter_section_save", cast.org_b.pk, section.pk), data).status_code == 404
    section.refresh_from_db()
    assert section.body == ""


def test_a_published_section_is_read_only(cast, client_for):
    published = _published(cast, complete_charter(cast.org_a))
    section = published.sections.get(kind="about")
    client = client_for("rep_a")
    response = _save(client, section, body="Changed after publishing")
    assert "This version is published and read-only." in response.content.decode()
    section.refresh_from_db()
    assert section.body != "Changed after publishing"
    page = client.get(_url("charter_detail", cast.org_a.pk, published.pk)).content.decode()
    assert "Save this section" not in page and "Add the standard" not in page


def test_members_who_do_not_draft_see_no_forms(cast, client_for, draft):
    page = client_for("staff_a").get(_url("charter_detail", cast.org_a.pk, draft.pk)).content.decode()
    assert "Save this section" not in page and "No text yet." in page


# --- standards -----------------------------------------------------------------------------------------------


def _add(client, charter, standard_pk, wording="We answer letters within 20 days."):
    return client.post(
        _url("charter_standard_add", charter.organisation_id, charter.pk),
        {"add-standard-standard": str(standard_pk), "add-standard-wording": wording},
    )


def test_adding_rewording_and_removing_a_standard(cast, client_for, draft):
    standard = ServiceStandardFactory(organisation=cast.org_a, code="LETTERS")
    client = client_for("rep_a")
    assert _add(client, draft, standard.pk).status_code == 302
    item = CharterStandard.objects.get(charter=draft)
    page = client.get(_url("charter_detail", cast.org_a.pk, draft.pk)).content.decode()
    assert "We answer letters within 20 days." in page and "No accepted result yet." in page
    edit = _url("charter_standard_edit", cast.org_a.pk, item.pk)
    client.post(edit, {f"standard-{item.pk}-wording": "Within 15 days."})
    item.refresh_from_db()
    assert item.wording == "Within 15 days."
    client.post(_url("charter_standard_remove", cast.org_a.pk, item.pk))
    assert not CharterStandard.objects.exists()


def test_a_forged_standard_of_another_organisation_is_refused(cast, client_for, draft):
    foreign = ServiceStandardFactory(organisation=cast.org_b)
    response = _add(client_for("rep_a"), draft, foreign.pk)
    assert response.status_code == 200
    assert "Choose one of this organisation&#x27;s own service standards." in response.content.decode()
    assert not CharterStandard.objects.exists()
    response = _add(client_for("rep_a"), draft, "not-a-number")
    assert response.status_code == 200 and not CharterStandard.objects.exists()


def test_the_same_standard_twice_is_refused(cast, client_for, draft):
    standard = ServiceStandardFactory(organisation=cast.org_a)
    client = client_for("rep_a")
    _add(client, draft, standard.pk)
    response = _add(client, draft, standard.pk)
    assert "already in the charter" in response.content.decode()
    assert CharterStandard.objects.count() == 1


def test_a_standard_shows_its_latest_accepted_result_and_status(cast, client_for, draft):
    from standards.models import MetricReturn
    from tests.standards.factories import MetricReturnFactory, standard_with_target

    standard = standard_with_target(cast.org_a)
    CharterStandard.objects.create(charter=draft, standard=standard, position=1, wording="Calls answered fast.")
    metric_return = MetricReturnFactory(organisation=cast.org_a, state="accepted")
    MetricReturn.objects.filter(pk=metric_return.pk).update(is_current=True)
    from standards.models import MetricValue

    MetricValue.objects.create(metric_return=metric_return, standard=standard, value=90, numerator=90, denominator=100)
    page = client_for("rep_a").get(_url("charter_detail", cast.org_a.pk, draft.pk)).content.decode()
    assert "Latest accepted result: 90" in page
    assert metric_return.period.label in page


def test_the_live_preview_refuses_oversized_text(cast, client_for, draft):
    section = draft.sections.get(kind="about")
    response = client_for("rep_a").post(
        _url("charter_section_save", cast.org_a.pk, section.pk),
        {f"section-{section.pk}-body": "x" * 20001, f"section-{section.pk}-edit_version": "0", "preview": "1"},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 400 and "at most 20000 characters" in response.content.decode()
