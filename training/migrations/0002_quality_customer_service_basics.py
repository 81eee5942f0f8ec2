"""Ship the shared module "Quality customer service: the basics" (English and Irish), version 1 published."""

from django.db import migrations


def install(apps, schema_editor):
    from training.content.loading import install_module
    from training.content.quality_customer_service_basics import MODULE

    install_module(apps, MODULE)


def remove(apps, schema_editor):
    from training.content.loading import remove_module
    from training.content.quality_customer_service_basics import CODE

    remove_module(apps, CODE)


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install, remove),
    ]
