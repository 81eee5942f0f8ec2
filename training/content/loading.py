"""The loader the data migrations of shipped modules use.

Each shipped module is a package of plain data (see `quality_customer_service_basics`). A data
migration installs it as a shared module (no organisation) with version 1 published; the loader takes
the migration's historical models so it keeps working when the models change later.
"""

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from organisations.system import SYSTEM_ACTOR_EMAIL


def install_module(apps, content):
    """Create the shared module described by `content` with version 1 published (skipped if it exists)."""
    Module = apps.get_model("training", "Module")
    if Module.objects.filter(organisation__isnull=True, code=content["code"]).exists():
        return None
    actor = apps.get_model("organisations", "User").objects.filter(email=SYSTEM_ACTOR_EMAIL).first()
    module = Module.objects.create(organisation=None, code=content["code"], created_by=actor)
    version = apps.get_model("training", "ModuleVersion").objects.create(
        module=module,
        number=1,
        status="published",
        created_by=actor,
        published_by=actor,
        published_at=timezone.now(),
        **content["version"],
    )
    Lesson = apps.get_model("training", "Lesson")
    Lesson.objects.bulk_create(
        Lesson(version=version, position=position, **lesson)
        for position, lesson in enumerate(content["lessons"], start=1)
    )
    Question = apps.get_model("training", "Question")
    Answer = apps.get_model("training", "Answer")
    for position, item in enumerate(content["questions"], start=1):
        question = Question.objects.create(
            version=version, position=position, kind=item["kind"], text=item["text"], text_ga=item["text_ga"]
        )
        Answer.objects.bulk_create(
            Answer(question=question, position=number, **answer)
            for number, answer in enumerate(item["answers"], start=1)
        )
    return module


def remove_module(apps, code):
    """Undo `install_module`, unless the module has moved on (later versions) or is in use (protected rows)."""
    module = apps.get_model("training", "Module").objects.filter(organisation__isnull=True, code=code).first()
    if module is None or module.versions.exclude(number=1).exists():
        return
    try:
        with transaction.atomic():
            module.delete()
    except ProtectedError:
        pass  # assigned, adopted or completed: the module stays
