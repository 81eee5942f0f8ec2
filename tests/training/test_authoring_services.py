"""Authoring services: creating modules, editing drafts, publishing, new versions, lessons, questions, adoption."""

import pytest

from common.errors import ServiceError
from organisations.models import AuditEvent
from tests.factories import OrganisationFactory, UserFactory
from tests.training.factories import draft_module, published_module, question_with_answers
from training.content.quality_customer_service_basics import CODE as SHIPPED_CODE
from training.models import Lesson, Module, ModuleAdoption, ModuleVersion, QuestionKind, VersionStatus
from training.services import authoring, authoring_content

VERSION = {
    "title": "Courtesy at the counter",
    "title_ga": "",
    "summary": "How we greet people.",
    "summary_ga": "",
    "estimated_minutes": 15,
    "validity_months": 24,
    "pass_mark": 80,
    "max_attempts": 3,
    "questions_per_attempt": None,
    "invalidates_earlier": False,
}


@pytest.fixture
def author(db):
    return UserFactory()


def _fields(version, **changes):
    return {**{name: getattr(version, name) for name in authoring.VERSION_FIELDS}, **changes}


class TestModuleCreate:
    def test_a_module_starts_with_a_draft_version_one(self, author):
        module = authoring.module_create(actor=author, organisation=None, code=" Courtesy ", **VERSION)
        version = module.versions.get()
        assert (module.code, module.organisation, version.number, version.status) == (
            "courtesy",
            None,
            1,
            VersionStatus.DRAFT,
        )
        assert AuditEvent.objects.filter(verb="training.module_create", target_id=str(module.pk)).exists()

    def test_a_code_is_unique_per_owner(self, author):
        organisation = OrganisationFactory()
        authoring.module_create(actor=author, organisation=None, code="courtesy", **VERSION)
        with pytest.raises(ServiceError) as refused:
            authoring.module_create(actor=author, organisation=None, code="courtesy", **VERSION)
        assert refused.value.field == "code"
        authoring.module_create(actor=author, organisation=organisation, code="courtesy", **VERSION)
        assert Module.objects.filter(code="courtesy").count() == 2

    def test_quiz_settings_are_checked(self, author):
        with pytest.raises(ServiceError) as refused:
            authoring.module_create(actor=author, organisation=None, code="x", **{**VERSION, "max_attempts": 0})
        assert refused.value.field == "max_attempts"
        assert not Module.objects.exclude(code=SHIPPED_CODE).exists()


class TestVersionUpdate:
    def test_saving_the_draft_moves_its_edit_version_on(self, author):
        draft = draft_module()
        authoring.version_update(actor=author, version=draft, edit_version=0, **_fields(draft, title="New title"))
        draft.refresh_from_db()
        assert (draft.title, draft.edit_version) == ("New title", 1)
        event = AuditEvent.objects.get(verb="training.version_update")
        assert event.after["title"] == "New title" and event.before["title"] != "New title"

    def test_a_stale_save_is_refused_and_changes_nothing(self, author):
        draft = draft_module(title="Theirs")
        authoring.version_update(actor=author, version=draft, edit_version=0, **_fields(draft, title="First save"))
        with pytest.raises(ServiceError, match="Someone else saved"):
            authoring.version_update(actor=author, version=draft, edit_version=0, **_fields(draft, title="Stale"))
        draft.refresh_from_db()
        assert (draft.title, draft.edit_version) == ("First save", 1)

    def test_a_published_version_cannot_change(self, author):
        published = published_module(title="Kept")
        with pytest.raises(ServiceError, match="cannot change"):
            authoring.version_update(actor=author, version=published, edit_version=0, **_fields(published, title="X"))
        published.refresh_from_db()
        assert published.title == "Kept"


