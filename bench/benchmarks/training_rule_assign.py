"""Creating an assignment rule for an organisation of 5,000 staff (scale 1.0): the module is assigned to all of
them at once. Anchor: a raw ``bulk_create`` of the same assignments in the same run. Each run is rolled back.
"""

import datetime
import time

from django.db import transaction
from django.utils import timezone

from bench.registry import Result, register
from organisations.models import Membership, Organisation, Sector, User
from organisations.roles import OrganisationRole
from training.models import Assignment, Module, ModuleVersion, VersionStatus
from training.services.assignments import rule_create

STAFF = 5_000
BUDGET_RATIO = 2.0  # the rule's checks, audit and lookup of who has it already cost less than the insert itself
REPEAT = 5


class _Rollback(Exception):
    pass


def _timed_and_rolled_back(function):
    started = time.perf_counter()
    try:
        with transaction.atomic():
            function()
            elapsed = (time.perf_counter() - started) * 1000
            raise _Rollback
    except _Rollback:
        return elapsed


@register("training_rule_assign")
def training_rule_assign(scale, log):
    staff = max(10, int(STAFF * scale))
    organisation = Organisation.objects.create(name="Bench County Council", sector=Sector.LOCAL_AUTHORITY)
    head = User.objects.create_user(email="head@bench.example.org")
    Membership.objects.create(user=head, organisation=organisation, role=OrganisationRole.HEAD)
    User.objects.bulk_create(User(email=f"staff{n}@bench.example.org") for n in range(staff))
    people = list(User.objects.filter(email__startswith="staff").values_list("pk", flat=True))
    Membership.objects.bulk_create(
        Membership(user_id=pk, organisation=organisation, role=OrganisationRole.STAFF) for pk in people
    )
    module = Module.objects.create(organisation=organisation, code="bench")
    ModuleVersion.objects.create(
        module=module, number=1, status=VersionStatus.PUBLISHED, title="Bench", summary="Bench"
    )
    log(f"{staff} staff")
    due = timezone.localdate() + datetime.timedelta(days=30)

    def ours():
        rule = rule_create(
            actor=head, organisation=organisation, module=module, role=OrganisationRole.STAFF, due_days=30
        )
        assert rule.assigned_now == staff

    def anchor():
        Assignment.objects.bulk_create(
            [Assignment(organisation=organisation, module=module, user_id=pk, due_date=due) for pk in people],
            batch_size=1000,
        )

    ours_ms = sorted(_timed_and_rolled_back(ours) for _ in range(REPEAT))[REPEAT // 2]
    anchor_ms = sorted(_timed_and_rolled_back(anchor) for _ in range(REPEAT))[REPEAT // 2]
    log(f"rule for {staff} staff: {ours_ms:.1f} ms; raw bulk_create {anchor_ms:.1f} ms")
    return Result(
        unit="ms",
        ours=ours_ms,
        anchor=anchor_ms,
        budget=f"<= {BUDGET_RATIO}x raw bulk_create",
        ok=ours_ms <= BUDGET_RATIO * anchor_ms,
        extra={"staff": staff},
    )
