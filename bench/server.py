"""Start the app with gunicorn on a free loopback port for a benchmark, and stop it afterwards."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(base: str, timeout: float = 60.0) -> float:
    """Seconds until ``/healthz`` answers 200; raise if it never does."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"{base} did not become healthy in {timeout} s")


@contextlib.contextmanager
def running_app(workers: int = 1, env: dict[str, str] | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """Yield the base URL of a gunicorn-served app (only 127.0.0.1 is ever used)."""
    port = free_port()
    command = [
        str(GUNICORN), "--preload", "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
        "--no-control-socket", "--log-level", "warning", "app:server",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
