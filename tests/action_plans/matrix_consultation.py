from ..matrix import MEMBERS_OF_A, form, org_a_view, post_only, read_only, signed_in
from .factories import ConsultationFactory, PublicCommentFactory, draft_with_period


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _consultation_a(cast):
    return {"organisation_pk": cast.org_a.pk, "pk": ConsultationFactory(organisation=cast.org_a).pk}


def _period_a(cast):
    return {"organisation_pk": cast.org_a.pk, "pk": draft_with_period(cast.org_a).pk}


def _period_a_qr(cast):
    return {**_period_a(cast), "kind": "png"}


def _moderation_data(cast):
    from action_plans.models import PublicComment

    comment = PublicComment.objects.filter(period__charter__organisation=cast.org_a).first()
    if comment is None:
        comment = PublicCommentFactory(period=draft_with_period(cast.org_a))
    return {"comment": comment.pk, "decision": "accepted"}


def _period_with_comment(cast):
    period = draft_with_period(cast.org_a)
    PublicCommentFactory(period=period)
    return {"organisation_pk": cast.org_a.pk, "pk": period.pk}


# Consultations are read like the organisation's other documents: its members, its assigned evaluator,
# lead evaluators and administrators. Only the representative (and administrators) record and edit them,
# open comment periods and moderate; public comments waiting for moderation are not shown to anyone else.
VIEW_A = org_a_view(evaluator=403, lead=200)
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
MODERATE_A = {**MANAGE_A, "rep_a": 302, "admin": 302}

CASES = {
    "workspace:action_plans:consultation_list": read_only(VIEW_A, kwargs=_org_a),
    "workspace:action_plans:consultation_create": form(MANAGE_A, kwargs=_org_a),
    "workspace:action_plans:consultation_detail": read_only(VIEW_A, kwargs=_consultation_a),
    "workspace:action_plans:consultation_edit": form(MANAGE_A, kwargs=_consultation_a),
    "workspace:action_plans:comment_period_open": form(MANAGE_A, kwargs=_org_a),
    "workspace:action_plans:comment_period_detail": read_only(MANAGE_A, kwargs=_period_a),
    "workspace:action_plans:comment_period_qr": read_only(MANAGE_A, kwargs=_period_a_qr),
    "workspace:action_plans:comment_moderate": post_only(MODERATE_A, kwargs=_period_with_comment),
    "workspace:action_plans:comment_period_record": form(MANAGE_A, kwargs=_period_a),
}
