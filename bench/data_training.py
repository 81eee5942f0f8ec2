"""Large-data generator for training: a shared module, staffed organisations with assignments, and completions.

At scale 1 the platform holds 200,000 completions: those of the organisations measured plus background people
who completed the module elsewhere (four completions each, over three years). Completions go in with COPY on
PostgreSQL and in bulk_create batches elsewhere.
"""

import datetime

import numpy as np
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from organisations.models import Membership, Organisation, Sector, User
from organisations.roles import OrganisationRole
from training.models import Assignment, Completion, Module, ModuleVersion, VersionStatus

LARGE_SCALE = {"completions": 200_000, "staff": 5_000}
BATCH = 10_000
COMPLETION_COLUMNS = (
    "user_id",
    "organisation_id",
    "module_id",
    "version_id",
    "version_number",
    "completed_at",
    "expires_on",
)


def bench_modules(count=2):
    """Shared modules with one published version each (24 months' validity)."""
    modules = Module.objects.bulk_create(Module(code=f"bench-module-{i}") for i in range(count))
    return ModuleVersion.objects.bulk_create(
        ModuleVersion(
            module=module,
            number=1,
            status=VersionStatus.PUBLISHED,
            title=f"Bench module {i}",
            summary="Bench",
            validity_months=24,
            published_at=timezone.now(),
        )
        for i, module in enumerate(modules)
    )


def _copy_completions(rows):
    columns = ", ".join(COMPLETION_COLUMNS)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {Completion._meta.db_table} ({columns}) FROM STDIN") as copy,  # noqa: S608
    ):
        for row in rows:
            copy.write_row(row)


def insert_completions(rows):
    """Rows of COMPLETION_COLUMNS; COPY on PostgreSQL."""
    if connection.vendor == "postgresql":
        _copy_completions(rows)
        return
    batch = []
    for row in rows:
        batch.append(Completion(**dict(zip(COMPLETION_COLUMNS, row, strict=True))))
        if len(batch) == BATCH:
            Completion.objects.bulk_create(batch)
            batch = []
    Completion.objects.bulk_create(batch)


def _completion_rows(user_ids, organisation_id, versions, per_person, rng):
    """`per_person` completions per person and module, spread over the last three years."""
    now = timezone.now()
    for version in versions:
        ages = rng.integers(0, 3 * 365, (len(user_ids), per_person)).tolist()
        for user_id, days in zip(user_ids, ages, strict=True):
            for age in days:
                completed_at = now - datetime.timedelta(days=age)
                expires = (completed_at + datetime.timedelta(days=730)).date()
                yield (
                    user_id,
                    organisation_id,
                    version.module_id,
                    version.pk,
                    version.number,
                    completed_at,
                    expires,
                )


def _people(prefix, count):
    password = make_password("bench-password")
    return User.objects.bulk_create(
        (
            User(email=f"{prefix}{i}@example.org", first_name="Bench", last_name=f"Person {i}", password=password)
            for i in range(count)
        ),
        batch_size=BATCH,
    )


@transaction.atomic
def generate_staffed_organisation(name, staff, versions, log=print, *, seed=1):
    """An organisation with `staff` staff members, each assigned every module, with one or two completions each
    (about a fifth have none; some have expired). Returns the organisation."""
    rng = np.random.default_rng(seed)
    organisation = Organisation.objects.create(name=name, short_name=name[:40], sector=Sector.LOCAL_AUTHORITY)
    people = _people(f"{name.lower().replace(' ', '-')}-", staff)
    Membership.objects.bulk_create(
        (Membership(user=user, organisation=organisation, role=OrganisationRole.STAFF) for user in people),
        batch_size=BATCH,
    )
    today = timezone.localdate()
    Assignment.objects.bulk_create(
        (
            Assignment(
                organisation=organisation,
                module_id=version.module_id,
                user=user,
                due_date=today + datetime.timedelta(days=int(offset)),
            )
            for version in versions
            for user, offset in zip(people, rng.integers(-200, 200, len(people)).tolist(), strict=True)
        ),
        batch_size=BATCH,
    )
    Assignment.objects.filter(organisation=organisation).update(
        created_at=timezone.now() - datetime.timedelta(days=800)
    )
    trained = [user.pk for user in people if rng.random() < 0.8]
    insert_completions(_completion_rows(trained, organisation.pk, versions, 2, rng))
    log(f"{name}: {staff} staff, {len(versions) * staff} assignments, {len(versions) * len(trained) * 2} completions")
    return organisation


@transaction.atomic
def generate_background_completions(count, versions, log=print):
    """About `count` completions by people of background organisations (four per person and module)."""
    rng = np.random.default_rng(20260101)
    per_person = 4
    people_count = max(1, count // (per_person * len(versions)))
    organisation = Organisation.objects.create(name="Training background body", sector=Sector.AGENCY)
    people = _people("training-background-", people_count)
    insert_completions(_completion_rows([user.pk for user in people], organisation.pk, versions, per_person, rng))
    log(f"background: {people_count} people, {people_count * per_person * len(versions)} completions")
    return people_count * per_person * len(versions)
