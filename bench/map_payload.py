"""What the map explorer sends, measured: first visit, geometry, year change, selection change,
and a naive callback that rebuilds the whole figure with inline geometry, for both levels.

Usage: .venv/bin/python -m bench.map_payload
Starts the app with gunicorn on 127.0.0.1, drives Debian's headless Chromium, counts bytes as they
cross the wire (compressed), and replays the selection callback 20 times for server milliseconds.
"""

from __future__ import annotations

import gzip
import json
import statistics
import time
import urllib.request
from collections import defaultdict

from playwright.sync_api import sync_playwright

from bench.server import running_app, wait_until_healthy
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from web.dash_internals import CALLBACK_PATH

REPEATS = 20
LEVELS = {"states": "?level=state", "municipalities": "?level=municipality"}


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


class Wire:
    """Compressed bytes per request, from Chromium's network events."""

    def __init__(self, context, page) -> None:
        self.cdp = context.new_cdp_session(page)
        self.cdp.send("Network.enable", {"maxTotalBufferSize": 0})
        self.urls: dict[str, str] = {}
        self.methods: dict[str, str] = {}
        self.bytes: dict[str, int] = defaultdict(int)
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.loadingFinished", self._done)

    def _sent(self, event) -> None:
        self.urls[event["requestId"]] = event["request"]["url"]
        self.methods[event["requestId"]] = event["request"]["method"]

    def _done(self, event) -> None:
        self.bytes[event["requestId"]] += int(event["encodedDataLength"])

    def reset(self) -> None:
        self.bytes.clear()

    def total(self, predicate=lambda url, method: True) -> int:
        return sum(n for rid, n in self.bytes.items() if predicate(self.urls.get(rid, ""), self.methods.get(rid, "")))


def replay_ms(base: str, body: bytes) -> tuple[float, int]:
    """Median server milliseconds and compressed bytes of one callback request, replayed."""
    times, size = [], 0
    for _ in range(REPEATS):
        request = urllib.request.Request(
            base + CALLBACK_PATH, data=body,
            headers={"Content-Type": "application/json", "Accept-Encoding": "gzip"},
        )
        start = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            size = len(response.read())
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), size


def naive_year_change(level: str, year: int) -> tuple[float, int, int]:
    """Build what a naive callback returns: the whole figure, geometry inline. (ms, raw, gzip)."""
    import app  # registers pages and the cache
    from components.choropleth import map_figure
    from geo.documents import load
    from pages.map import frames_for
    from views.map_view import MapView

    view, _ = MapView.from_params({"level": level, "year": str(year)}, "es")
    with app.server.app_context():
        frames = frames_for(view, "es")
    geometry_file = "states.geojson" if level == "state" else "municipalities.geojson"
    times, raw = [], b""
    for _ in range(REPEATS):
        start = time.perf_counter()
        figure = map_figure(load(geometry_file), frames["frames"][str(view.year)], frames["colours"],
                            frames["labels"], "", "")
        raw = figure.to_json().encode()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), len(raw), len(gzip.compress(raw))


def measure_level(base: str, browser, name: str, query: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    wire = Wire(context, page)
    bodies: list[bytes] = []
    page.on("request", lambda r: r.method == "POST" and r.post_data_buffer and bodies.append(r.post_data_buffer))
    page.goto(f"{base}/es/map{query}", wait_until="networkidle")
    page.wait_for_selector("#map-graph path.choroplethlocation")
    page.wait_for_load_state("networkidle")
    first_visit = wire.total()
    geometry = wire.total(lambda url, m: "/geo/" in url)
    document = wire.total(lambda url, m: url.split("?")[0].endswith("/es/map"))
    callbacks = wire.total(lambda url, m: m == "POST")

    wire.reset()
    before = page.inner_text("#map-caption")
    start = time.perf_counter()
    page.focus("#map-year [role=slider]")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("b => document.querySelector('#map-caption').innerText !== b", arg=before)
    year_ms = (time.perf_counter() - start) * 1000
    page.wait_for_timeout(300)
    year_bytes = wire.total()

    wire.reset()
    bodies.clear()
    page.check("#map-measure input[value=count]", force=True)
    page.wait_for_function("() => new URLSearchParams(location.search).get('measure') === 'count'")
    page.wait_for_load_state("networkidle")
    selection_bytes = wire.total(lambda url, m: m == "POST")
    selection_body = next(b for b in bodies if b"map-indicator" in b)
    selection_ms, selection_size = replay_ms(base, selection_body)
    context.close()

    level = "state" if name == "states" else "municipality"
    year = int(before.split(",")[2].split(":")[0]) if before.count(",") >= 2 else 2023
    naive_ms, naive_raw, naive_gzip = naive_year_change(level, year)
    print(f"\n== {name} ({query})")
    print(f"first visit, all requests (compressed):  {kb(first_visit)}")
    print(f"  page HTML {kb(document)}, layout and initial callbacks {kb(callbacks)}, geometry {kb(geometry)}")
    print(f"year change: {year_bytes} B over the network, 0 server ms (drawn from values already in the browser); "
          f"{year_ms:.0f} ms from key press to new caption, as Playwright sees it")
    print(f"selection change (measure → count): {kb(selection_bytes)} on the wire; replayed x{REPEATS}: "
          f"median {selection_ms:.1f} ms, {kb(selection_size)} compressed")
    print(f"naive year change (whole figure with inline geometry): {kb(naive_raw)} raw, {kb(naive_gzip)} gzip, "
          f"median {naive_ms:.1f} ms to build, per year change; ours: {year_bytes} B and no server work")


def main() -> None:
    with running_app(workers=1) as (base, _process), sync_playwright() as playwright:
        wait_until_healthy(base)
        for name in ("states.geojson", "municipalities.geojson"):
            with urllib.request.urlopen(urllib.request.Request(f"{base}/geo/{name}", headers={"Accept-Encoding": "gzip"})) as r:
                compressed = len(r.read())
            with urllib.request.urlopen(f"{base}/geo/{name}") as r:
                raw = len(r.read())
            print(f"geometry {name}: {kb(raw)} raw, {kb(compressed)} gzip")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, query in LEVELS.items():
            measure_level(base, browser, name, query)
        browser.close()
    print(json.dumps({"repeats": REPEATS}))


if __name__ == "__main__":
    main()
