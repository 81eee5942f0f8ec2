from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "common"

    def ready(self):
        # Registers the system checks, and the receiver that stamps each new session's sign-in time.
        from . import checks, sessions  # noqa: F401
