from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.forms import run_service

from .. import roles, services
from ..access import get_assignment_for_user, get_organisation_for_user
from ..forms import EvaluatorAssignForm


@login_required
def evaluator_assign(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.ASSIGN_EVALUATORS)
    form = EvaluatorAssignForm(request.POST or None, evaluators=services.evaluators(organisation=organisation))
    if request.method == "POST" and form.is_valid():
        assignment = run_service(
            form,
            services.evaluator_assign,
            actor=request.user,
            organisation=organisation,
            evaluator=form.cleaned_data["evaluator"],
        )
        if assignment:
            messages.success(
                request,
                _("%(email)s now reviews %(organisation)s.")
                % {"email": assignment.evaluator.email, "organisation": organisation.name},
            )
            return redirect("workspace:organisations:detail", organisation_pk=organisation.pk)
    return render(request, "organisations/evaluator_assign.html", {"form": form, "organisation": organisation})


@login_required
@require_POST
def evaluator_unassign(request, organisation_pk, pk):
    assignment = get_assignment_for_user(request, organisation_pk, pk)
    services.evaluator_unassign(actor=request.user, assignment=assignment)
    messages.success(
        request,
        _("%(email)s no longer reviews %(organisation)s.")
        % {"email": assignment.evaluator.email, "organisation": assignment.organisation.name},
    )
    return redirect("workspace:organisations:detail", organisation_pk=organisation_pk)
