"""The figures page: representatives of the organisation (manage standards) and administrators."""

from feedback.models import FeedbackFigure, FigureKind

from ..matrix import MEMBERS_OF_A, form, post_only, signed_in
from ..standards.factories import standard_with_target


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _figure_a(cast):
    figure = FeedbackFigure.objects.create(standard=standard_with_target(cast.org_a), kind=FigureKind.RESOLVED_ON_TIME)
    return {"organisation_pk": cast.org_a.pk, "pk": figure.pk}


# Linking a standard to a figure is managing the standards: other members of A, evaluators and lead
# evaluators 403 (an unassigned evaluator at the Feedback area); B's people 404.
MANAGE_A = signed_in(
    404,
    **{
        **dict.fromkeys(MEMBERS_OF_A, 403),
        "rep_a": 200,
        "admin": 200,
        "evaluator": 403,
        "evaluator_a": 403,
        "lead": 403,
    },
)
MOVED_A = {**MANAGE_A, "rep_a": 302, "admin": 302}

CASES = {
    "workspace:feedback:figure_list": form(MANAGE_A, kwargs=_org_a),
    # an empty POST names no period: the page is shown again with the error
    "workspace:feedback:figure_feed": post_only(MANAGE_A, kwargs=_org_a),
    "workspace:feedback:figure_unlink": post_only(MOVED_A, kwargs=_figure_a),
}
