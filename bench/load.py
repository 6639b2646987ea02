"""Load test: gunicorn (workers = cores) on 127.0.0.1 under a bounded, realistic mix of requests.

Usage: .venv/bin/python -m bench.load [--clients 10 50 200] [--seconds 20]
Each client is a thread with its own keep-alive connection that loops over the mix until the time
is up (no loop is unbounded; only 127.0.0.1 is ever contacted). Prints requests per second,
p50/p95/p99 latency per kind and overall, errors, and each worker's memory before and after.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import threading
import time
from collections import defaultdict
from pathlib import Path

from bench.server import running_app, wait_until_healthy

ROUTER = ".._pages_content.children..._pages_store.data.."
MAP_QUERY = "?indicator=violent_deaths&measure=rate&source=ovv&year=2023&level=state&view=map"


def routing(pathname: str, search: str) -> dict:
    location = {"id": "_pages_location", "property": "pathname", "value": pathname}
    return {"output": ROUTER,
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [location, {"id": "_pages_location", "property": "search", "value": search}],
            "changedPropIds": ["_pages_location.pathname"], "state": [location]}


def callback_body(spec_key: str, spec: dict, values: dict[str, object]) -> dict:
    """A callback request as the browser sends it, from the app's own dependency list."""
    def items(deps):
        return [{"id": d["id"], "property": d["property"], "value": values.get(f"{d['id']}.{d['property']}")}
                for d in deps]
    outputs = spec["output"]
    if isinstance(outputs, list):
        out = [{"id": o.component_id, "property": o.component_property} for o in outputs]
    else:
        out = {"id": outputs.component_id, "property": outputs.component_property}
    inputs = items(spec["inputs"])
    return {"output": spec_key, "outputs": out, "inputs": inputs, "state": items(spec.get("state", [])),
            "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"]}


def build_mix() -> list[tuple[str, str, str, bytes | None]]:
    """(kind, method, path, body) requests in the proportions a busy day might bring."""
    import app

    app.server.test_client().get("/es")  # registers callbacks
    specs = app.app.callback_map
    selection_key = next(k for k in specs if "map-frames.data" in k)
    csv_key = next(k for k in specs if k.startswith("map-download.data"))
    year_values = {"map-indicator.value": "violent_deaths", "map-measure.value": "rate", "map-source.value": "ovv",
                   "map-level.value": "state", "map-view.value": "map", "map-state.data": None,
                   "map-year.value": 2022, "map-lang.data": "es"}
    drill_values = {**year_values, "map-state.data": "VE-F", "map-level.value": "municipality"}
    csv_values = {**year_values, "map-download-csv.n_clicks": 1}

    def post(body: dict) -> bytes:
        return json.dumps(body).encode()

    mix = [
        ("page html", "GET", "/es/map" + MAP_QUERY, None),
        ("page html", "GET", "/es", None),
        ("page layout", "POST", "/_dash-update-component", post(routing("/es/map", MAP_QUERY))),
        ("page layout", "POST", "/_dash-update-component", post(routing("/en/trends", ""))),
        ("selection change", "POST", "/_dash-update-component", post(callback_body(selection_key, specs[selection_key], year_values))),
        ("drill-down", "POST", "/_dash-update-component", post(callback_body(selection_key, specs[selection_key], drill_values))),
        ("geometry", "GET", "/geo/states.geojson", None),
        ("geometry", "GET", "/geo/municipalities/VE-F.geojson", None),
        ("csv download", "POST", "/_dash-update-component", post(callback_body(csv_key, specs[csv_key], csv_values))),
    ]
    if any(p.get("path_template", "") == "/embed/<chart>" for p in __import__("dash").page_registry.values()):
        mix += [("embed", "GET", "/embed/map" + MAP_QUERY, None),
                ("embed", "POST", "/_dash-update-component", post(routing("/embed/map", MAP_QUERY)))]
    return mix


def client(port: int, mix, deadline: float, results, errors, seed: int) -> None:
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.perf_counter() < deadline:
        kind, method, path, body = rng.choice(mix)
        headers = {"Accept-Encoding": "gzip"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        start = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            ok = response.status < 400
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        elapsed = (time.perf_counter() - start) * 1000
        (results[kind] if ok else errors[kind]).append(elapsed)
    connection.close()


def worker_memory(master_pid: int) -> dict[int, float]:
    """Resident memory (MB) of each gunicorn worker, from /proc."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    memory = {}
    for pid in map(int, children):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                memory[pid] = int(line.split()[1]) / 1024
    return memory


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))] if ordered else float("nan")


def run(clients: int, seconds: float, mix, base: str, master_pid: int) -> None:
    port = int(base.rsplit(":", 1)[1])
    results: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[float]] = defaultdict(list)
    before = worker_memory(master_pid)
    deadline = time.perf_counter() + seconds
    threads = [threading.Thread(target=client, args=(port, mix, deadline, results, errors, i)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    duration = time.perf_counter() - started
    after = worker_memory(master_pid)
    everything = [v for values in results.values() for v in values]
    total_errors = sum(len(v) for v in errors.values())
    print(f"\n== {clients} clients, {seconds:.0f} s: {len(everything)} ok, {total_errors} errors, "
          f"{len(everything) / duration:.1f} requests/s")
    print(f"   all: p50 {percentile(everything, 50):.0f} ms, p95 {percentile(everything, 95):.0f} ms, "
          f"p99 {percentile(everything, 99):.0f} ms")
    for kind in sorted(results):
        values = results[kind]
        print(f"   {kind:17s} n={len(values):5d}  p50 {percentile(values, 50):6.0f}  p95 {percentile(values, 95):6.0f}"
              f"  p99 {percentile(values, 99):6.0f} ms  errors {len(errors.get(kind, []))}")
    memory = ", ".join(f"{pid}: {before.get(pid, float('nan')):.0f} → {mb:.0f} MB" for pid, mb in after.items())
    print(f"   worker memory (RSS): {memory}")
    if everything:
        print(f"   median of all: {statistics.median(everything):.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    workers = os.cpu_count() or 1
    mix = build_mix()
    print(f"machine: {os.cpu_count()} cores; gunicorn workers = {workers} (gthread, 8 threads each); "
          f"mix of {len(mix)} request kinds")
    env = {"GUNICORN_CMD_ARGS": "--worker-class gthread --threads 8 --backlog 2048"}
    with running_app(workers=workers, env=env) as (base, process):
        wait_until_healthy(base)
        # Warm each worker's caches once, as a deployment would after start-up.
        run(4, 3, mix, base, process.pid)
        print("(the run above warmed the caches)")
        for clients in args.clients:
            run(clients, args.seconds, mix, base, process.pid)


if __name__ == "__main__":
    main()
