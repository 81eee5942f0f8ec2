"""Feedback: service points and their red-button QR codes, cases from every channel, surveys, and the
figures they feed into service standards.

An anonymous report holds no IP address, user agent, session or user link: the models have no field
for any of them. A reporter follows a case with a receipt code shown once; only a slow hash is kept.
"""

from .cases import (
    Case,
    CaseCategory,
    CaseChannel,
    CaseDeadline,
    CaseMessage,
    CasePhoto,
    CaseState,
    ClosureDay,
    ConductDelegate,
    MessageDirection,
)
from .figures import FeedbackFigure, FigureKind
from .points import ServicePoint
from .surveys import (
    QuestionKind,
    ResponseChannel,
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
)

__all__ = [
    "Case",
    "CaseCategory",
    "CaseChannel",
    "CaseDeadline",
    "CaseMessage",
    "CasePhoto",
    "CaseState",
    "ClosureDay",
    "ConductDelegate",
    "FeedbackFigure",
    "FigureKind",
    "MessageDirection",
    "QuestionKind",
    "ResponseChannel",
    "ServicePoint",
    "Survey",
    "SurveyAnswer",
    "SurveyOption",
    "SurveyQuestion",
    "SurveyResponse",
]
