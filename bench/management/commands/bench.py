import importlib
import json
import pkgutil

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings, setup_databases, teardown_databases

import bench.benchmarks
from bench.registry import BENCHMARKS


def _load_benchmarks():
    for module in pkgutil.iter_modules(bench.benchmarks.__path__):
        importlib.import_module(f"bench.benchmarks.{module.name}")


class Command(BaseCommand):
    help = "Run one benchmark (or all) in a throw-away test database; the last line of each is JSON."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
        parser.add_argument("--scale", type=float, default=1.0, help="fraction of the large-data scale to generate")
        parser.add_argument("--keepdb", action="store_true", help="reuse the benchmark database between runs")

    def handle(self, *args, names, scale, keepdb, **options):
        _load_benchmarks()
        unknown = sorted(set(names) - BENCHMARKS.keys())
        if unknown:
            raise CommandError(f"Unknown benchmark(s): {', '.join(unknown)}. Known: {', '.join(sorted(BENCHMARKS))}")
        for database in settings.DATABASES.values():
            if database["ENGINE"] != "django.db.backends.sqlite3":
                # Never the test suite's database: the two may run at the same time.
                database.setdefault("TEST", {})["NAME"] = f"bench_{database['NAME']}"
        # Like production: no template instrumentation (setup_test_environment would add it), DEBUG off.
        environment = override_settings(
            DEBUG=False,
            ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        )
        environment.enable()
        failed = False
        try:
            for name in names or sorted(BENCHMARKS):
                # Each benchmark gets a database of its own, so one's data never weighs on another.
                databases = setup_databases(verbosity=0, interactive=False, keepdb=keepdb)
                try:
                    line = BENCHMARKS[name](scale=scale, log=self.stderr.write).as_dict(name)
                finally:
                    teardown_databases(databases, verbosity=0, keepdb=keepdb)
                failed = failed or not line["ok"]
                self.stdout.write(json.dumps(line))
        finally:
            environment.disable()
        if failed:
            self.stderr.write("At least one benchmark is outside its budget.")
