"""Survey pages of the workspace: representatives and heads of the organisation (manage surveys), administrators."""

from ..matrix import MEMBERS_OF_A, form, post_only, read_only, signed_in
from .factories import satisfaction_survey


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _survey_a(cast):
    return {"organisation_pk": cast.org_a.pk, "pk": satisfaction_survey(cast.org_a).pk}


def _question_a(cast):
    survey = satisfaction_survey(cast.org_a)
    return {"organisation_pk": cast.org_a.pk, "pk": survey.questions.first().pk}


# The Feedback area is closed to an evaluator with no assignment (403); A's evaluator and lead evaluators
# may see A but not its surveys (403); B's people get 404.
MANAGE_A = signed_in(
    404,
    **{
        **dict.fromkeys(MEMBERS_OF_A, 403),
        "rep_a": 200,
        "head_a": 200,
        "admin": 200,
        "evaluator": 403,
        "evaluator_a": 403,
        "lead": 403,
    },
)
MOVED_A = {**MANAGE_A, "rep_a": 302, "head_a": 302, "admin": 302}

CASES = {
    "workspace:feedback:survey_list": read_only(MANAGE_A, kwargs=_org_a),
    "workspace:feedback:survey_create": form(MANAGE_A, kwargs=_org_a),
    "workspace:feedback:survey_detail": read_only(MANAGE_A, kwargs=_survey_a),
    "workspace:feedback:survey_edit": form(MANAGE_A, kwargs=_survey_a),
    "workspace:feedback:survey_qr": read_only(MANAGE_A, kwargs=_survey_a),
    "workspace:feedback:survey_question_create": form(MANAGE_A, kwargs=_survey_a),
    "workspace:feedback:survey_question_edit": form(MANAGE_A, kwargs=_question_a),
    "workspace:feedback:survey_question_delete": post_only(MOVED_A, kwargs=_question_a),
    "workspace:feedback:survey_question_move": post_only(
        MOVED_A, kwargs=_question_a, data=lambda cast: {"direction": "down"}
    ),
    "workspace:feedback:survey_response_enter": form(MANAGE_A, kwargs=_survey_a),
    "workspace:feedback:survey_results": read_only(MANAGE_A, kwargs=_survey_a),
    "workspace:feedback:survey_export": read_only(MANAGE_A, kwargs=_survey_a),
}
