"""Requests per second for the public red-button form (GET), 2 gunicorn workers, against a bare view.

Both are served by the same gunicorn in the same run and loaded by the same generator (wrk when
installed, else Python threads: bench/http_load.py), which the result names. Also printed: the bytes
a phone downloads for the page (HTML + its CSS), which must stay under 50 KB.
"""

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.urls import reverse

from bench.http_load import get, gunicorn, load_generator, requests_per_second
from bench.registry import Result, register
from feedback.models import ServicePoint
from organisations.models import Organisation

BUDGET_RPS = 300
BUDGET_BYTES = 50 * 1024


def transfer_bytes(html):
    """HTML bytes plus the stylesheets it links (read from the static files)."""
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html.decode())
    static = [path.split("/static/", 1)[-1] for path in stylesheets]
    return len(html) + sum(Path(finders.find(path)).stat().st_size for path in static)


@register("public_form")
def public_form(scale, log):
    organisation = Organisation.objects.create(name="Benchmark Customs")
    point = ServicePoint.objects.create(organisation=organisation, name="Benchmark port", address="Pier 1")
    form_path = reverse("public_feedback:report", kwargs={"code": point.code})
    total = max(40, int(4000 * scale))
    with gunicorn(workers=2) as port:
        status, html = get(port, form_path)
        assert status == 200, status
        requests_per_second(port, form_path, max(10, total // 10))  # warm-up
        requests_per_second(port, "/__bench__/bare/", max(10, total // 10))
        ours = requests_per_second(port, form_path, total)
        anchor = requests_per_second(port, "/__bench__/bare/", total)
    size = transfer_bytes(html)
    client = load_generator()
    log(f"public form: {ours:.0f} req/s; bare view {anchor:.0f} req/s ({client}); {size} bytes (HTML + CSS)")
    return Result(
        unit="req/s",
        ours=ours,
        anchor=anchor,
        budget=f">= {BUDGET_RPS} req/s, < {BUDGET_BYTES} bytes",
        ok=ours >= BUDGET_RPS and size < BUDGET_BYTES,
        extra={"transfer_bytes": size, "requests": total, "load_generator": client},
    )
