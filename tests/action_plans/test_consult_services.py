"""Consultation and public comment services: links checked against the organisation, periods, moderation, record."""

import datetime

import pytest
from django.utils import timezone

from action_plans.models import (
    CommentPeriod,
    CommentStatus,
    Consultation,
    ConsultationMethod,
    DocumentState,
    PublicComment,
)
from action_plans.services.comments import (
    comment_moderate,
    comment_period_open,
    comment_period_record,
    public_comment_submit,
)
from action_plans.services.consultation import consultation_create, consultation_update, is_frozen
from common.errors import ServiceError
from organisations.models import AuditEvent
from tests.action_plans.factories import (
    CharterFactory,
    CommentPeriodFactory,
    ConsultationFactory,
    PublicCommentFactory,
    charter_sections,
    complete_plan,
    draft_with_period,
)

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def values(**overrides):
    return {
        "title": "Counter survey",
        "method": ConsultationMethod.SURVEY,
        "audience": "customers",
        "participants": "Visitors to the Cork office",
        "participant_count": 80,
        "starts_on": TODAY - 10 * DAY,
        "ends_on": TODAY - 2 * DAY,
        "findings": "People want an appointment system.",
        **overrides,
    }


@pytest.fixture
def draft(cast):
    charter = CharterFactory(organisation=cast.org_a)
    charter_sections(charter)
    return charter


def published(charter):
    type(charter).objects.filter(pk=charter.pk).update(state=DocumentState.PUBLISHED)
    charter.refresh_from_db()
    return charter


class TestConsultations:
    def test_create_links_sections_and_actions_both_ways_and_is_audited(self, cast, draft):
        plan = complete_plan(cast.org_a)
        section = draft.sections.get(kind="complaints")
        action = plan.actions.first()
        consultation = consultation_create(
            actor=cast.rep_a,
            organisation=cast.org_a,
            values=values(),
            section_ids=[section.pk],
            action_ids=[action.pk],
        )
        assert list(consultation.informed_sections.all()) == [section]
        assert list(section.consultations.all()) == [consultation]
        assert list(action.consultations.all()) == [consultation]
        event = AuditEvent.objects.get(verb="consultation.create")
        assert event.after["sections"] == [section.pk] and event.organisation == cast.org_a

    def test_end_before_start_is_refused(self, cast):
        with pytest.raises(ServiceError) as error:
            consultation_create(
                actor=cast.rep_a, organisation=cast.org_a, values=values(starts_on=TODAY, ends_on=TODAY - DAY)
            )
        assert error.value.field == "ends_on"
        assert not Consultation.objects.exists()

    def test_a_section_of_another_organisation_is_refused(self, cast, draft):
        other = CharterFactory(organisation=cast.org_b)
        forged = charter_sections(other)[0]
        with pytest.raises(ServiceError, match="not part of a current charter"):
            consultation_create(actor=cast.rep_a, organisation=cast.org_a, values=values(), section_ids=[forged.pk])
        assert not Consultation.objects.exists()

    def test_an_action_of_another_organisation_is_refused(self, cast):
        forged = complete_plan(cast.org_b).actions.first()
        with pytest.raises(ServiceError, match="not part of a current action plan"):
            consultation_create(actor=cast.rep_a, organisation=cast.org_a, values=values(), action_ids=[forged.pk])
        assert not Consultation.objects.exists()

    def test_a_section_of_a_superseded_charter_cannot_be_newly_linked(self, cast):
        old = CharterFactory(organisation=cast.org_a, state=DocumentState.SUPERSEDED)
        section = charter_sections(old)[0]
        with pytest.raises(ServiceError):
            consultation_create(actor=cast.rep_a, organisation=cast.org_a, values=values(), section_ids=[section.pk])

    def test_update_changes_the_record_and_is_audited(self, cast, draft):
        consultation = ConsultationFactory(organisation=cast.org_a)
        section = draft.sections.first()
        consultation_update(
            actor=cast.rep_a, consultation=consultation, values=values(title="Renamed"), section_ids=[section.pk]
        )
        consultation.refresh_from_db()
        assert consultation.title == "Renamed"
        assert list(consultation.informed_sections.all()) == [section]
        event = AuditEvent.objects.get(verb="consultation.update")
        assert event.before["title"] != event.after["title"]

    def test_a_consultation_cited_by_a_published_charter_is_frozen(self, cast, draft):
        consultation = ConsultationFactory(organisation=cast.org_a)
        consultation.informed_sections.add(draft.sections.first())
        assert not is_frozen(consultation)
        published(draft)
        assert is_frozen(consultation)
        with pytest.raises(ServiceError, match="published charter"):
            consultation_update(actor=cast.rep_a, consultation=consultation, values=values(title="Changed"))
        consultation.refresh_from_db()
        assert consultation.title != "Changed"


