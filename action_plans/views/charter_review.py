"""Life cycle buttons of the charter page: each a POST calling the lifecycle services, for its role only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from common.errors import ServiceError
from common.forms import run_service
from organisations import roles

from ..access import get_charter_for_user
from ..checklists import charter_missing
from ..forms.charters import RequestChangesForm
from ..models import DocumentState
from ..services import lifecycle
from .charter_page import render_charter
from .charters import charter_url

DONE = {
    "sign_off": gettext_lazy("Charter signed off. The representative can now submit it for review."),
    "reopen": gettext_lazy("The charter is a draft again. The head of organisation signs it off again when ready."),
    "submit": gettext_lazy("Charter submitted. An evaluator will review it."),
    "approve": gettext_lazy("Charter approved. The representative can now publish it."),
    "publish": gettext_lazy("Charter published. Earlier versions are marked superseded."),
}


def _step(request, organisation_pk, pk, permission, service, name, *, checklist=False):
    charter = get_charter_for_user(request, organisation_pk, pk, permission)
    if checklist and charter.state in DocumentState.OPEN_STATES:
        missing = charter_missing(charter)
        if missing:  # the list of exactly what is missing, each item linking to its section
            return render_charter(request, charter, blocked=missing)
    try:
        service(actor=request.user, document=charter)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, DONE[name])
    return redirect(charter_url(charter))


@login_required
@require_POST
def charter_sign_off(request, organisation_pk, pk):
    return _step(
        request, organisation_pk, pk, roles.APPROVE_SUBMISSIONS, lifecycle.document_sign_off, "sign_off", checklist=True
    )


@login_required
@require_POST
def charter_reopen(request, organisation_pk, pk):
    return _step(request, organisation_pk, pk, roles.MANAGE_CHARTER, lifecycle.document_reopen, "reopen")


@login_required
@require_POST
def charter_submit(request, organisation_pk, pk):
    return _step(
        request, organisation_pk, pk, roles.MANAGE_CHARTER, lifecycle.document_submit, "submit", checklist=True
    )


@login_required
@require_POST
def charter_approve(request, organisation_pk, pk):
    return _step(request, organisation_pk, pk, roles.REVIEW_DOCUMENTS, lifecycle.document_approve, "approve")


@login_required
@require_POST
def charter_publish(request, organisation_pk, pk):
    return _step(request, organisation_pk, pk, roles.MANAGE_CHARTER, lifecycle.document_publish, "publish")


@login_required
def charter_request_changes(request, organisation_pk, pk):
    """The evaluator's comments, one per section where needed; the charter goes back to the organisation."""
    charter = get_charter_for_user(request, organisation_pk, pk, roles.REVIEW_DOCUMENTS)
    if charter.state != DocumentState.SUBMITTED:
        messages.error(request, lifecycle.state_message(charter))
        return redirect(charter_url(charter))
    sections = list(charter.sections.all())
    form = RequestChangesForm(request.POST or None, sections=sections)
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form, lifecycle.document_request_changes, actor=request.user, document=charter, comments=form.comments()
        )
        if done:
            messages.success(request, _("Changes requested. Your comments are shown beside the sections."))
            return redirect(charter_url(charter))
    fields = [(section, form[f"section_{section.pk}"]) for section in sections]
    return render(
        request,
        "action_plans/charter/request_changes.html",
        {"charter": charter, "organisation": charter.organisation, "form": form, "fields": fields},
    )
