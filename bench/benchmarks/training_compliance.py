"""The training compliance page of an organisation of 5,000 staff among 200,000 completions (at --scale 1).

Budget: median server time <= 100 ms, and the same query count for an organisation a tenth of the size.
Anchor: the bare view in the same run.
"""

from django.contrib.auth.models import Group
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from bench.data import analyze_tables
from bench.data_training import (
    LARGE_SCALE,
    bench_modules,
    generate_background_completions,
    generate_staffed_organisation,
)
from bench.registry import Result, count_queries, median_ms, register
from organisations.models import User
from organisations.roles import CentralRole
from training.models import Completion

BUDGET_MS = 100


def _administrator():
    user = User.objects.create_user("training-bench@example.org", "bench-password")
    user.groups.add(Group.objects.get_or_create(name=CentralRole.ADMINISTRATOR)[0])
    return user


@register("training_compliance")
def training_compliance(scale, log):
    versions = bench_modules(2)
    large_staff = max(10, round(LARGE_SCALE["staff"] * scale))
    small_staff = max(5, large_staff // 10)
    large = generate_staffed_organisation("Compliance large body", large_staff, versions, log, seed=1)
    small = generate_staffed_organisation("Compliance small body", small_staff, versions, log, seed=2)
    background = round(LARGE_SCALE["completions"] * scale) - Completion.objects.count()
    if background > 0:
        generate_background_completions(background, versions, log)
    analyze_tables()
    completions = Completion.objects.count()
    admin = _administrator()
    with override_settings(ROOT_URLCONF="bench.urls"):
        client = Client()
        client.force_login(admin)
        timings, counts = {}, {}
        for label, organisation in [("small", small), ("large", large)]:
            url = reverse("workspace:training:compliance", kwargs={"organisation_pk": organisation.pk})

            def get(url=url):
                response = client.get(url, secure=True)
                assert response.status_code == 200, response.status_code

            get()
            counts[label] = count_queries(get)
            timings[label] = median_ms(get, 20)
        anchor = median_ms(lambda: client.get(reverse("bench-bare"), secure=True), 50)
    log(
        f"training compliance page: {small_staff} staff {timings['small']:.1f} ms / {counts['small']} queries; "
        f"{large_staff} staff {timings['large']:.1f} ms / {counts['large']} queries; "
        f"{completions} completions on the platform; bare view {anchor:.2f} ms"
    )
    return Result(
        unit="ms",
        ours=timings["large"],
        anchor=anchor,
        budget=f"median <= {BUDGET_MS} ms; query count independent of staff size",
        ok=timings["large"] <= BUDGET_MS and counts["small"] == counts["large"],
        extra={
            "staff_small": small_staff,
            "staff_large": large_staff,
            "queries_small": counts["small"],
            "queries_large": counts["large"],
            "ms_small": round(timings["small"], 2),
            "completions": completions,
        },
    )
