"""The front page of "Charters and plans": each organisation's published and open documents; the review queue."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from organisations import roles
from organisations.access import organisations_for_user, prefetch_organisation_permissions, user_can

from ..access import is_visible_to
from ..models import ActionPlan, Charter, DocumentState

SHOWN_STATES = (DocumentState.PUBLISHED, *DocumentState.OPEN_STATES)


def _documents(model, organisations):
    """{organisation id: {"published": version, "open": version}} in one query."""
    found = {}
    documents = model.objects.filter(organisation__in=organisations, state__in=SHOWN_STATES)
    for document in documents.select_related("organisation").order_by():
        slot = "published" if document.state == DocumentState.PUBLISHED else "open"
        found.setdefault(document.organisation_id, {})[slot] = document
    return found


@login_required
@require_GET
def index(request):
    user = request.user
    page = Paginator(organisations_for_user(user).order_by("name"), 25).get_page(request.GET.get("page"))
    organisations = list(page.object_list)
    prefetch_organisation_permissions(user, organisations)
    charters = _documents(Charter, organisations)
    plans = _documents(ActionPlan, organisations)
    entries = []
    for organisation in organisations:
        charter = charters.get(organisation.pk, {})
        plan = plans.get(organisation.pk, {})
        entries.append(
            {
                "organisation": organisation,
                "charter": charter.get("published"),
                "charter_open": _shown(charter.get("open"), user),
                "plan": plan.get("published"),
                "plan_open": _shown(plan.get("open"), user),
                "can_manage": user_can(user, roles.MANAGE_CHARTER, organisation),
            }
        )
    reviewable = organisations_for_user(user, roles.REVIEW_DOCUMENTS)
    queue = None
    if user.is_administrator or user.central_roles:
        queue = {
            "charters": Charter.objects.filter(state=DocumentState.SUBMITTED, organisation__in=reviewable)
            .select_related("organisation")
            .order_by("submitted_at", "pk")[:50],
            "plans": ActionPlan.objects.filter(state=DocumentState.SUBMITTED, organisation__in=reviewable)
            .select_related("organisation")
            .order_by("submitted_at", "pk")[:50],
        }
    return render(request, "action_plans/index.html", {"page": page, "entries": entries, "queue": queue})


def _shown(document, user):
    """An open version, unless the user only reviews the organisation and it has not been submitted yet."""
    if document is None or not is_visible_to(user, document):
        return None
    return document