class TestCommentPeriods:
    def test_open_on_the_draft_is_audited(self, cast, draft):
        period = comment_period_open(actor=cast.rep_a, organisation=cast.org_a, starts_on=TODAY, ends_on=TODAY)
        assert period.charter == draft and len(period.token) >= 20
        assert AuditEvent.objects.filter(verb="comment_period.open", organisation=cast.org_a).exists()

    def test_no_draft_no_period(self, cast, draft):
        published(draft)
        with pytest.raises(ServiceError, match="no draft charter"):
            comment_period_open(actor=cast.rep_a, organisation=cast.org_a, starts_on=TODAY, ends_on=TODAY)
        assert not CommentPeriod.objects.exists()

    @pytest.mark.parametrize(
        ("starts_on", "ends_on"), [(TODAY, TODAY - DAY), (TODAY - 5 * DAY, TODAY - DAY)], ids=["reversed", "past"]
    )
    def test_bad_dates(self, cast, draft, starts_on, ends_on):
        with pytest.raises(ServiceError):
            comment_period_open(actor=cast.rep_a, organisation=cast.org_a, starts_on=starts_on, ends_on=ends_on)
        assert not CommentPeriod.objects.exists()

    def test_a_second_open_period_is_refused_double_submit(self, cast, draft):
        comment_period_open(actor=cast.rep_a, organisation=cast.org_a, starts_on=TODAY, ends_on=TODAY + DAY)
        with pytest.raises(ServiceError, match="already open"):
            comment_period_open(actor=cast.rep_a, organisation=cast.org_a, starts_on=TODAY, ends_on=TODAY + DAY)
        assert CommentPeriod.objects.count() == 1


class TestPublicComments:
    def test_an_open_period_takes_a_comment_on_a_section(self, cast):
        period = draft_with_period(cast.org_a)
        section = period.charter.sections.get(kind="contact")
        comment = public_comment_submit(period=period, text="  Open later on Thursdays. ", section_id=section.pk)
        assert comment.text == "Open later on Thursdays." and comment.section == section
        assert comment.status == CommentStatus.PENDING

    @pytest.mark.parametrize(
        ("starts", "ends", "message"),
        [(1, 5, "not opened yet"), (-5, -1, "closed")],
        ids=["not-yet-open", "after-the-end"],
    )
    def test_outside_the_dates_nothing_is_taken(self, cast, starts, ends, message):
        period = draft_with_period(cast.org_a, starts_on=TODAY + starts * DAY, ends_on=TODAY + ends * DAY)
        with pytest.raises(ServiceError, match=message):
            public_comment_submit(period=period, text="Hello")
        assert not PublicComment.objects.exists()

    def test_the_last_day_is_still_open(self, cast):
        period = draft_with_period(cast.org_a, starts_on=TODAY, ends_on=TODAY)
        public_comment_submit(period=period, text="Just in time")
        assert PublicComment.objects.count() == 1

    def test_a_recorded_period_or_a_published_charter_is_closed(self, cast):
        period = draft_with_period(cast.org_a)
        published(period.charter)
        with pytest.raises(ServiceError, match="closed"):
            public_comment_submit(period=period, text="Hello")
        assert not PublicComment.objects.exists()

    @pytest.mark.parametrize("text", ["", "   ", "x" * 5001], ids=["empty", "blank", "oversized"])
    def test_bad_text(self, cast, text):
        period = draft_with_period(cast.org_a)
        with pytest.raises(ServiceError) as error:
            public_comment_submit(period=period, text=text)
        assert error.value.field == "text"
        assert not PublicComment.objects.exists()

    def test_a_section_of_another_charter_is_refused(self, cast):
        period = draft_with_period(cast.org_a)
        other = charter_sections(CharterFactory(organisation=cast.org_b))[0]
        with pytest.raises(ServiceError, match="section of this draft"):
            public_comment_submit(period=period, text="Hello", section_id=other.pk)
        assert not PublicComment.objects.exists()

    def test_the_comment_model_has_no_address_or_user_agent(self):
        names = {field.name for field in PublicComment._meta.get_fields()}
        assert not {name for name in names if "ip" in name.split("_") or "agent" in name or "address" in name}
        assert "user" not in names and "author" not in names


