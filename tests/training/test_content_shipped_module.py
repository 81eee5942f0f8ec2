"""The shared module shipped by the data migration: complete, bilingual, a sound quiz, safe Markdown."""

import importlib
import re

import pytest
from django.apps import apps
from django.utils import translation

from common.bilingual import in_language
from common.markdown import render_markdown
from tests.training.factories import AssignmentFactory, shipped_module
from training.content.loading import install_module, remove_module
from training.content.quality_customer_service_basics import CODE, MODULE
from training.models import Answer, Module, QuestionKind, VersionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def version():
    return shipped_module()


def words(text):
    return len(re.findall(r"\w+", text))


def test_the_migration_ships_the_module_as_a_published_shared_version():
    # pytest-django runs these tests before any transactional test that would flush the migration's rows.
    version = Module.objects.get(organisation__isnull=True, code=CODE).versions.get()
    assert version.module.is_shared
    assert (version.number, version.status) == (1, VersionStatus.PUBLISHED)
    assert version.published_at is not None
    assert version.module.created_by.email == "system@qcs.invalid"
    assert (version.pass_mark, version.validity_months, version.max_attempts, version.questions_per_attempt) == (
        80,
        24,
        3,
        10,
    )


def test_the_module_has_substantive_lessons_in_order(version):
    lessons = list(version.lessons.all())
    assert len(lessons) >= 5
    assert [lesson.position for lesson in lessons] == list(range(1, len(lessons) + 1))
    for lesson in lessons:
        assert words(lesson.body) >= 250, lesson.title
        assert words(lesson.body_ga) >= 250, lesson.title


def test_the_quiz_has_enough_questions_to_draw_from(version):
    assert version.questions.count() >= 12
    assert version.questions.count() >= version.questions_per_attempt
    kinds = set(version.questions.values_list("kind", flat=True))
    assert kinds == {QuestionKind.SINGLE, QuestionKind.MULTIPLE}


def test_every_question_has_a_right_and_a_wrong_answer_and_single_choice_has_exactly_one(version):
    for question in version.questions.prefetch_related("answers"):
        correct = [answer for answer in question.answers.all() if answer.is_correct]
        wrong = [answer for answer in question.answers.all() if not answer.is_correct]
        assert correct and wrong, question.text
        if question.kind == QuestionKind.SINGLE:
            assert len(correct) == 1, question.text


def test_every_text_has_irish_and_every_answer_has_feedback(version):
    assert version.title_ga and version.summary_ga
    for lesson in version.lessons.all():
        assert lesson.title_ga and lesson.body_ga, lesson.title
    for question in version.questions.all():
        assert question.text_ga, question.text
    for answer in Answer.objects.filter(question__version=version):
        assert answer.text_ga and answer.feedback and answer.feedback_ga, answer.text


def test_texts_fit_their_fields(version):
    for lesson in version.lessons.all():
        lesson.full_clean()
    for question in version.questions.all():
        question.full_clean()
    for answer in Answer.objects.filter(question__version=version):
        answer.full_clean()


def test_irish_is_shown_to_irish_visitors(version):
    lesson = version.lessons.first()
    with translation.override("ga"):
        assert in_language(version, "title") == version.title_ga
        assert in_language(lesson, "body") == lesson.body_ga
    with translation.override("en"):
        assert in_language(version, "title") == version.title


@pytest.mark.parametrize("field", ["body", "body_ga"])
def test_lessons_render_to_safe_html_with_headings_from_h2_and_lists(version, field):
    for lesson in version.lessons.all():
        html = render_markdown(getattr(lesson, field))
        assert "<h2>" in html and "<h1" not in html, lesson.title
        assert "<ul>" in html or "<ol>" in html, lesson.title
        assert "<script" not in html and "href=" not in html


def test_the_irish_lessons_follow_the_english_section_by_section(version):
    for lesson in version.lessons.all():
        english, irish = render_markdown(lesson.body), render_markdown(lesson.body_ga)
        for tag in ("<h2>", "<li>", "<strong>"):
            assert english.count(tag) == irish.count(tag), (lesson.title, tag)


def test_the_data_migration_depends_only_on_the_initial_training_migration():
    migration = importlib.import_module("training.migrations.0002_quality_customer_service_basics").Migration
    assert migration.dependencies == [("training", "0001_initial")]


def test_installing_again_changes_nothing(version):
    assert install_module(apps, MODULE) is None
    assert Module.objects.filter(code=CODE).count() == 1


def test_removing_deletes_an_unused_module_and_installing_brings_it_back(version):
    remove_module(apps, CODE)
    assert not Module.objects.filter(code=CODE).exists()

    module = install_module(apps, MODULE)
    version = module.versions.get()
    assert version.lessons.count() == len(MODULE["lessons"])
    assert version.questions.count() == len(MODULE["questions"])


def test_removing_keeps_a_module_in_use(version):
    AssignmentFactory(module=version.module)
    remove_module(apps, CODE)
    assert Module.objects.filter(code=CODE).exists()
