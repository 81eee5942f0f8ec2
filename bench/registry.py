"""Benchmarks register here; `manage.py bench NAME` runs them.

A benchmark is a function returning a Result: our figure, the anchor measured in
the same run, and the budget. The command prints one JSON line per benchmark.
"""

import statistics
import time
from dataclasses import dataclass

BENCHMARKS = {}


@dataclass
class Result:
    unit: str
    ours: float
    anchor: float
    budget: str
    ok: bool
    extra: dict | None = None

    def as_dict(self, name):
        # The ratio is computed from the printed figures, so a reader recomputing it gets the same number.
        ours, anchor = round(self.ours, 4), round(self.anchor, 4)
        line = {
            "bench": name,
            "unit": self.unit,
            "ours": ours,
            "anchor": anchor,
            "ratio": round(ours / anchor, 3) if anchor else None,
            "budget": self.budget,
            "ok": bool(self.ok),
        }
        if self.extra:
            line.update(self.extra)
        return line


def register(name):
    def decorator(function):
        BENCHMARKS[name] = function
        return function

    return decorator


def median_ms(function, repeat):
    """Median wall time of `function()` in milliseconds over `repeat` runs (after one warm-up)."""
    function()
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def median_wall_and_cpu_ms(function, repeat):
    """Median wall time and median CPU time of `function()` in milliseconds over `repeat` runs (after one warm-up).

    CPU time (this process's, time.process_time) is the figure to compare on a loaded machine, where other
    work stretches wall time; wall time is what a person waits for."""
    function()
    walls, cpus = [], []
    for _ in range(repeat):
        wall_started, cpu_started = time.perf_counter(), time.process_time()
        function()
        cpus.append((time.process_time() - cpu_started) * 1000)
        walls.append((time.perf_counter() - wall_started) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def count_queries(function):
    """Number of SQL queries `function()` runs. (CaptureQueriesContext miscounts across requests,
    because every request resets the connection's query log.)"""
    from django.db import connection

    executed = []

    def record(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        function()
    return len(executed)
