"""The named system actor: who background work (feeds, scheduled jobs) acts as.

Work that no person started still has an actor, so services never take ``actor=None``
and the audit log names it. The account is active (foreign keys and audit events point
to it) but has an unusable password and no roles: nobody can sign in as it, and a
password reset is never sent to it (Django skips unusable passwords).
"""

from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from .models import User

SYSTEM_ACTOR_EMAIL = "system@qcs.invalid"
SYSTEM_ACTOR_FIRST_NAME = "QCS"
SYSTEM_ACTOR_LAST_NAME = "system"
SYSTEM_ACTOR_LABEL = _("QCS system (automatic work)")


def system_actor_fields():
    """The account's fields; shared by system_actor() and the data migration that creates it."""
    return {
        "first_name": SYSTEM_ACTOR_FIRST_NAME,
        "last_name": SYSTEM_ACTOR_LAST_NAME,
        "is_active": True,
        "is_staff": False,
        "is_superuser": False,
        "password": make_password(None),
    }


def system_actor():
    """The system actor's account (created by a migration; recreated if it was removed)."""
    actor, _created = User.objects.get_or_create(email=SYSTEM_ACTOR_EMAIL, defaults=system_actor_fields())
    return actor


def is_system_actor(user):
    return getattr(user, "email", None) == SYSTEM_ACTOR_EMAIL
