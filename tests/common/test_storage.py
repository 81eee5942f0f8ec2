"""Production static files: vendor CSS naming a missing file does not stop collectstatic; ours does."""

import json

import pytest
from django.apps import apps
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import override_settings
from whitenoise.storage import MissingFileError

STORAGE = "common.storage.VendorTolerantManifestStorage"


@pytest.fixture
def collect(tmp_path):
    """Run collectstatic with the production storage over a static folder built by the test."""
    source = tmp_path / "source"
    target = tmp_path / "collected"

    def run(files):
        for name, text in files.items():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_text(text)
        with override_settings(
            DEBUG=False,
            STATICFILES_DIRS=[source],
            STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
            STATIC_ROOT=target,
            STORAGES={
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {"BACKEND": STORAGE},
            },
        ):
            finders.get_finder.cache_clear()
            try:
                call_command("collectstatic", interactive=False, verbosity=0)
            finally:
                finders.get_finder.cache_clear()
        return json.loads((target / "staticfiles.json").read_text())["paths"], target

    return run


def test_vendor_reference_to_a_missing_file_is_left_unchanged(collect):
    paths, target = collect(
        {
            "viewflow/fonts/stray.css": "@font-face { src: url('./Missing.woff2'); }\nb { background: url(dot.png); }",
            "viewflow/fonts/dot.png": "png",
        }
    )
    collected = (target / paths["viewflow/fonts/stray.css"]).read_text()
    assert "url('./Missing.woff2')" in collected
    assert f'url("{paths["viewflow/fonts/dot.png"].rsplit("/", 1)[-1]}")' in collected


def test_our_own_reference_to_a_missing_file_still_fails(collect):
    with pytest.raises(MissingFileError):
        collect({"css/site.css": "body { background: url(missing.png); }"})


def test_collectstatic_leaves_out_vendor_files_no_page_loads():
    ignore_patterns = apps.get_app_config("staticfiles").ignore_patterns
    collected = {path for finder in finders.get_finders() for path, _storage in finder.list(ignore_patterns)}
    assert {
        "viewflow/fonts/roboto/roboto-fontface.css",
        "viewflow/css/viewflow.min.css",
        "css/workspace.css",
    } <= collected
    assert not [path for path in collected if "node_modules" in path or path.startswith("viewflow/js/contrib/dash")]
