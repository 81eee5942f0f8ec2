from django.test import override_settings

from common.checks import secret_key_configured


@override_settings(DEBUG=False, SECRET_KEY_FROM_ENVIRONMENT=False, SECRET_KEY="random-key-for-this-process-only-x")
def test_missing_secret_key_is_reported():
    assert [message.id for message in secret_key_configured(None)] == ["common.W001"]


@override_settings(DEBUG=False, SECRET_KEY_FROM_ENVIRONMENT=True)
def test_secret_key_from_the_environment_passes():
    assert secret_key_configured(None) == []
