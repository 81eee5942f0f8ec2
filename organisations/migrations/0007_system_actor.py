from django.db import migrations


def create_system_actor(apps, schema_editor):
    from organisations.system import SYSTEM_ACTOR_EMAIL, system_actor_fields

    User = apps.get_model("organisations", "User")
    User.objects.get_or_create(email=SYSTEM_ACTOR_EMAIL, defaults=system_actor_fields())


def remove_system_actor(apps, schema_editor):
    from organisations.system import SYSTEM_ACTOR_EMAIL

    apps.get_model("organisations", "User").objects.filter(email=SYSTEM_ACTOR_EMAIL).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0006_organisation_single_line_fields"),
    ]

    operations = [
        migrations.RunPython(create_system_actor, remove_system_actor),
    ]
