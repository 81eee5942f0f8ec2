"""HTTP load for benchmarks: gunicorn start/stop, and a load generator: wrk when it is installed
(Debian package ``wrk``), else Python threads with http.client.

The load generator shares the machine's cores with the server. Python threads cost about as much CPU
per request as a bare Django view, so on two cores they cap what they can measure; wrk, written in C,
costs a small fraction of that. Ours and the anchor are always measured with the same generator, and
the benchmark says which one it used.

Gunicorn's sync workers close the connection after each response; the clients then reconnect
(keep-alive is used whenever the server allows it).
"""

import http.client
import json
import math
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)
WRK_SUMMARY = Path(__file__).with_name("wrk_summary.lua")
# wrk runs for whole seconds, not a number of requests: as long as `total` requests take at this rate.
WRK_ASSUMED_RATE = 250
CONNECTIONS = 4


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url_for_other_processes(directory):
    """A DATABASE_URL at which other processes see the benchmark's database (SQLite's in-memory test
    database is copied to a file)."""
    connection.ensure_connection()
    data = connection.settings_dict
    if connection.vendor == "sqlite":
        path = Path(directory) / "bench.sqlite3"
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}"
    user = data.get("USER") or ""
    password = f":{data['PASSWORD']}" if data.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    return f"postgres://{credentials}{data.get('HOST') or '127.0.0.1'}:{data.get('PORT') or 5432}/{data['NAME']}"


@contextmanager
def gunicorn(workers=2):
    """Serve bench.wsgi with gunicorn (sync workers) on a free local port; yields the port."""
    with tempfile.TemporaryDirectory() as directory:
        port = free_port()
        env = {
            **os.environ,
            "BENCH": "1",
            "DEBUG": "0",
            "HTTPS_ONLY": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url_for_other_processes(directory),
        }
        command = [sys.executable, "-m", "gunicorn", "bench.wsgi:application", "--workers", str(workers)]
        command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # noqa: S603
        try:
            _wait_until_up(port, server)
            yield port
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:  # pragma: no cover
                server.kill()


def _wait_until_up(port, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: {server.stderr.read().decode()[-2000:]}")
        try:
            status, _ = get(port, "/__bench__/bare/")
            if status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start in time")


def get(port, path, conn=None):
    """(status, body) of one GET; reuses `conn` when given."""
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        if own:
            conn.close()


def load_generator():
    """The load generator `requests_per_second` uses: "wrk" when installed, else "python"; the environment
    variable BENCH_LOAD_GENERATOR=python chooses Python threads anyway (to compare the two)."""
    if os.environ.get("BENCH_LOAD_GENERATOR") == "python" or not shutil.which("wrk"):
        return "python"
    return "wrk"


def requests_per_second(port, path, total):
    """Send about `total` GETs over CONNECTIONS connections; every answer must be 200. Returns req/s."""
    if load_generator() == "wrk":
        return _wrk_requests_per_second(port, path, seconds=max(1, math.ceil(total / WRK_ASSUMED_RATE)))
    return _python_requests_per_second(port, path, total)


def _wrk_requests_per_second(port, path, seconds):
    command = ["wrk", "--threads", "1", "--connections", str(CONNECTIONS), "--duration", f"{seconds}s"]
    command += ["--script", str(WRK_SUMMARY), f"http://127.0.0.1:{port}{path}"]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True)  # noqa: S603
    summary = json.loads(completed.stdout.strip().splitlines()[-1])
    failed = summary["not_ok"] + summary["socket_errors"]
    if failed or not summary["requests"]:
        raise RuntimeError(f"{path}: {failed} failed requests of {summary['requests']} (wrk)")
    return summary["requests"] / (summary["microseconds"] / 1_000_000)


def _python_requests_per_second(port, path, total):
    counter = iter(range(total))
    lock = threading.Lock()
    errors = []

    def work():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if next(counter, None) is None:
                    break
            try:
                conn.request("GET", path, headers={"Accept-Encoding": "identity"})
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors.append(response.status)
                if response.will_close:
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            except (OSError, http.client.HTTPException) as error:
                errors.append(repr(error))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()

    workers = [threading.Thread(target=work) for _ in range(CONNECTIONS)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise RuntimeError(f"{path}: {len(errors)} failed requests, e.g. {errors[:3]}")
    return total / elapsed
