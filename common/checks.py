from django.conf import settings
from django.core.checks import Warning, register


@register()
def secret_key_configured(app_configs, **kwargs):
    if settings.DEBUG or settings.SECRET_KEY_FROM_ENVIRONMENT or settings.SECRET_KEY.startswith("django-insecure"):
        return []
    return [
        Warning(
            "SECRET_KEY is not set: a random key is used, so sessions and password-reset links end when the "
            "process restarts and differ between app servers.",
            hint="Set the SECRET_KEY environment variable.",
            id="common.W001",
        )
    ]
