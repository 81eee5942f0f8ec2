from django.db import migrations

# Permissions added after people already held roles: (codename, name, roles that hold it, assigned evaluators hold it).
# member_permissions_sync grants them to everyone added from now on; this gives them to those already there.
GRANTS = [
    ("review_documents", "Request changes to and approve charters and action plans", (), True),
    (
        "manage_surveys",
        "Build customer surveys, enter paper responses and read the results",
        ("head", "representative"),
        False,
    ),
]


def grant_to_existing_holders(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Membership = apps.get_model("organisations", "Membership")
    EvaluatorAssignment = apps.get_model("organisations", "EvaluatorAssignment")
    Granted = apps.get_model("organisations", "OrganisationUserObjectPermission")
    content_type, _ = ContentType.objects.get_or_create(app_label="organisations", model="organisation")
    for codename, name, roles, evaluators in GRANTS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        holders = set(Membership.objects.filter(role__in=roles).values_list("user_id", "organisation_id"))
        if evaluators:
            holders |= set(EvaluatorAssignment.objects.values_list("evaluator_id", "organisation_id"))
        held = set(Granted.objects.filter(permission=permission).values_list("user_id", "content_object_id"))
        Granted.objects.bulk_create(
            Granted(user_id=user_id, content_object_id=organisation_id, permission=permission)
            for user_id, organisation_id in sorted(holders - held)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("organisations", "0012_organisation_permissions"),
    ]

    operations = [
        migrations.RunPython(grant_to_existing_holders, migrations.RunPython.noop),
    ]
