import json

from .test_bench_command import run_bench


def test_training_rule_assign_runs_at_a_small_scale():
    completed = run_bench("training_rule_assign", "--scale", "0.004")
    assert completed.returncode in (0, 1), completed.stderr  # 1: outside the budget on a busy machine
    line = json.loads(completed.stdout.strip().splitlines()[-1])
    assert line["bench"] == "training_rule_assign" and line["staff"] == 20 and line["anchor"] > 0
