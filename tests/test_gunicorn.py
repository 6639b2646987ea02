"""The app as production runs it: gunicorn with --preload, several threaded workers, on loopback."""

from __future__ import annotations

import http.client
import json
import threading

from bench.load import callback_body
from bench.server import running_app, wait_until_healthy
from web.dash_internals import CALLBACK_PATH

CONCURRENT = 16


def selection_body(dash_app, year: int) -> bytes:
    """A map selection change as the browser sends it (the callback Dash registers from pages/map.py)."""
    key = next(k for k in dash_app.app.callback_map if "map-frames.data" in k)
    values = {"map-indicator.value": "violent_deaths", "map-measure.value": "rate", "map-source.value": "ovv",
              "map-level.value": "state", "map-view.value": "map", "map-state.data": None, "map-year.value": year,
              "map-lang.data": "es"}
    return json.dumps(callback_body(key, dash_app.app.callback_map[key], values)).encode()


def test_a_new_workers_first_requests_arriving_together_are_all_answered(dash_app, tmp_path):
    """Dash finishes its set-up during the first request, not thread-safely; concurrent first callback
    requests to a fresh worker were refused as unknown callbacks until app.py did the set-up at import."""
    bodies = [selection_body(dash_app, 2010 + i % 14) for i in range(CONCURRENT)]
    env = {"GUNICORN_CMD_ARGS": "--worker-class gthread --threads 8", "CACHE_DIR": str(tmp_path)}
    statuses: list[tuple[int, list[str]]] = []
    with running_app(workers=2, env=env) as (base, _process):
        wait_until_healthy(base)
        port = int(base.rsplit(":", 1)[1])
        start = threading.Barrier(CONCURRENT)

        def send(body: bytes) -> None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            start.wait()
            connection.request("POST", CALLBACK_PATH, body=body, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            answer = json.loads(response.read()) if response.status == 200 else {}
            # The map's new figure, frames and year for the selection (not a refusal or an empty answer).
            statuses.append((response.status, sorted(answer.get("response", {}))[:3]))
            connection.close()

        threads = [threading.Thread(target=send, args=(body,)) for body in bodies]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=90)
    assert statuses == [(200, ["map-frames", "map-graph", "map-indicator"])] * CONCURRENT
