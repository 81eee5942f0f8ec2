"""Standard codes unique per organisation regardless of case (CS-1 and cs-1 are the same code).

The database constraint is the arbiter when two people create a standard at the same moment.
Existing codes that differ only in case are not renamed (codes appear in returns and imports):
the migration stops and lists them so an operator can rename one of each pair first.
"""

import django.db.models.functions.text
from django.db import migrations, models
from django.db.models import Count
from django.db.models.functions import Lower


def refuse_case_duplicates(apps, schema_editor):
    ServiceStandard = apps.get_model("standards", "ServiceStandard")
    clashes = (
        ServiceStandard.objects.annotate(lower_code=Lower("code"))
        .values("organisation_id", "lower_code")
        .annotate(count=Count("pk"))
        .filter(count__gt=1)
        .order_by("organisation_id", "lower_code")
    )
    if clashes:
        listed = ", ".join(f"organisation {row['organisation_id']}: {row['lower_code']}" for row in clashes)
        raise RuntimeError(
            "Standard codes that differ only in case must be renamed before this migration can make codes "
            f"case-insensitively unique: {listed}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0004_assign_evaluators_permission"),
        ("standards", "0003_return_constraints"),
    ]

    operations = [
        migrations.RunPython(refuse_case_duplicates, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="servicestandard",
            name="standard_code_unique",
        ),
        migrations.AddConstraint(
            model_name="servicestandard",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("code"), models.F("organisation"), name="standard_code_unique_ci"
            ),
        ),
    ]
