"""Public survey pages: anyone, signed in or not. An empty POST to an open survey is shown again with its errors."""

from ..matrix import Case, everyone
from .factories import satisfaction_survey


def _survey(cast):
    return {"token": satisfaction_survey(cast.org_a).token}


CASES = {
    "public_feedback:survey": Case(get=everyone(200), post=everyone(200), kwargs=_survey),
    "public_feedback:survey_thanks": Case(get=everyone(200), post=everyone(405), kwargs=_survey),
}
