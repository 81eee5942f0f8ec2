"""Charter work for "My work": drafts to sign off, charters to submit, revise or publish, charters to review.

One query per source (see organisations/todo.py). A review is due two weeks after submission; the
due date is shown only, nothing is refused after it.
"""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations import roles
from organisations.access import organisations_for_user
from organisations.models import Organisation
from organisations.todo import TodoItem, register

from .models import Charter, DocumentState

REVIEW_DUE_AFTER_SUBMISSION = datetime.timedelta(days=14)


def _organisations_where(user, permission):
    """Organisations where the user's own membership grants the permission (a subquery)."""
    return Organisation.objects.filter(memberships__user=user, memberships__role__in=roles.roles_granting(permission))


def _item(charter, kind, due=None):
    return TodoItem(
        kind=kind,
        title=_("Customer charter, version %(number)s") % {"number": charter.number},
        organisation=charter.organisation.name,
        due=due,
        url=reverse("workspace:action_plans:charter_detail", args=[charter.organisation_id, charter.pk]),
    )


def _charters(states, organisations):
    return (
        Charter.objects.filter(state__in=states, organisation__in=organisations)
        .select_related("organisation")
        .order_by()
    )


@register
def charters_to_move_on(user):
    """Drafts to sign off (heads); signed-off charters to submit, changes to make, charters to publish
    (representatives). One query for both roles."""
    kinds = {
        DocumentState.DRAFT: _("Charter waiting for sign-off"),
        DocumentState.SIGNED_OFF: _("Charter to submit for review"),
        DocumentState.CHANGES_REQUESTED: _("Changes requested on the charter"),
        DocumentState.APPROVED: _("Approved charter to publish"),
    }
    charters = (
        Charter.objects.filter(
            Q(state=DocumentState.DRAFT, organisation__in=_organisations_where(user, roles.APPROVE_SUBMISSIONS))
            | Q(
                state__in=[DocumentState.SIGNED_OFF, DocumentState.CHANGES_REQUESTED, DocumentState.APPROVED],
                organisation__in=_organisations_where(user, roles.MANAGE_CHARTER),
            )
        )
        .select_related("organisation")
        .order_by()
    )
    return [_item(charter, kinds[charter.state]) for charter in charters]


@register
def charters_to_review(user):
    """Submitted charters of the organisations the user reviews (assigned, or all for lead evaluators)."""
    if not (user.is_evaluator or user.is_lead_evaluator):
        return []
    charters = _charters([DocumentState.SUBMITTED], organisations_for_user(user, roles.REVIEW_DOCUMENTS))
    return [
        _item(
            charter,
            _("Charter waiting for review"),
            due=timezone.localdate(charter.submitted_at) + REVIEW_DUE_AFTER_SUBMISSION
            if charter.submitted_at
            else None,
        )
        for charter in charters
    ]
