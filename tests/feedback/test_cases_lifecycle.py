"""The case life cycle per role, through the services and the views: double submit safe, audited."""

import pytest
from django.core import mail
from django.urls import reverse

from common.errors import ServiceError
from feedback.models import CaseCategory, CaseChannel, CaseMessage, CaseState, MessageDirection
from feedback.services import cases as services
from organisations.models import AuditEvent
from organisations.system import system_actor

from .factories import CaseFactory, ServicePointFactory

pytestmark = pytest.mark.django_db


def _url(name, case):
    return reverse(f"workspace:feedback:{name}", kwargs={"organisation_pk": case.organisation_id, "pk": case.pk})


def test_full_life_cycle_as_the_complaints_officer(cast):
    case = CaseFactory(organisation=cast.org_a)
    officer = cast.complaints_a
    case = services.case_acknowledge(actor=officer, case=case)
    assert case.state == CaseState.ACKNOWLEDGED and case.acknowledged_at
    case = services.case_start(actor=officer, case=case)
    assert case.state == CaseState.IN_PROGRESS and case.assigned_to == officer
    case = services.case_resolve(actor=officer, case=case, resolution="  Refund made.  ")
    assert case.state == CaseState.RESOLVED and case.resolution == "Refund made." and case.resolved_at
    case = services.case_close(actor=officer, case=case)
    assert case.state == CaseState.CLOSED and case.closed_at
    verbs = list(
        AuditEvent.objects.filter(target_id=str(case.pk), target_type="feedback.case").values_list("verb", flat=True)
    )
    assert {"case.acknowledge", "case.start", "case.resolve", "case.close"} <= set(verbs)


@pytest.mark.parametrize("role", ["rep_a", "staff_a", "rep_b", "admin", "lead", "evaluator_a"])
def test_others_cannot_move_a_case(cast, role):
    case = CaseFactory(organisation=cast.org_a)
    with pytest.raises(ServiceError):
        services.case_acknowledge(actor=cast.user(role), case=case)
    case.refresh_from_db()
    assert case.state == CaseState.RECEIVED


def test_complaints_officer_cannot_touch_a_conduct_report(cast):
    case = CaseFactory(organisation=cast.org_a, category=CaseCategory.CONDUCT)
    for call in (
        lambda: services.case_acknowledge(actor=cast.complaints_a, case=case),
        lambda: services.case_add_note(actor=cast.complaints_a, case=case, text="x"),
        lambda: services.case_message_reporter(actor=cast.complaints_a, case=case, text="x"),
    ):
        with pytest.raises(ServiceError):
            call()
    services.case_acknowledge(actor=cast.head_a, case=case)


def test_double_acknowledge_is_refused_with_a_message_and_changes_nothing(cast):
    case = CaseFactory(organisation=cast.org_a)
    services.case_acknowledge(actor=cast.head_a, case=case)
    before = AuditEvent.objects.count()
    with pytest.raises(ServiceError, match="already been acknowledged"):
        services.case_acknowledge(actor=cast.head_a, case=case)
    assert AuditEvent.objects.count() == before


def test_wrong_order_is_refused(cast):
    case = CaseFactory(organisation=cast.org_a)
    with pytest.raises(ServiceError):
        services.case_close(actor=cast.head_a, case=case)
    with pytest.raises(ServiceError):
        services.case_resolve(actor=cast.head_a, case=case, resolution="x")  # not acknowledged yet


def test_resolve_needs_a_resolution(cast):
    case = CaseFactory(organisation=cast.org_a, state=CaseState.IN_PROGRESS)
    with pytest.raises(ServiceError):
        services.case_resolve(actor=cast.head_a, case=case, resolution="   ")
    case.refresh_from_db()
    assert case.state == CaseState.IN_PROGRESS


def test_escalated_cases_can_still_be_handled(cast):
    case = CaseFactory(organisation=cast.org_a)
    assert (
        services.case_escalate(actor=system_actor(), case=case, reason="not_acknowledged").state == CaseState.ESCALATED
    )
    case = services.case_acknowledge(actor=cast.head_a, case=case)
    assert case.state == CaseState.ACKNOWLEDGED
    services.case_escalate(actor=system_actor(), case=case, reason="not_resolved")
    case = services.case_resolve(actor=cast.head_a, case=case, resolution="Done")
    assert case.state == CaseState.RESOLVED


def test_only_the_system_escalates(cast):
    case = CaseFactory(organisation=cast.org_a)
    assert services.case_escalate(actor=cast.head_a, case=case, reason="x") is None
    case.refresh_from_db()
    assert case.state == CaseState.RECEIVED


def test_message_to_the_reporter_is_e_mailed_when_they_gave_an_address(cast, django_capture_on_commit_callbacks):
    case = CaseFactory(organisation=cast.org_a, reporter_email="pat@example.org", reporter_name="Pat")
    with django_capture_on_commit_callbacks(execute=True):
        services.case_message_reporter(actor=cast.complaints_a, case=case, text="Could you tell us the date?")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["pat@example.org"]
    assert "Could you tell us the date?" in mail.outbox[0].body
    assert case.messages.get().direction == MessageDirection.TO_REPORTER


