import json
import os
import subprocess
import sys
from pathlib import Path

from bench.registry import Result

ROOT = Path(__file__).resolve().parents[2]


def run_bench(*args, **environment):
    env = {**os.environ, "TESTING": "1", "HTTPS_ONLY": "0", **environment}
    env = {name: value for name, value in env.items() if value is not None}
    return subprocess.run(
        [sys.executable, "manage.py", "bench", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_bench_prints_one_json_line_last():
    completed = run_bench("workspace_home", "--scale", "0.002")
    assert completed.returncode == 0, completed.stderr
    line = json.loads(completed.stdout.strip().splitlines()[-1])
    assert set(line) >= {"bench", "unit", "ours", "anchor", "ratio", "budget", "ok"}
    assert line["bench"] == "workspace_home" and line["ours"] > 0 and line["anchor"] > 0
    assert line["ratio"] == round(line["ours"] / line["anchor"], 3)


def test_printed_ratio_is_computed_from_the_printed_figures():
    """CI once failed with 45.753 == 45.741: the ratio came from unrounded figures."""
    line = Result(unit="ms", ours=10.00004, anchor=0.10004, budget="", ok=True).as_dict("example")
    assert (line["ours"], line["anchor"], line["ratio"]) == (10.0, 0.1, 100.0)


def test_an_anchor_that_rounds_to_zero_gives_no_ratio():
    assert Result(unit="ms", ours=1.0, anchor=0.00001, budget="", ok=True).as_dict("example")["ratio"] is None


def test_unknown_benchmark_is_an_error():
    completed = run_bench("nope")
    assert completed.returncode != 0
    assert "Unknown benchmark" in completed.stderr


def test_bench_is_installed_with_bench_1_outside_the_test_suite():
    """`make bench` sets BENCH=1 and nothing else."""
    completed = run_bench("nope", TESTING=None, BENCH="1")
    assert "Unknown benchmark" in completed.stderr


def test_bench_is_not_installed_in_production():
    completed = run_bench("nope", TESTING=None, BENCH=None, DEBUG="0")
    assert completed.returncode != 0
    assert "Unknown command: 'bench'" in completed.stderr
