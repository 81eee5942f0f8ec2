import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_bench(*args):
    env = {**os.environ, "TESTING": "1", "HTTPS_ONLY": "0"}
    return subprocess.run(
        [sys.executable, "manage.py", "bench", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_bench_prints_one_json_line_last():
    completed = run_bench("workspace_home", "--scale", "0.002")
    assert completed.returncode == 0, completed.stderr
    line = json.loads(completed.stdout.strip().splitlines()[-1])
    assert set(line) >= {"bench", "unit", "ours", "anchor", "ratio", "budget", "ok"}
    assert line["bench"] == "workspace_home" and line["ours"] > 0 and line["anchor"] > 0
    assert (
        line["ratio"] == round(line["ours"] / line["anchor"], 3)
        or abs(line["ratio"] - line["ours"] / line["anchor"]) < 0.01
    )


def test_unknown_benchmark_is_an_error():
    completed = run_bench("nope")
    assert completed.returncode != 0
    assert "Unknown benchmark" in completed.stderr
