"""Load test: gunicorn (workers = cores) on 127.0.0.1 under a bounded, realistic mix of requests.

Usage: .venv/bin/python -m bench.load [--clients 10 50 200] [--seconds 20] [--think 0]

The mix is drawn from the app's own views: every page in both languages, briefings for the country
and each state, map selections over every indicator, measure, source, level and year, drill-downs
into each state, geometry, CSV downloads and embeds of every chart; so part of each run asks for
answers no worker has computed yet. The server starts with an empty cache (a temporary CACHE_DIR).

Each client is a thread with its own keep-alive connection that loops over the mix until the time is
up, pausing ``--think`` seconds (on average, exponential) between requests; 0 is a closed loop, the
hardest case. No loop is unbounded and only 127.0.0.1 is contacted. Prints requests per second,
p50/p95/p99 latency per kind (callbacks split by whether the answer was stored or computed), errors,
CPU used by the server and by this load generator (they share the machine), and each worker's memory.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

from bench.server import ROOT, running_app, wait_until_healthy
from warm import first_visits
from web.dash_internals import CALLBACK_PATH as CALLBACK
from web.dash_internals import routing_body

POOL_SIZE = 400  # distinct requests of each kind that clients choose from
Request = tuple[str, str, str, bytes | None]  # kind, method, path, body


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


def map_views(rng: random.Random) -> list[dict[str, object]]:
    """Valid map selections: every indicator, measure, source and level, with a year that has figures."""
    from geo import codes
    from views.map_view import MapView, map_indicators, measures_for, sources_for

    states = [s for s in codes.state_iso_codes() if codes.municipality_pcodes(s)]
    views = []
    for level in ("state", "municipality"):
        for indicator in map_indicators(level):
            for measure in measures_for(indicator, level):
                for source in sources_for(indicator, measure, level):
                    for _ in range(6):
                        state = rng.choice(states) if level == "municipality" and rng.random() < 0.7 else None
                        asked = {"indicator": indicator, "measure": measure, "source": source, "level": level,
                                 "view": rng.choice(["map", "map", "map", "tiles"]) if not state else "map"}
                        if state:
                            asked["state"] = state
                        view, _notices = MapView.from_params(asked, "es")
                        views.append({**view.to_params(), "lang": rng.choice(["es", "es", "en"])})
    return views


def page_paths(rng: random.Random) -> list[tuple[str, str]]:
    """(path, query) of every page in both languages, briefings for the country and every state."""
    from urllib.parse import urlencode

    paths = [(path, search) for path, search in first_visits() if not path.startswith("/embed/")]
    for view in rng.sample(map_views(rng), 60):
        lang = view.pop("lang")
        paths.append((f"/{lang}/map", "?" + urlencode(view)))
    return paths


def embed_paths(rng: random.Random) -> list[tuple[str, str]]:
    from urllib.parse import urlencode

    paths = [(path, search) for path, search in first_visits() if path.startswith("/embed/")]
    for view in rng.sample(map_views(rng), 40):
        paths.append(("/embed/map", "?" + urlencode(view)))
    return paths


def build_mix(seed: int = 7) -> list[list[Request]]:
    """Pools of (kind, method, path, body) requests, one pool per kind, weighted as a busy day might be."""
    import app
    from geo import codes

    rng = random.Random(seed)
    specs = app.app.callback_map
    selection_key = next(k for k in specs if "map-frames.data" in k)
    csv_key = next(k for k in specs if k.startswith("map-download.data"))

    def post(body: dict) -> bytes:
        return json.dumps(body).encode()

    def map_values(view: dict[str, object]) -> dict[str, object]:
        return {"map-indicator.value": view["indicator"], "map-measure.value": view["measure"],
                "map-source.value": view["source"], "map-level.value": view["level"],
                "map-view.value": view.get("view", "map"), "map-state.data": view.get("state"),
                "map-year.value": int(view["year"]), "map-lang.data": view["lang"], "map-download-csv.n_clicks": 1}

    views = map_views(rng)
    drills = [v for v in views if v.get("state")]
    pages = page_paths(rng)
    embeds = embed_paths(rng)
    states = [s for s in codes.state_iso_codes() if codes.municipality_pcodes(s)]

    def pool(make) -> list[Request]:
        return [make() for _ in range(POOL_SIZE)]

    def page_html() -> Request:
        path, search = rng.choice(pages)
        return ("page html", "GET", path + search, None)

    def page_layout() -> Request:
        path, search = rng.choice(pages)
        return ("page layout", "POST", CALLBACK, routing_body(path, search))

    def selection() -> Request:
        return ("selection change", "POST", CALLBACK,
                post(callback_body(selection_key, specs[selection_key], map_values(rng.choice(views)))))

    def drill() -> Request:
        return ("drill-down", "POST", CALLBACK,
                post(callback_body(selection_key, specs[selection_key], map_values(rng.choice(drills)))))

    def geometry() -> Request:
        name = rng.choice(["states.geojson", "municipalities.geojson", "tiles.geojson",
                           *(f"municipalities/{s}.geojson" for s in states)])
        return ("geometry", "GET", f"/geo/{name}", None)

    def csv_download() -> Request:
        return ("csv download", "POST", CALLBACK,
                post(callback_body(csv_key, specs[csv_key], map_values(rng.choice(views)))))

    def embed() -> Request:
        path, search = rng.choice(embeds)
        if rng.random() < 0.5:
            return ("embed", "GET", path + search, None)
        return ("embed", "POST", CALLBACK, routing_body(path, search))

    # Weights: page visits and their layouts dominate; map interactions next; downloads are rarer.
    weighted = [(page_html, 4), (page_layout, 4), (selection, 2), (drill, 2), (geometry, 2), (csv_download, 1),
                (embed, 2)]
    return [pool(make) for make, weight in weighted for _ in range(weight)]


STALE_CONNECTION = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)


def exchange(connection: http.client.HTTPConnection, method: str, path: str, body: bytes | None,
             headers: dict[str, str]) -> http.client.HTTPResponse:
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.content = response.read()
    return response


def client(port: int, mix: list[list[Request]], deadline: float, think: float, results, errors, reconnects,
           seed: int) -> None:
    """One visitor: a keep-alive connection, requests until the deadline, a pause of ``think`` on average.

    As a browser does, a request that finds its idle connection closed by the server (gunicorn closes
    keep-alive connections idle for 2 s) is sent once more on a new connection; those are counted.
    """
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.perf_counter() < deadline:
        kind, method, path, body = rng.choice(rng.choice(mix))
        headers = {"Accept-Encoding": "gzip"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        start = time.perf_counter()
        try:
            try:
                response = exchange(connection, method, path, body, headers)
            except STALE_CONNECTION:
                reconnects.append(1)
                connection.close()
                response = exchange(connection, method, path, body, headers)
            ok, reason = response.status < 400, f"HTTP {response.status} {response.content[:80]!r}"
            outcome = response.getheader("X-Callback-Cache")
        except (OSError, http.client.HTTPException) as error:
            ok, outcome, reason = False, None, type(error).__name__
            connection.close()
        elapsed = (time.perf_counter() - start) * 1000
        if outcome:
            kind = f"{kind} ({'stored' if outcome == 'hit' else 'computed'})"
        if ok:
            results[kind].append(elapsed)
        else:
            errors[kind].append(reason)
        if think:
            time.sleep(min(rng.expovariate(1 / think), 10 * think, max(0.0, deadline - time.perf_counter())))
    connection.close()


def worker_pids(master_pid: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()]


def worker_memory(master_pid: int) -> dict[int, float]:
    """Resident memory (MB) of each gunicorn worker, from /proc."""
    memory = {}
    for pid in worker_pids(master_pid):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                memory[pid] = int(line.split()[1]) / 1024
    return memory


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds the processes have used, from /proc/<pid>/stat."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))] if ordered else float("nan")


def sample_memory(master_pid: int, every: float, until: float, samples: list[float]) -> None:
    """Total worker RSS every ``every`` seconds until the deadline (a bounded loop)."""
    while time.perf_counter() < until:
        samples.append(sum(worker_memory(master_pid).values()))
        time.sleep(min(every, max(0.0, until - time.perf_counter())))


def run(clients: int, seconds: float, think: float, mix, base: str, master_pid: int, label: str = "",
        memory_every: float = 0) -> None:
    port = int(base.rsplit(":", 1)[1])
    results: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    reconnects: list[int] = []
    workers = worker_pids(master_pid)
    before = worker_memory(master_pid)
    server_cpu, own_cpu = cpu_seconds(workers), time.process_time()
    deadline = time.perf_counter() + seconds
    threads = [threading.Thread(target=client, args=(port, mix, deadline, think, results, errors, reconnects, i))
               for i in range(clients)]
    samples: list[float] = []
    if memory_every:
        threads.append(threading.Thread(target=sample_memory, args=(master_pid, memory_every, deadline, samples)))
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    duration = time.perf_counter() - started
    server_cpu, own_cpu = cpu_seconds(workers) - server_cpu, time.process_time() - own_cpu
    after = worker_memory(master_pid)
    everything = [v for values in results.values() for v in values]
    total_errors = sum(len(v) for v in errors.values())
    print(f"\n== {clients} clients, {seconds:.0f} s, think {think:g} s{label}: {len(everything)} ok, "
          f"{total_errors} errors, {len(everything) / duration:.1f} requests/s, "
          f"{len(reconnects)} resent after an idle connection was closed")
    print(f"   all: p50 {percentile(everything, 50):.0f} ms, p95 {percentile(everything, 95):.0f} ms, "
          f"p99 {percentile(everything, 99):.0f} ms")
    for kind in sorted(set(results) | set(errors)):
        values = results[kind]
        failed = errors.get(kind, [])
        why = f" ({', '.join(f'{n}× {r}' for r, n in Counter(failed).items())})" if failed else ""
        print(f"   {kind:30s} n={len(values):5d}  p50 {percentile(values, 50):6.0f}  p95 {percentile(values, 95):6.0f}"
              f"  p99 {percentile(values, 99):6.0f} ms  errors {len(failed)}{why}")
    stored = [v for kind, values in results.items() if kind.endswith("(stored)") for v in values]
    print(f"   every stored callback answer: n={len(stored)}, p95 {percentile(stored, 95):.0f} ms")
    print(f"   CPU: server {server_cpu / duration:.2f} cores, load generator {own_cpu / duration:.2f} cores "
          f"(of {os.cpu_count()})")
    memory = ", ".join(f"{pid}: {before.get(pid, float('nan')):.0f} → {mb:.0f} MB" for pid, mb in after.items())
    print(f"   worker memory (RSS): {memory}")
    if samples:
        print(f"   all workers' memory every {memory_every:g} s: {', '.join(f'{mb:.0f}' for mb in samples)} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--think", type=float, default=0.0, help="mean pause between a client's requests (s)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="gunicorn workers (default: cores)")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker")
    parser.add_argument("--keep-alive", type=float, default=2, help="gunicorn's keep-alive seconds (its default: 2)")
    parser.add_argument("--memory-every", type=float, default=0, help="also sample worker memory this often (s)")
    parser.add_argument("--warm", action="store_true", help="run `python -m warm` first, as a deployment does")
    args = parser.parse_args()
    workers = args.workers
    mix = build_mix()
    distinct = len({(m, p, b) for pool in mix for _k, m, p, b in pool})
    print(f"machine: {os.cpu_count()} cores; gunicorn workers = {workers} (gthread, {args.threads} threads each); "
          f"{distinct} distinct requests in the mix")
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as cache_dir:
        env = {"GUNICORN_CMD_ARGS": f"--worker-class gthread --threads {args.threads} --backlog 2048 "
                                    f"--keep-alive {args.keep_alive:g}",
               "CACHE_DIR": cache_dir}
        if args.warm:
            warmed = subprocess.run([sys.executable, "-m", "warm"], env={**os.environ, **env}, cwd=ROOT, check=True,
                                    capture_output=True, text=True)
            print(warmed.stdout.strip())
        with running_app(workers=workers, env=env) as (base, process):
            wait_until_healthy(base)
            for _ in range(100):  # healthy once one worker answers; wait (5 s at most) for all of them
                if len(worker_pids(process.pid)) >= workers:
                    break
                time.sleep(0.05)
            first = ", after warm" if args.warm else ", cold caches"
            run(10, min(args.seconds, 10), args.think, mix, base, process.pid, label=first)
            for clients in args.clients:
                run(clients, args.seconds, args.think, mix, base, process.pid, memory_every=args.memory_every)


if __name__ == "__main__":
    main()
