import json

from .test_bench_command import run_bench


def test_training_compliance_bench_runs_at_a_tiny_scale():
    completed = run_bench("training_compliance", "--scale", "0.002")
    assert completed.returncode == 0, completed.stderr
    line = json.loads(completed.stdout.strip().splitlines()[-1])
    assert line["bench"] == "training_compliance" and line["ours"] > 0 and line["anchor"] > 0
    assert line["staff_large"] == 10 and line["staff_small"] == 5
    assert line["queries_small"] == line["queries_large"]
    assert line["completions"] >= 400 * 0.9
    assert "training compliance page" in completed.stderr
