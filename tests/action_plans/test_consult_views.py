"""Workspace pages for consultations and comment periods: the representative's journey and bad input."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from action_plans.models import CommentPeriod, CommentStatus, Consultation, DocumentState
from tests.action_plans.factories import (
    CharterFactory,
    ConsultationFactory,
    PublicCommentFactory,
    charter_sections,
    complete_plan,
    draft_with_period,
)

TODAY = timezone.localdate()


def url(name, cast, **kwargs):
    return reverse(f"workspace:action_plans:{name}", kwargs={"organisation_pk": cast.org_a.pk, **kwargs})


def form_data(**overrides):
    return {
        "title": "Counter survey",
        "method": "survey",
        "audience": "customers",
        "participants": "Visitors",
        "participant_count": "40",
        "starts_on": "2026-03-01",
        "ends_on": "2026-03-31",
        "findings": "Longer opening hours.",
        **overrides,
    }


@pytest.fixture
def draft(cast):
    charter = CharterFactory(organisation=cast.org_a)
    charter_sections(charter)
    return charter


class TestConsultationPages:
    def test_rep_records_a_consultation_linked_to_a_section_and_an_action(self, cast, client_for, draft):
        section = draft.sections.get(kind="complaints")
        action = complete_plan(cast.org_a).actions.first()
        client = client_for("rep_a")
        page = client.get(url("consultation_create", cast))
        assert page.status_code == 200 and str(section) in page.content.decode()
        response = client.post(
            url("consultation_create", cast),
            form_data(informed_sections=[section.pk], informed_actions=[action.pk]),
        )
        consultation = Consultation.objects.get()
        assert response.status_code == 302
        assert response["Location"] == url("consultation_detail", cast, pk=consultation.pk)
        detail = client.get(response["Location"]).content.decode()
        assert str(section) in detail and action.objective in detail

    def test_a_forged_section_id_gives_a_clear_message_and_keeps_the_input(self, cast, client_for, draft):
        forged = charter_sections(CharterFactory(organisation=cast.org_b))[0]
        response = client_for("rep_a").post(
            url("consultation_create", cast), form_data(title="Kept title", informed_sections=[forged.pk])
        )
        assert response.status_code == 200
        content = response.content.decode()
        assert "not part of a current charter" in content and "Kept title" in content
        assert not Consultation.objects.exists()

    @pytest.mark.parametrize("bad", [{"informed_sections": ["abc"]}, {"ends_on": "2026-02-01"}, {"findings": ""}])
    def test_bad_input_is_shown_again(self, cast, client_for, bad):
        response = client_for("rep_a").post(url("consultation_create", cast), form_data(**bad))
        assert response.status_code == 200 and "There is a problem" in response.content.decode()
        assert not Consultation.objects.exists()

    def test_edit(self, cast, client_for):
        consultation = ConsultationFactory(organisation=cast.org_a)
        response = client_for("rep_a").post(url("consultation_edit", cast, pk=consultation.pk), form_data())
        assert response.status_code == 302
        consultation.refresh_from_db()
        assert consultation.title == "Counter survey"

    def test_a_consultation_cited_by_a_published_charter_cannot_be_edited(self, cast, client_for, draft):
        consultation = ConsultationFactory(organisation=cast.org_a, title="Original")
        consultation.informed_sections.add(draft.sections.first())
        type(draft).objects.filter(pk=draft.pk).update(state=DocumentState.PUBLISHED)
        client = client_for("rep_a")
        response = client.post(url("consultation_edit", cast, pk=consultation.pk), form_data(), follow=True)
        assert "can no longer be changed" in response.content.decode()
        consultation.refresh_from_db()
        assert consultation.title == "Original"
        detail = client.get(url("consultation_detail", cast, pk=consultation.pk)).content.decode()
        assert url("consultation_edit", cast, pk=consultation.pk) not in detail

    def test_staff_read_but_do_not_manage(self, cast, client_for):
        consultation = ConsultationFactory(organisation=cast.org_a)
        client = client_for("staff_a")
        listing = client.get(url("consultation_list", cast)).content.decode()
        assert consultation.title in listing and url("consultation_create", cast) not in listing
        assert client.get(url("consultation_edit", cast, pk=consultation.pk)).status_code == 403

    def test_another_organisations_consultation_is_404_whatever_the_url(self, cast, client_for):
        theirs = ConsultationFactory(organisation=cast.org_b)
        client = client_for("rep_a")
        assert client.get(url("consultation_detail", cast, pk=theirs.pk)).status_code == 404
        assert client.post(url("consultation_edit", cast, pk=theirs.pk), form_data()).status_code == 404
        theirs.refresh_from_db()
        assert theirs.title != "Counter survey"

    def test_the_section_include_lists_the_consultations_that_informed_it(self, cast, draft):
        section = draft.sections.first()
        consultation = ConsultationFactory(organisation=cast.org_a, title="Panel of March")
        consultation.informed_sections.add(section)
        html = render_to_string("action_plans/includes/section_consultations.html", {"item": section})
        assert "Panel of March" in html and url("consultation_detail", cast, pk=consultation.pk) in html
        assert (
            render_to_string(
                "action_plans/includes/section_consultations.html", {"item": draft.sections.last()}
            ).strip()
            == ""
        )

    def test_the_charter_and_plan_pages_show_what_informed_each_section_and_action(self, cast, client_for, draft):
        section = draft.sections.get(kind="complaints")
        plan = complete_plan(cast.org_a)
        action = plan.actions.first()
        consultation = ConsultationFactory(organisation=cast.org_a, title="Panel of March")
        consultation.informed_sections.add(section)
        consultation.informed_actions.add(action)
        client = client_for("rep_a")
        link = url("consultation_detail", cast, pk=consultation.pk)
        for page in (url("charter_detail", cast, pk=draft.pk), url("plan_detail", cast, pk=plan.pk)):
            html = client.get(page).content.decode()
            assert html.count("Informed by:") == 1 and "Panel of March" in html and link in html


class TestLinksIntoUnsubmittedVersions:
    """The consultation page links only into charter and plan versions the reader may see (access.is_visible_to)."""

    @pytest.fixture
    def linked(self, cast, draft):
        plan = complete_plan(cast.org_a)
        consultation = ConsultationFactory(organisation=cast.org_a)
        consultation.informed_sections.add(draft.sections.get(kind="complaints"))
        consultation.informed_actions.add(plan.actions.first())
        return consultation, draft, plan

    def _page(self, client, cast, consultation):
        response = client.get(url("consultation_detail", cast, pk=consultation.pk))
        assert response.status_code == 200
        return response.content.decode()

    @pytest.mark.parametrize("state", [DocumentState.DRAFT, DocumentState.SIGNED_OFF])
    def test_the_evaluator_sees_no_link_into_an_unsubmitted_version(self, cast, client_for, linked, state):
        consultation, charter, plan = linked
        type(charter).objects.filter(pk=charter.pk).update(state=state)
        type(plan).objects.filter(pk=plan.pk).update(state=state)
        page = self._page(client_for("evaluator_a"), cast, consultation)
        assert "Charter version 1" not in page and "Plan version 1" not in page
        assert plan.actions.first().objective not in page
        assert "No charter sections linked." in page and "No plan actions linked." in page

    def test_the_evaluator_sees_the_links_once_submitted(self, cast, client_for, linked):
        consultation, charter, plan = linked
        type(charter).objects.filter(pk=charter.pk).update(state=DocumentState.SUBMITTED)
        type(plan).objects.filter(pk=plan.pk).update(state=DocumentState.SUBMITTED)
        page = self._page(client_for("evaluator_a"), cast, consultation)
        assert "Charter version 1" in page and "How to complain" in page
        assert "Plan version 1" in page and plan.actions.first().objective in page

    @pytest.mark.parametrize("role", ["rep_a", "staff_a", "admin"])
    def test_members_and_administrators_see_links_into_drafts(self, cast, client_for, linked, role):
        consultation, _charter, plan = linked
        page = self._page(client_for(role), cast, consultation)
        assert "Charter version 1" in page and "Plan version 1" in page
        assert plan.actions.first().objective in page


class TestCommentPeriodPages:
    def test_open_a_period_then_see_the_link_and_qr_code(self, cast, client_for, draft):
        client = client_for("rep_a")
        response = client.post(
            url("comment_period_open", cast), {"starts_on": TODAY.isoformat(), "ends_on": TODAY.isoformat()}
        )
        period = CommentPeriod.objects.get()
        assert response["Location"] == url("comment_period_detail", cast, pk=period.pk)
        page = client.get(response["Location"]).content.decode()
        assert reverse("charters:comment_page", args=[period.token]) in page
        assert "<svg" in page and "Download PNG" in page

    def test_double_submit_opens_one_period(self, cast, client_for, draft):
        client = client_for("rep_a")
        data = {"starts_on": TODAY.isoformat(), "ends_on": TODAY.isoformat()}
        client.post(url("comment_period_open", cast), data)
        response = client.post(url("comment_period_open", cast), data)
        assert response.status_code == 200 and "already open" in response.content.decode()
        assert CommentPeriod.objects.count() == 1

    def test_without_a_draft_the_page_says_so(self, cast, client_for):
        response = client_for("rep_a").get(url("comment_period_open", cast))
        assert "no draft charter" in response.content.decode()

    @pytest.mark.parametrize(("kind", "content_type"), [("png", "image/png"), ("svg", "image/svg+xml")])
    def test_qr_downloads(self, cast, client_for, kind, content_type):
        period = draft_with_period(cast.org_a)
        response = client_for("rep_a").get(url("comment_period_qr", cast, pk=period.pk, kind=kind))
        assert response.status_code == 200 and response["Content-Type"] == content_type
        assert "attachment" in response["Content-Disposition"]

    def test_an_unknown_qr_format_is_404(self, cast, client_for):
        period = draft_with_period(cast.org_a)
        assert client_for("rep_a").get(url("comment_period_qr", cast, pk=period.pk, kind="gif")).status_code == 404

    def test_another_organisations_period_is_404(self, cast, client_for):
        theirs = draft_with_period(cast.org_b)
        assert client_for("rep_a").get(url("comment_period_detail", cast, pk=theirs.pk)).status_code == 404


class TestModerationPages:
    def test_accept_and_link_a_section(self, cast, client_for):
        comment = PublicCommentFactory(period=draft_with_period(cast.org_a))
        section = comment.period.charter.sections.get(kind="appeals")
        client = client_for("rep_a")
        detail = client.get(url("comment_period_detail", cast, pk=comment.period.pk)).content.decode()
        assert comment.text in detail
        response = client.post(
            url("comment_moderate", cast, pk=comment.period.pk),
            {"comment": comment.pk, "decision": "accepted", "section": section.pk},
            follow=True,
        )
        assert "Comment accepted." in response.content.decode()
        comment.refresh_from_db()
        assert (comment.status, comment.section) == (CommentStatus.ACCEPTED, section)

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"comment": "x", "decision": "accepted"}, "Choose a comment"),
            ({"decision": "maybe"}, "Choose a comment"),
        ],
    )
    def test_bad_moderation_input(self, cast, client_for, data, message):
        comment = PublicCommentFactory(period=draft_with_period(cast.org_a))
        response = client_for("rep_a").post(url("comment_moderate", cast, pk=comment.period.pk), data, follow=True)
        assert message in response.content.decode()
        comment.refresh_from_db()
        assert comment.status == CommentStatus.PENDING

    def test_a_forged_comment_id_is_refused(self, cast, client_for):
        mine = draft_with_period(cast.org_a)
        theirs = PublicCommentFactory(period=draft_with_period(cast.org_b))
        response = client_for("rep_a").post(
            url("comment_moderate", cast, pk=mine.pk), {"comment": theirs.pk, "decision": "accepted"}, follow=True
        )
        assert "not one of this comment period" in response.content.decode()
        theirs.refresh_from_db()
        assert theirs.status == CommentStatus.PENDING

    def test_close_and_record_once(self, cast, client_for):
        period = draft_with_period(cast.org_a)
        PublicCommentFactory(period=period, status=CommentStatus.ACCEPTED, section=period.charter.sections.first())
        client = client_for("rep_a")
        assert client.get(url("comment_period_record", cast, pk=period.pk)).status_code == 200
        response = client.post(url("comment_period_record", cast, pk=period.pk), {"findings": "Clearer letters."})
        consultation = Consultation.objects.get()
        assert response["Location"] == url("consultation_detail", cast, pk=consultation.pk)
        again = client.post(url("comment_period_record", cast, pk=period.pk), {"findings": "Twice"}, follow=True)
        assert "already been closed and recorded" in again.content.decode()
        assert Consultation.objects.count() == 1 and consultation.participant_count == 1

    def test_pending_comments_block_the_record_with_a_message(self, cast, client_for):
        period = draft_with_period(cast.org_a)
        PublicCommentFactory(period=period)
        response = client_for("rep_a").post(url("comment_period_record", cast, pk=period.pk), {"findings": "x"})
        assert response.status_code == 200 and "every comment" in response.content.decode()
        assert not Consultation.objects.exists()