class TestModeration:
    def test_accept_and_link_a_section_is_audited(self, cast):
        comment = PublicCommentFactory(period=draft_with_period(cast.org_a))
        section = comment.period.charter.sections.get(kind="feedback")
        comment_moderate(
            actor=cast.rep_a, period=comment.period, comment_id=comment.pk, decision="accepted", section_id=section.pk
        )
        comment.refresh_from_db()
        assert (comment.status, comment.section, comment.moderated_by) == ("accepted", section, cast.rep_a)
        assert AuditEvent.objects.get(verb="comment_period.moderate").after["section"] == section.pk

    def test_reject(self, cast):
        comment = PublicCommentFactory(period=draft_with_period(cast.org_a))
        comment_moderate(actor=cast.rep_a, period=comment.period, comment_id=comment.pk, decision="rejected")
        comment.refresh_from_db()
        assert comment.status == CommentStatus.REJECTED

    def test_a_comment_of_another_period_is_refused(self, cast):
        mine = draft_with_period(cast.org_a)
        theirs = PublicCommentFactory(period=draft_with_period(cast.org_b))
        with pytest.raises(ServiceError, match="not one of this comment period"):
            comment_moderate(actor=cast.rep_a, period=mine, comment_id=theirs.pk, decision="accepted")
        theirs.refresh_from_db()
        assert theirs.status == CommentStatus.PENDING

    def test_a_section_of_another_charter_is_refused(self, cast):
        comment = PublicCommentFactory(period=draft_with_period(cast.org_a))
        other = charter_sections(CharterFactory(organisation=cast.org_b))[0]
        with pytest.raises(ServiceError):
            comment_moderate(
                actor=cast.rep_a, period=comment.period, comment_id=comment.pk, decision="accepted", section_id=other.pk
            )
        comment.refresh_from_db()
        assert comment.status == CommentStatus.PENDING

    def test_an_unknown_decision_is_refused(self, cast):
        comment = PublicCommentFactory(period=draft_with_period(cast.org_a))
        with pytest.raises(ServiceError):
            comment_moderate(actor=cast.rep_a, period=comment.period, comment_id=comment.pk, decision="pending")


class TestRecord:
    def _moderated(self, cast):
        period = draft_with_period(cast.org_a, starts_on=TODAY - 3 * DAY, ends_on=TODAY + 10 * DAY)
        sections = list(period.charter.sections.filter(kind__in=["contact", "feedback"]).order_by("position"))
        for section in sections:
            PublicCommentFactory(period=period, section=section, status=CommentStatus.ACCEPTED)
        PublicCommentFactory(period=period, section=sections[0], status=CommentStatus.ACCEPTED)
        PublicCommentFactory(period=period, status=CommentStatus.REJECTED, section=period.charter.sections.first())
        return period, sections

    def test_close_and_record_makes_a_consultation(self, cast):
        period, sections = self._moderated(cast)
        consultation = comment_period_record(actor=cast.rep_a, period=period, title="", findings="Longer hours.")
        period.refresh_from_db()
        assert period.consultation == consultation
        assert consultation.method == ConsultationMethod.PUBLIC_CONSULTATION
        assert consultation.participant_count == 3
        assert (consultation.starts_on, consultation.ends_on) == (TODAY - 3 * DAY, TODAY)
        assert period.ends_on == TODAY  # closed today
        assert set(consultation.informed_sections.all()) == set(sections)
        assert consultation.findings == "Longer hours." and "version 1" in consultation.title
        assert AuditEvent.objects.filter(verb="comment_period.record").count() == 1

    def test_recording_twice_gives_the_same_record(self, cast):
        period, _ = self._moderated(cast)
        first = comment_period_record(actor=cast.rep_a, period=period, title="", findings="One")
        second = comment_period_record(actor=cast.rep_a, period=period, title="", findings="Two")
        assert first == second and Consultation.objects.count() == 1
        first.refresh_from_db()
        assert first.findings == "One"

    def test_pending_comments_must_be_moderated_first(self, cast):
        period, _ = self._moderated(cast)
        PublicCommentFactory(period=period)
        with pytest.raises(ServiceError, match="every comment"):
            comment_period_record(actor=cast.rep_a, period=period, title="", findings="x")
        assert not Consultation.objects.exists()

    def test_a_period_not_yet_open_cannot_be_recorded(self, cast):
        period = draft_with_period(cast.org_a, starts_on=TODAY + DAY, ends_on=TODAY + 5 * DAY)
        with pytest.raises(ServiceError, match="not opened yet"):
            comment_period_record(actor=cast.rep_a, period=period, title="", findings="x")

    def test_after_recording_the_period_is_closed_to_comments_and_moderation(self, cast):
        period, _ = self._moderated(cast)
        comment = period.comments.first()
        comment_period_record(actor=cast.rep_a, period=period, title="", findings="x")
        with pytest.raises(ServiceError, match="closed"):
            public_comment_submit(period=period, text="late")
        with pytest.raises(ServiceError, match="closed and recorded"):
            comment_moderate(actor=cast.rep_a, period=period, comment_id=comment.pk, decision="rejected")

    def test_an_empty_period_records_zero_participants(self, cast):
        period = CommentPeriodFactory(charter=CharterFactory(organisation=cast.org_a))
        consultation = comment_period_record(actor=cast.rep_a, period=period, title="T", findings="Nobody wrote.")
        assert consultation.participant_count == 0 and consultation.title == "T"
