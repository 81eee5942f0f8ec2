"""Large-data generator: the design's scale, or a fraction of it (--scale)."""

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from organisations.models import Membership, Organisation, OrganisationUserObjectPermission, Sector, User
from organisations.roles import OrganisationRole, permissions_for_roles

LARGE_SCALE = {"organisations": 500, "users": 50_000}


def analyze_tables():
    """Refresh PostgreSQL's planner statistics after a bulk load, as autovacuum would on a live database: with the
    statistics of empty tables the planner picks plans no production database would run."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def scaled(name, scale):
    return max(1, int(LARGE_SCALE[name] * scale))


@transaction.atomic
def generate_organisations_and_people(scale, log=print):
    """Organisations with members in every role, and their object permissions, in bulk."""
    from django.contrib.auth.models import Permission

    org_count, user_count = scaled("organisations", scale), scaled("users", scale)
    sectors = list(Sector.values)
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Bench body {i:04d}", short_name=f"B{i}", sector=sectors[i % len(sectors)])
        for i in range(org_count)
    )
    password = make_password("bench-password")
    users = User.objects.bulk_create(User(email=f"bench{i}@example.org", password=password) for i in range(user_count))
    roles = list(OrganisationRole)
    memberships = [
        Membership(user=user, organisation=organisations[i % org_count], role=roles[i % len(roles)])
        for i, user in enumerate(users)
    ]
    Membership.objects.bulk_create(memberships, batch_size=5000)
    permissions = {p.codename: p for p in Permission.objects.filter(content_type__app_label="organisations")}
    OrganisationUserObjectPermission.objects.bulk_create(
        (
            OrganisationUserObjectPermission(
                user=membership.user, content_object=membership.organisation, permission=permissions[codename]
            )
            for membership in memberships
            for codename in permissions_for_roles([membership.role])
        ),
        batch_size=5000,
    )
    log(f"generated {org_count} organisations, {user_count} users")
    return organisations, users
