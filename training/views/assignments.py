"""Assignment rules and individual assignments of an organisation (heads and administrators)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from common.errors import ServiceError
from common.forms import run_service
from organisations import roles
from organisations.access import get_organisation_for_user
from organisations.models import User

from ..access import get_rule_for_user, get_training_assignment_for_user
from ..assignment_status import STATUS_LABELS, filter_status, status_of, with_module_title, with_status
from ..forms.assignments import AssignmentFilterForm, AssignmentForm, RuleDeactivateForm, RuleForm
from ..models import Assignment, AssignmentRule
from ..services import assignments as services

PAGE_SIZE = 50


@login_required
@require_GET
def rule_list(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_TRAINING)
    rules = with_module_title(
        AssignmentRule.objects.filter(organisation=organisation)
        .select_related("module", "created_by")
        .annotate(open_count=Count("assignments", filter=Q(assignments__withdrawn_at__isnull=True)))
        .order_by("-is_active", "-created_at", "-pk")
    )
    return render(request, "training/assignments/rule_list.html", {"organisation": organisation, "rules": rules})


@login_required
@require_http_methods(["GET", "POST"])
def rule_create(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_TRAINING)
    form = RuleForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        rule = run_service(
            form, services.rule_create, actor=request.user, organisation=organisation, **form.cleaned_data
        )
        if rule:
            messages.success(
                request,
                _("Rule created. The module was assigned to %(count)s people now.") % {"count": rule.assigned_now},
            )
            return redirect("workspace:training:rule_list", organisation_pk=organisation.pk)
    return render(request, "training/assignments/rule_form.html", {"organisation": organisation, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def rule_deactivate(request, organisation_pk, pk):
    rule = get_rule_for_user(request, organisation_pk, pk)
    form = RuleDeactivateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            withdrawn = services.rule_deactivate(
                actor=request.user, rule=rule, withdraw_open=form.cleaned_data["withdraw_open"]
            )
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The rule no longer assigns the module. %(count)s open assignments were withdrawn.")
                % {"count": withdrawn},
            )
        return redirect("workspace:training:rule_list", organisation_pk=rule.organisation_id)
    titled = with_module_title(AssignmentRule.objects.filter(pk=rule.pk).select_related("module")).get()
    return render(
        request,
        "training/assignments/rule_deactivate.html",
        {
            "organisation": rule.organisation,
            "rule": titled,
            "form": form,
        },
    )


@login_required
@require_GET
def assignment_list(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_TRAINING)
    today = timezone.localdate()
    filters = AssignmentFilterForm(request.GET or None)
    status, query = "", ""
    if filters.is_valid():
        status, query = filters.cleaned_data["status"], filters.cleaned_data["q"].strip()
    assignments = with_status(
        Assignment.objects.filter(organisation=organisation).select_related("user", "module", "rule"), today
    )
    assignments = filter_status(assignments, status, today)
    if query:
        assignments = assignments.filter(
            Q(user__email__icontains=query) | Q(user__first_name__icontains=query) | Q(user__last_name__icontains=query)
        )
    page = Paginator(with_module_title(assignments).order_by("due_date", "user__email", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for assignment in page:
        assignment.status = status_of(assignment, today)
        assignment.status_label = STATUS_LABELS[assignment.status]
    return render(
        request,
        "training/assignments/assignment_list.html",
        {"organisation": organisation, "page": page, "filters": filters, "status": status, "query": query},
    )


@login_required
@require_http_methods(["GET", "POST"])
def assignment_create(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_TRAINING)
    form = AssignmentForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        member = User.objects.filter(email__iexact=values["email"], memberships__organisation=organisation).first()
        assignment = run_service(
            form,
            services.assignment_create,
            actor=request.user,
            organisation=organisation,
            user=member,
            module=values["module"],
            due_date=values["due_date"],
        )
        if assignment:
            messages.success(
                request,
                _("Assigned to %(email)s, due by %(date)s.")
                % {"email": member.email, "date": assignment.due_date.isoformat()},
            )
            return redirect("workspace:training:assignment_list", organisation_pk=organisation.pk)
    return render(request, "training/assignments/assignment_form.html", {"organisation": organisation, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def assignment_withdraw(request, organisation_pk, pk):
    assignment = get_training_assignment_for_user(request, organisation_pk, pk)
    if request.method == "POST":
        try:
            services.assignment_withdraw(actor=request.user, assignment=assignment)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Assignment withdrawn."))
        return redirect("workspace:training:assignment_list", organisation_pk=assignment.organisation_id)
    assignment = with_module_title(Assignment.objects.filter(pk=assignment.pk).select_related("user")).get()
    return render(
        request,
        "training/assignments/assignment_withdraw.html",
        {"organisation": get_organisation_for_user(request, organisation_pk), "assignment": assignment},
    )
