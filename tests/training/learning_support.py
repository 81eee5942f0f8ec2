"""Helpers for the learner's tests: a module organisation A uses, reading it, answering its quiz."""

from training.models import Answer, LessonProgress, ModuleAdoption

from .factories import published_module


def adopted_module(organisation, **version_fields):
    """A shared module with a published version (3 lessons, 4 one-answer questions) that the organisation adopted."""
    version = published_module(None, **version_fields)
    ModuleAdoption.objects.create(organisation=organisation, module=version.module)
    return version


def read_all(user, version):
    last = version.lessons.order_by("-position").first()
    LessonProgress.objects.update_or_create(
        user=user, version=version, defaults={"furthest_position": last.position if last else 0, "current_lesson": last}
    )


def right_answers(attempt, wrong=0):
    """{question id: [answer ids]} answering the attempt's questions, the first `wrong` of them wrongly."""
    chosen = {}
    for index, item in enumerate(attempt.drawn):
        correct = set(Answer.objects.filter(question_id=item["question"], is_correct=True).values_list("pk", flat=True))
        if index < wrong:
            chosen[item["question"]] = [next(pk for pk in item["answers"] if pk not in correct)]
        else:
            chosen[item["question"]] = sorted(correct)
    return chosen


def as_post(chosen):
    return {f"question-{question_id}": answer_ids for question_id, answer_ids in chosen.items()}
