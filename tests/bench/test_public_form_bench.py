"""The public_form benchmark at a tiny scale: gunicorn starts, both views answer, the line is printed.
(No budget is checked here: timings belong to `make bench`, never to the test suite.)"""

import json

from .test_bench_command import run_bench


def test_public_form_bench_runs_and_prints_req_per_second_and_size():
    completed = run_bench("public_form", "--scale", "0.002")
    assert completed.returncode == 0 or "outside its budget" in completed.stderr, completed.stderr
    line = json.loads(completed.stdout.strip().splitlines()[-1])
    assert line["bench"] == "public_form" and line["unit"] == "req/s"
    assert line["ours"] > 0 and line["anchor"] > 0
    assert 0 < line["transfer_bytes"] < 50 * 1024
