"""The life-cycle buttons of an action plan: each calls the shared lifecycle service (services/lifecycle.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.errors import ServiceError
from common.forms import run_service
from organisations import roles

from ..access import get_plan_for_user
from ..forms.plans import RequestChangesForm
from ..services import lifecycle
from .plans import plan_url

DONE = {
    "sign_off": lambda: _("The action plan is signed off. The representative can now submit it for review."),
    "reopen": lambda: _("The action plan is back in draft; the head of organisation signs it off again."),
    "submit": lambda: _("The action plan is submitted for review."),
    "approve": lambda: _("The action plan is approved. The representative can now publish it."),
    "publish": lambda: _("The action plan is published."),
}


def _step(request, organisation_pk, pk, permission, name, service):
    plan = get_plan_for_user(request, organisation_pk, pk, permission)
    try:
        service(actor=request.user, document=plan)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, DONE[name]())
    return plan_url(plan)


@login_required
@require_POST
def plan_sign_off(request, organisation_pk, pk):
    return _step(request, organisation_pk, pk, roles.APPROVE_SUBMISSIONS, "sign_off", lifecycle.document_sign_off)


@login_required
@require_POST
def plan_reopen(request, organisation_pk, pk):
    return _step(request, organisation_pk, pk, roles.MANAGE_CHARTER, "reopen", lifecycle.document_reopen)


@login_required
@require_POST
def plan_submit(request, organisation_pk, pk):
    return _step(request, organisation_pk, pk, roles.MANAGE_CHARTER, "submit", lifecycle.document_submit)


@login_required
@require_POST
def plan_approve(request, organisation_pk, pk):
    return _step(request, organisation_pk, pk, roles.REVIEW_DOCUMENTS, "approve", lifecycle.document_approve)


@login_required
@require_POST
def plan_publish(request, organisation_pk, pk):
    return _step(request, organisation_pk, pk, roles.MANAGE_CHARTER, "publish", lifecycle.document_publish)


@login_required
def plan_request_changes(request, organisation_pk, pk):
    """The evaluator's comments, one box per principle; at least one is needed."""
    plan = get_plan_for_user(request, organisation_pk, pk, roles.REVIEW_DOCUMENTS)
    form = RequestChangesForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form, lifecycle.document_request_changes, actor=request.user, document=plan, comments=form.comments()
        )
        if done:
            messages.success(
                request, _("Changes requested. The organisation sees your comments beside each principle.")
            )
            return plan_url(plan)
    return render(
        request,
        "action_plans/plan/plan_request_changes.html",
        {"organisation": plan.organisation, "plan": plan, "form": form},
    )
