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

from web.dash_internals import COMPONENT_SUITES

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


STATIC = (COMPONENT_SUITES, "/assets/")


def warm_static(base: str, paths: list[str], browser, timeout: float = 300.0, streak: int = 4) -> list[str]:
    """Visit each path once and wait until every script and style it loaded answers brotli.

    web/precompressed.py makes brotli on a background thread of each worker the first time a file is
    asked for (gzip until then), so figures taken straight after start would count gzip. ``streak``
    brotli answers in a row per file make it likely every worker has it. Returns (and prints) the files
    still without brotli when ``timeout`` ran out."""
    urls: set[str] = set()
    context = browser.new_context()
    page = context.new_page()
    page.on("response", lambda r: r.url.startswith(tuple(base + s for s in STATIC)) and urls.add(r.url))
    for path in paths:
        page.goto(base + path, wait_until="networkidle")
    context.close()
    deadline = time.perf_counter() + timeout
    unsettled = []
    for url in sorted(urls):
        seen = 0
        while seen < streak and time.perf_counter() < deadline:
            request = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip"})
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
                encoding = response.headers.get("Content-Encoding")
                small = encoding is None and int(response.headers.get("Content-Length") or 0) < 256  # sent as it is
                seen = seen + 1 if encoding == "br" or small else 0
            if seen < streak:
                time.sleep(0.05 if seen else 0.5)
        if seen < streak:
            unsettled.append(url)
    if unsettled:
        print(f"warning: no brotli yet (figures count gzip) for {', '.join(u[len(base):] for u in unsettled)}")
    return unsettled
