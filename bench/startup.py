"""Cold start: seconds from launching gunicorn to the first 200 from /healthz (median of 3 runs).

Usage: .venv/bin/python bench/startup.py
"""

from __future__ import annotations

import statistics
import time

from bench.server import running_app, wait_until_healthy


def cold_start_seconds() -> float:
    start = time.perf_counter()
    with running_app() as (base, _process):
        wait_until_healthy(base)
        return time.perf_counter() - start


if __name__ == "__main__":
    runs = [cold_start_seconds() for _ in range(3)]
    print(f"cold start to first /healthz 200: median {statistics.median(runs):.2f} s "
          f"(runs: {', '.join(f'{r:.2f}' for r in runs)})")
