"""Metric-return work for "My work": returns to fill in or answer, returns to open, returns to review.

A return is due one month after its period ends; a review is due two weeks after the return
was submitted. These due dates are shown on the to-do list only: nothing is refused after them.

Historic returns have no due date, so they are never "overdue": a return opened more than two years
after its period ended is loading published history (results back to 1990, say), not late work.
"""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations import roles
from organisations.access import organisations_for_user
from organisations.models import Organisation
from organisations.todo import TodoItem, register

from .models import MetricReturn, ReturnState, ServiceStandard
from .periods import label_for, period_bounds

RETURN_DUE_AFTER_PERIOD = datetime.timedelta(days=30)
HISTORIC_AFTER = datetime.timedelta(days=2 * 365)  # late work stays late for two years
REVIEW_DUE_AFTER_SUBMISSION = datetime.timedelta(days=14)


def return_due(period_end, opened_on=None):
    """When the return is due; None for a historic one (opened more than HISTORIC_AFTER after its period ended)."""
    if opened_on is not None and opened_on - period_end > HISTORIC_AFTER:
        return None
    return period_end + RETURN_DUE_AFTER_PERIOD


def _managed_organisations(user):
    """Organisations whose returns are this person's work: managed through their own membership.

    Read from the memberships (a subquery, no query of its own): the object permissions are derived from them.
    """
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=roles.roles_granting(roles.MANAGE_STANDARDS)
    )


def _return_url(metric_return):
    return reverse(
        "workspace:standards:return_detail",
        kwargs={"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk},
    )


@register
def returns_to_complete(user):
    """Draft and queried returns of the organisations whose standards the user manages as a member."""
    returns = (
        MetricReturn.objects.filter(
            state__in=[ReturnState.DRAFT, ReturnState.QUERIED],
            organisation__in=_managed_organisations(user),
        )
        .select_related("organisation", "period")
        .order_by()
    )
    kinds = {ReturnState.DRAFT: _("Return to fill in"), ReturnState.QUERIED: _("Question to answer")}
    return [
        TodoItem(
            kind=kinds[metric_return.state],
            title=_("Return for %(period)s") % {"period": metric_return.period_label},
            organisation=metric_return.organisation.name,
            due=return_due(metric_return.period.end, timezone.localdate(metric_return.created_at)),
            url=_return_url(metric_return),
        )
        for metric_return in returns
    ]


@register
def returns_to_open(user):
    """The current period's returns not opened yet, for each frequency the organisation reports (two queries)."""
    today = timezone.localdate()
    managed = _managed_organisations(user)
    opened = set(  # returns of the periods containing today: the current ones, whatever the year start
        MetricReturn.objects.filter(
            organisation__in=managed, period__start__lte=today, period__end__gte=today
        ).values_list("organisation_id", "period__frequency", "period__start")
    )
    standards = (
        ServiceStandard.objects.filter(organisation__in=managed)
        .select_related("organisation")
        .only(
            "organisation__name",
            "organisation__financial_year_start_month",
            "organisation__financial_year_label_style",
            "frequency",
            "year_basis",
            "applies_from",
            "applies_to",
        )
        .order_by()
    )
    pending = {}
    for standard in standards:
        bounds = period_bounds(standard.frequency, today, standard.year_start_month)
        key = (standard.organisation_id, standard.frequency, bounds.start)
        if key not in opened and standard.applies_during(bounds.start, bounds.end):
            pending[key] = (standard.organisation, bounds)
    return [
        TodoItem(
            kind=_("Return to open"),
            title=_("Return for %(period)s") % {"period": label_for(bounds, organisation)},
            organisation=organisation.name,
            due=return_due(bounds.end),
            url=reverse("workspace:standards:return_create", kwargs={"organisation_pk": organisation_pk}),
        )
        for (organisation_pk, _frequency, _start), (organisation, bounds) in pending.items()
    ]


@register
def returns_to_review(user):
    """Submitted returns of the organisations the user reviews (assigned, or all for lead evaluators)."""
    if not (user.is_evaluator or user.is_lead_evaluator):
        return []
    returns = (
        MetricReturn.objects.filter(
            state=ReturnState.SUBMITTED, organisation__in=organisations_for_user(user, roles.REVIEW_RETURNS)
        )
        .select_related("organisation", "period")
        .order_by()
    )
    return [
        TodoItem(
            kind=_("Return to review"),
            title=_("Return for %(period)s") % {"period": metric_return.period_label},
            organisation=metric_return.organisation.name,
            due=timezone.localdate(metric_return.submitted_at) + REVIEW_DUE_AFTER_SUBMISSION
            if metric_return.submitted_at
            else None,
            url=_return_url(metric_return),
        )
        for metric_return in returns
    ]
