import json
import os
import subprocess
import sys
from pathlib import Path

from django.test import override_settings

from common.checks import secret_key_configured

ROOT = Path(__file__).resolve().parents[1]


@override_settings(DEBUG=False, SECRET_KEY_FROM_ENVIRONMENT=False, SECRET_KEY="random-key-for-this-process-only-x")
def test_missing_secret_key_is_reported():
    assert [message.id for message in secret_key_configured(None)] == ["common.W001"]


@override_settings(DEBUG=False, SECRET_KEY_FROM_ENVIRONMENT=True)
def test_secret_key_from_the_environment_passes():
    assert secret_key_configured(None) == []


def production_settings(**environment):
    """The settings a production process gets (no DEBUG, no TESTING), read in a fresh interpreter."""
    env = {name: value for name, value in os.environ.items() if name not in {"TESTING", "DEBUG", "BENCH"}}
    script = (
        "import json; from config import settings as s; "
        "print(json.dumps([s.STORAGES['staticfiles']['BACKEND'], s.INSTALLED_APPS]))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**env, "SECRET_KEY": "x", **environment},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(completed.stdout)


def test_production_uses_the_manifest_storage_and_has_no_bench_or_test_tools():
    storage, apps = production_settings()
    assert storage == "common.storage.VendorTolerantManifestStorage"
    assert "bench" not in apps
    assert "common.app_configs.OperatorsAdminConfig" in apps


def test_bench_1_installs_the_benchmarks():
    storage, apps = production_settings(BENCH="1")
    assert "bench" in apps
    assert storage == "django.contrib.staticfiles.storage.StaticFilesStorage"