def test_message_to_an_anonymous_reporter_is_not_e_mailed(cast, django_capture_on_commit_callbacks):
    case = CaseFactory(organisation=cast.org_a, is_anonymous=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_message_reporter(actor=cast.complaints_a, case=case, text="Hello")
    assert mail.outbox == []


def test_internal_note_is_kept_internal(cast):
    case = CaseFactory(organisation=cast.org_a)
    services.case_add_note(actor=cast.head_a, case=case, text="Check CCTV")
    assert CaseMessage.objects.get(case=case).direction == MessageDirection.INTERNAL


def test_assign_only_to_someone_who_may_see_the_case(cast):
    case = CaseFactory(organisation=cast.org_a, category=CaseCategory.CONDUCT)
    with pytest.raises(ServiceError):
        services.case_assign(actor=cast.head_a, case=case, officer=cast.complaints_a)
    case = CaseFactory(organisation=cast.org_a)
    assert (
        services.case_assign(actor=cast.head_a, case=case, officer=cast.complaints_a).assigned_to == cast.complaints_a
    )
    with pytest.raises(ServiceError):
        services.case_assign(actor=cast.head_a, case=case, officer=cast.staff_a)


def test_log_a_contact_from_another_channel(cast, client):
    point = ServicePointFactory(organisation=cast.org_a)
    client.force_login(cast.complaints_a)
    url = reverse("workspace:feedback:case_log", kwargs={"organisation_pk": cast.org_a.pk})
    response = client.post(
        url,
        {
            "channel": CaseChannel.PHONE,
            "category": CaseCategory.COMPLAINT,
            "service_point": point.pk,
            "description": "Rang about a delay.",
            "reporter_name": "Pat",
            "reporter_phone": "01 234",
        },
    )
    assert response.status_code == 200
    case = cast.org_a.cases.get()
    assert case.channel == CaseChannel.PHONE and case.logged_by == cast.complaints_a
    assert case.acknowledge_by and case.resolve_by
    assert response.context["receipt"].startswith(case.reference + "-")
    assert response.context["receipt"] not in case.receipt_hash


def test_log_a_contact_refuses_the_red_button_channel_and_another_organisations_point(cast, client):
    client.force_login(cast.complaints_a)
    url = reverse("workspace:feedback:case_log", kwargs={"organisation_pk": cast.org_a.pk})
    point_b = ServicePointFactory(organisation=cast.org_b)
    for data in (
        {"channel": CaseChannel.RED_BUTTON, "category": "complaint", "description": "x"},
        {"channel": "phone", "category": "complaint", "description": "x", "service_point": point_b.pk},
        {"channel": "phone", "category": "nonsense", "description": "x"},
    ):
        assert client.post(url, data).status_code == 200
    assert not cast.org_a.cases.exists()


def test_anonymous_logged_contact_keeps_no_contact(cast, client):
    client.force_login(cast.head_a)
    url = reverse("workspace:feedback:case_log", kwargs={"organisation_pk": cast.org_a.pk})
    client.post(
        url,
        {
            "channel": "letter",
            "category": "conduct",
            "description": "x",
            "is_anonymous": "on",
            "reporter_name": "Pat",
            "reporter_email": "pat@example.org",
        },
    )
    case = cast.org_a.cases.get()
    assert case.is_anonymous and not case.reporter_name and not case.reporter_email


def test_views_act_and_a_second_click_gets_a_message(cast, client):
    case = CaseFactory(organisation=cast.org_a)
    client.force_login(cast.complaints_a)
    assert client.post(_url("case_acknowledge", case)).status_code == 302
    response = client.post(_url("case_acknowledge", case), follow=True)
    assert "already been acknowledged" in response.text
    client.post(_url("case_start", case))
    response = client.post(_url("case_resolve", case), {"resolve-resolution": ""})
    assert response.status_code == 200 and "This field is required" in response.text
    client.post(_url("case_resolve", case), {"resolve-resolution": "Sorted"})
    client.post(_url("case_close", case))
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    page = client.get(_url("case_detail", case))
    assert "Closed" in page.text and "Work started" in page.text  # the timeline


def test_case_page_shows_buttons_by_state(cast, client):
    case = CaseFactory(organisation=cast.org_a)
    client.force_login(cast.head_a)
    page = client.get(_url("case_detail", case)).text
    assert _url("case_acknowledge", case) in page and _url("case_close", case) not in page


def test_inbox_filters(cast, client):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    late = CaseFactory(organisation=cast.org_a, acknowledge_by=today - datetime.timedelta(days=1))
    phone = CaseFactory(organisation=cast.org_a, channel=CaseChannel.PHONE)
    letter = CaseFactory(organisation=cast.org_a, channel=CaseChannel.LETTER, state=CaseState.RESOLVED)
    client.force_login(cast.head_a)
    url = reverse("workspace:feedback:case_list", kwargs={"organisation_pk": cast.org_a.pk})
    assert set(client.get(url, {"overdue": "on"}).context["cases"]) == {late}
    assert set(client.get(url, {"channel": "letter"}).context["cases"]) == {letter}
    assert set(client.get(url, {"state": "received"}).context["cases"]) == {late, phone}
    assert set(client.get(url, {"state": "nonsense"}).context["cases"]) == {late, phone, letter}


def test_photos_only_through_the_access_checked_view(cast, client):
    from .factories import case_photo

    photo = case_photo(CaseFactory(organisation=cast.org_a, category=CaseCategory.CONDUCT))
    url = reverse("workspace:feedback:case_photo", kwargs={"organisation_pk": cast.org_a.pk, "pk": photo.pk})
    client.force_login(cast.complaints_a)
    assert client.get(url).status_code == 404
    client.force_login(cast.head_a)
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