class TestPublish:
    def test_a_draft_without_lessons_cannot_be_published(self, author):
        draft = draft_module(lessons=0)
        with pytest.raises(ServiceError, match="at least one lesson"):
            authoring.version_publish(actor=author, version=draft)
        draft.refresh_from_db()
        assert draft.status == VersionStatus.DRAFT

    @pytest.mark.parametrize(
        ("kind", "correct", "answers", "problem"),
        [
            (QuestionKind.SINGLE, (1, 2), 3, "exactly one correct"),
            (QuestionKind.MULTIPLE, (), 3, "at least one answer as correct"),
            (QuestionKind.SINGLE, (1,), 1, "at least two answers"),
        ],
    )
    def test_an_inconsistent_quiz_cannot_be_published(self, author, kind, correct, answers, problem):
        draft = draft_module()
        question_with_answers(draft, 1, kind=kind, correct=correct, answers=answers)
        with pytest.raises(ServiceError, match=problem):
            authoring.version_publish(actor=author, version=draft)

    def test_more_questions_per_attempt_than_questions_is_refused(self, author):
        draft = draft_module(questions=2, questions_per_attempt=3)
        with pytest.raises(ServiceError, match="only 2"):
            authoring.version_publish(actor=author, version=draft)

    def test_publishing_supersedes_the_previous_version(self, author):
        first = published_module()
        draft = authoring.version_new(actor=author, module=first.module)
        authoring.version_publish(actor=author, version=draft)
        first.refresh_from_db()
        draft.refresh_from_db()
        assert (first.status, draft.status) == (VersionStatus.SUPERSEDED, VersionStatus.PUBLISHED)
        assert draft.published_by == author and draft.published_at is not None
        assert first.module.completions_valid_from == 1  # earlier completions still count

    def test_a_version_that_says_so_invalidates_earlier_completions(self, author):
        first = published_module()
        draft = authoring.version_new(actor=author, module=first.module)
        ModuleVersion.objects.filter(pk=draft.pk).update(invalidates_earlier=True)
        authoring.version_publish(actor=author, version=draft)
        first.module.refresh_from_db()
        assert first.module.completions_valid_from == 2

    def test_publishing_twice_publishes_once(self, author):
        draft = draft_module()
        authoring.version_publish(actor=author, version=draft)
        with pytest.raises(ServiceError, match="already published"):
            authoring.version_publish(actor=author, version=draft)
        assert AuditEvent.objects.filter(verb="training.version_publish").count() == 1


def _quiz(version):
    return [(q.text, [(a.text, a.is_correct, a.feedback) for a in q.answers.all()]) for q in version.questions.all()]


class TestNewVersion:
    def test_a_new_version_copies_lessons_questions_and_answers(self, author):
        published = published_module(lessons=2, questions=2, validity_months=12)
        draft = authoring.version_new(actor=author, module=published.module)
        assert (draft.number, draft.status, draft.validity_months) == (2, VersionStatus.DRAFT, 12)
        assert [lesson.title for lesson in draft.lessons.all()] == [lesson.title for lesson in published.lessons.all()]
        copied = [
            (q.text, [(a.text, a.is_correct, a.feedback) for a in q.answers.all()]) for q in draft.questions.all()
        ]
        original = [
            (q.text, [(a.text, a.is_correct, a.feedback) for a in q.answers.all()]) for q in published.questions.all()
        ]
        assert copied == original
        assert set(draft.lessons.values_list("pk", flat=True)).isdisjoint(
            published.lessons.values_list("pk", flat=True)
        )

    def test_one_draft_at_a_time(self, author):
        published = published_module()
        authoring.version_new(actor=author, module=published.module)
        with pytest.raises(ServiceError, match="already has a draft"):
            authoring.version_new(actor=author, module=published.module)
        assert published.module.versions.count() == 2

    def test_a_module_never_published_has_nothing_to_copy(self, author):
        draft = draft_module()
        ModuleVersion.objects.filter(pk=draft.pk).delete()
        with pytest.raises(ServiceError, match="no published version"):
            authoring.version_new(actor=author, module=draft.module)


class TestLessons:
    def test_lessons_are_added_at_the_end(self, author):
        draft = draft_module(lessons=2)
        lesson = authoring_content.lesson_create(
            actor=author, version=draft, title="Third", title_ga="", body="Text", body_ga=""
        )
        assert lesson.position == 3

    def test_a_stale_lesson_save_is_refused(self, author):
        lesson = draft_module().lessons.get()
        seen = authoring_content.lesson_digest(lesson)
        values = {"title": "Mine", "title_ga": "", "body": "My text", "body_ga": ""}
        Lesson.objects.filter(pk=lesson.pk).update(body="Someone else's text")
        with pytest.raises(ServiceError, match="Someone else saved"):
            authoring_content.lesson_update(actor=author, lesson=lesson, seen=seen, **values)
        lesson.refresh_from_db()
        assert lesson.body == "Someone else's text"

    def test_deleting_a_lesson_closes_the_gap(self, author):
        draft = draft_module(lessons=3)
        authoring_content.lesson_delete(actor=author, lesson=draft.lessons.get(position=1))
        assert list(draft.lessons.values_list("position", "title")) == [(1, "Lesson 2"), (2, "Lesson 3")]

    def test_lessons_move_up_and_down(self, author):
        draft = draft_module(lessons=3)
        authoring_content.lesson_move(actor=author, lesson=draft.lessons.get(position=3), direction="up")
        assert list(draft.lessons.values_list("title", flat=True)) == ["Lesson 1", "Lesson 3", "Lesson 2"]
        authoring_content.lesson_move(actor=author, lesson=draft.lessons.get(position=1), direction="up")
        assert list(draft.lessons.values_list("title", flat=True)) == ["Lesson 1", "Lesson 3", "Lesson 2"]
        with pytest.raises(ServiceError):
            authoring_content.lesson_move(actor=author, lesson=draft.lessons.get(position=1), direction="sideways")

    def test_a_published_lesson_cannot_change(self, author):
        lesson = published_module(lessons=1).lessons.get()
        with pytest.raises(ServiceError, match="cannot change"):
            authoring_content.lesson_delete(actor=author, lesson=lesson)
        with pytest.raises(ServiceError, match="cannot change"):
            authoring_content.lesson_update(
                actor=author,
                lesson=lesson,
                seen=authoring_content.lesson_digest(lesson),
                title="X",
                title_ga="",
                body="Y",
                body_ga="",
            )
        lesson.refresh_from_db()
        assert lesson.title == "Lesson 1"


