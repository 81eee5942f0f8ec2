"""Training: modules and their versions, lessons and quizzes, assignments, progress, attempts, completions.

A module is an identity (shared with every organisation, or owned by one); its content lives in
numbered versions. A published version is never edited: a change is a new draft version. A completion
records the version taken; it stays valid when a newer version is published unless that version
says otherwise (`Module.completions_valid_from`).
"""

from .content import Answer, Lesson, Module, ModuleAdoption, ModuleVersion, Question, QuestionKind, VersionStatus
from .images import LessonImage
from .learning import Assignment, AssignmentRule, Completion, DueKind, LessonProgress, QuizAttempt

__all__ = [
    "Answer",
    "Assignment",
    "AssignmentRule",
    "Completion",
    "DueKind",
    "Lesson",
    "LessonImage",
    "LessonProgress",
    "Module",
    "ModuleAdoption",
    "ModuleVersion",
    "Question",
    "QuestionKind",
    "QuizAttempt",
    "VersionStatus",
]
