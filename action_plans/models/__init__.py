"""Customer Charters, Customer Action Plans and consultation.

A charter and an action plan are versioned documents with the same life cycle (`DocumentState`,
`action_plans/lifecycle.py`). A published version is never edited: the next version starts as a copy.
"""

from .charters import Charter, CharterSection, CharterStandard, SectionKind
from .consultation import (
    CommentPeriod,
    CommentStatus,
    Consultation,
    ConsultationAudience,
    ConsultationMethod,
    PublicComment,
)
from .documents import DocumentState, ReviewComment
from .plans import ActionPlan, ActionProgress, PlanAction, PlanDigestSent, ProgressStatus

__all__ = [
    "ActionPlan",
    "ActionProgress",
    "Charter",
    "CharterSection",
    "CharterStandard",
    "CommentPeriod",
    "CommentStatus",
    "Consultation",
    "ConsultationAudience",
    "ConsultationMethod",
    "DocumentState",
    "PlanAction",
    "PlanDigestSent",
    "ProgressStatus",
    "PublicComment",
    "ReviewComment",
    "SectionKind",
]