def _answer(text, correct=False, feedback=""):
    return {"text": text, "text_ga": "", "is_correct": correct, "feedback": feedback, "feedback_ga": ""}


QUESTION = {"kind": QuestionKind.SINGLE, "text": "Which?", "text_ga": ""}


class TestQuestions:
    def test_a_question_keeps_its_answers_and_feedback_in_order(self, author):
        draft = draft_module()
        answers = [_answer("Yes", True, "Right."), _answer(""), _answer("No", feedback="Not quite.")]
        question = authoring_content.question_create(actor=author, version=draft, answers=answers, **QUESTION)
        assert list(question.answers.values_list("position", "text", "is_correct", "feedback")) == [
            (1, "Yes", True, "Right."),
            (2, "No", False, "Not quite."),
        ]

    @pytest.mark.parametrize(
        ("kind", "answers"),
        [
            (QuestionKind.SINGLE, [_answer("Only", True)]),
            (QuestionKind.SINGLE, [_answer("A", True), _answer("B", True)]),
            (QuestionKind.MULTIPLE, [_answer("A"), _answer("B")]),
        ],
    )
    def test_bad_answers_are_refused(self, author, kind, answers):
        draft = draft_module()
        with pytest.raises(ServiceError):
            authoring_content.question_create(
                actor=author, version=draft, answers=answers, **{**QUESTION, "kind": kind}
            )
        assert not draft.questions.exists()

    def test_editing_replaces_the_answers_unless_stale(self, author):
        draft = draft_module(questions=1)
        question = draft.questions.get()
        seen = authoring_content.question_digest(question)
        answers = [_answer("A"), _answer("B", True), _answer("C", True)]
        authoring_content.question_update(
            actor=author, question=question, seen=seen, answers=answers, **{**QUESTION, "kind": QuestionKind.MULTIPLE}
        )
        assert question.answers.filter(is_correct=True).count() == 2
        with pytest.raises(ServiceError, match="Someone else saved"):
            authoring_content.question_update(actor=author, question=question, seen=seen, answers=answers, **QUESTION)

    def test_deleting_a_question_renumbers_the_rest(self, author):
        draft = draft_module(questions=3)
        authoring_content.question_delete(actor=author, question=draft.questions.get(position=2))
        assert list(draft.questions.values_list("position", "text")) == [(1, "Question 1?"), (2, "Question 3?")]


class TestAdoption:
    def test_adopting_twice_adopts_once(self, author):
        organisation = OrganisationFactory()
        module = published_module().module
        authoring.module_adopt(actor=author, organisation=organisation, module=module)
        authoring.module_adopt(actor=author, organisation=organisation, module=module)
        assert ModuleAdoption.objects.filter(organisation=organisation, module=module).count() == 1
        assert AuditEvent.objects.filter(verb="training.module_adopt").count() == 1
        authoring.module_unadopt(actor=author, organisation=organisation, module=module)
        authoring.module_unadopt(actor=author, organisation=organisation, module=module)
        assert not ModuleAdoption.objects.exists()
        assert AuditEvent.objects.filter(verb="training.module_unadopt").count() == 1

    def test_only_published_shared_modules_are_adopted(self, author):
        organisation = OrganisationFactory()
        for module in (draft_module().module, published_module(OrganisationFactory()).module):
            with pytest.raises(ServiceError):
                authoring.module_adopt(actor=author, organisation=organisation, module=module)
        assert not ModuleAdoption.objects.exists()
