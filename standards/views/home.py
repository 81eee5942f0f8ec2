from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.views.decorators.http import require_GET

from organisations import roles
from organisations.access import organisations_for_user, prefetch_organisation_permissions, user_can

from ..models import MetricReturn, ReturnState, ServiceStandard


def _count(queryset):
    counted = queryset.filter(organisation=OuterRef("pk")).order_by().values("organisation").annotate(n=Count("pk"))
    return Coalesce(Subquery(counted.values("n")[:1], output_field=IntegerField()), 0)


@login_required
@require_GET
def home(request):
    """Organisations with their standards and returns; for evaluators, the returns waiting for review."""
    user = request.user
    organisations = (
        organisations_for_user(user)
        .annotate(
            standard_count=_count(ServiceStandard.objects.all()),
            return_count=_count(MetricReturn.objects.all()),
            open_count=_count(MetricReturn.objects.filter(state__in=ReturnState.EDITABLE_STATES)),
        )
        .order_by("name")
    )
    page = Paginator(organisations, 25).get_page(request.GET.get("page"))
    prefetch_organisation_permissions(user, page.object_list)
    entries = [
        {"organisation": organisation, "can_manage": user_can(user, roles.MANAGE_STANDARDS, organisation)}
        for organisation in page.object_list
    ]
    reviewable = organisations_for_user(user, roles.REVIEW_RETURNS)
    queue = None
    if user.is_administrator or user.central_roles or reviewable.exists():
        queue = (
            MetricReturn.objects.filter(state=ReturnState.SUBMITTED, organisation__in=reviewable)
            .select_related("organisation", "period")
            .order_by("submitted_at", "pk")[:50]
        )
    return render(request, "standards/home.html", {"page": page, "entries": entries, "queue": queue})
