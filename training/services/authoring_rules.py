"""The rules a quiz must keep before it can be published, and the optimistic check for lessons and questions."""

import hashlib
import json

from django.utils.translation import gettext as _

from ..models import QuestionKind


def answer_problems(kind, answers):
    """What is wrong with a question's answers (dicts or Answer objects with text and is_correct)."""
    texts = [_value(answer, "text") for answer in answers]
    correct = sum(1 for answer in answers if _value(answer, "is_correct"))
    problems = []
    if len([text for text in texts if text and text.strip()]) < 2:
        problems.append(_("Give at least two answers."))
    if correct == 0:
        problems.append(_("Mark at least one answer as correct."))
    elif kind == QuestionKind.SINGLE and correct > 1:
        problems.append(_("A question with one answer has exactly one correct answer."))
    return problems


def _value(answer, name):
    return answer[name] if isinstance(answer, dict) else getattr(answer, name)


def quiz_problems(version):
    """Reasons the version's quiz is not consistent (empty list when it is, or when there is no quiz)."""
    questions = list(version.questions.prefetch_related("answers"))
    problems = []
    for question in questions:
        for problem in answer_problems(question.kind, list(question.answers.all())):
            problems.append(
                _("Question %(position)s: %(problem)s") % {"position": question.position, "problem": problem}
            )
    if questions and version.questions_per_attempt and version.questions_per_attempt > len(questions):
        problems.append(
            _("The quiz asks %(asked)s questions per attempt but has only %(count)s.")
            % {"asked": version.questions_per_attempt, "count": len(questions)}
        )
    if not questions and version.questions_per_attempt:
        problems.append(_("Questions per attempt is set but the quiz has no questions: add some or empty it."))
    return problems


def content_digest(instance, fields, extra=None):
    """A fingerprint of what the author saw when the form was shown: a save compares it with the stored text."""
    values = {name: getattr(instance, name) for name in fields}
    if extra is not None:
        values["extra"] = extra
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()
