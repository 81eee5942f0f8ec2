"""Median server time of the workspace home ("My work") for a representative."""

from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from bench.data import generate_organisations_and_people
from bench.registry import Result, count_queries, median_ms, register
from organisations.models import Membership
from organisations.roles import OrganisationRole

BUDGET_MS = 50


@register("workspace_home")
def workspace_home(scale, log):
    organisations, _ = generate_organisations_and_people(scale, log)
    representative = Membership.objects.filter(role=OrganisationRole.REPRESENTATIVE).select_related("user").first().user
    with override_settings(ROOT_URLCONF="bench.urls"):
        client = Client()
        client.force_login(representative)
        home = reverse("workspace:my_work:index")
        bare = reverse("bench-bare")

        def get_home():
            response = client.get(home, secure=True)
            assert response.status_code == 200, response.status_code

        queries = count_queries(get_home)
        ours = median_ms(get_home, 100)
        anchor = median_ms(lambda: client.get(bare, secure=True), 100)
    log(f"workspace home: {ours:.2f} ms median, {queries} queries; bare view {anchor:.2f} ms")
    return Result(
        unit="ms",
        ours=ours,
        anchor=anchor,
        budget=f"median <= {BUDGET_MS} ms",
        ok=ours <= BUDGET_MS,
        extra={"queries": queries},
    )
