"""WSGI application for HTTP benchmarks: the project's URLs plus the bare anchor view (bench/urls.py).

Only with BENCH on (``make bench`` sets BENCH=1): production never serves the bare view.
"""

import os

import django
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
if not settings.BENCH:
    raise RuntimeError("bench.wsgi serves benchmark-only URLs: set BENCH=1.")
settings.ROOT_URLCONF = "bench.urls"

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
