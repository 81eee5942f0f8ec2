import pytest
from django.db import IntegrityError, transaction

from tests.training.factories import ModuleVersionFactory, published_module
from training.models import VersionStatus


def test_a_published_module_has_its_lessons_and_quiz(db):
    version = published_module(lessons=2, questions=3)
    assert [lesson.position for lesson in version.lessons.all()] == [1, 2]
    assert version.has_quiz
    assert all(question.answers.filter(is_correct=True).count() == 1 for question in version.questions.all())


def test_a_module_has_one_published_version_at_a_time(db):
    version = published_module()
    with transaction.atomic(), pytest.raises(IntegrityError):
        ModuleVersionFactory(module=version.module, number=2, status=VersionStatus.PUBLISHED)
