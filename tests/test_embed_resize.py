"""The embed snippet pasted as is into a page of another site (another port, so another origin):
the frame fits its chart's full height with no inner scrollbar, on a desktop and on a phone; it
stays usable when the host blocks our script; and only our own frames, resized by their own
messages, ever change height."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from functools import partial
from itertools import pairwise
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SNIPPET_HEIGHT = 600  # the height written in the snippet, which the frame keeps without the script
HOST_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>host</title></head>
<body style="margin:0;padding:8px;font-family:serif"><h1 id="host">A newspaper</h1><p>Text before the chart.</p>
{snippets}
<p>Text after the chart.</p></body></html>"""
# Where to take each snippet from, as a reader would: the page, the chart's Embed button.
SOURCES = {
    "map": ("/es/map?indicator=violent_deaths&measure=rate&year=2023", "map", "#map-graph path.choroplethlocation"),
    "trends-national": ("/en/trends", "trends-national", "#trends-national .js-plotly-plot"),
}


@pytest.fixture(scope="module")
def host_site(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """A tiny static site on another loopback port: another origin for the frame and the script."""
    root = tmp_path_factory.mktemp("resize-host")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", root
    server.shutdown()


@pytest.fixture(scope="module")
def snippets(live_server, browser) -> dict[str, str]:
    """The code each chart's Embed button gives, copied from its text box."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    codes: dict[str, str] = {}
    for name, (path, chart, ready) in SOURCES.items():
        page.goto(live_server + path)
        page.wait_for_selector(ready, timeout=30_000)
        page.click(f"button[id*='embed-open'][id*='\"{chart}\"']")
        box = f"textarea[id*='embed-code'][id*='\"{chart}\"']"
        page.wait_for_function("s => !!document.querySelector(s)?.value", arg=box, timeout=10_000)
        codes[name] = page.locator(box).input_value()
    context.close()
    return codes


def publish(host_site, name: str, *codes: str) -> str:
    base, root = host_site
    (root / name).write_text(HOST_PAGE.format(snippets="\n".join(codes)), encoding="utf-8")
    return f"{base}/{name}"


def frame_of(page, chart: str):
    return next(f for f in page.frames if f.url.split("?")[0].endswith(f"/embed/{chart}"))


def measure(page, chart: str) -> dict[str, float]:
    """The frame's height on the host page and, inside it, how tall the document and its footer are."""
    height = page.evaluate("c => document.querySelector(`iframe[data-vzla-embed='${c}']`).getBoundingClientRect().height",
                           chart)
    frames = [f for f in page.frames if f.url.split("?")[0].endswith(f"/embed/{chart}")]
    if not frames:  # not loaded yet
        return {"frame": height, "plotted": False}
    inner = frames[0].evaluate(
        """() => ({scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight,
                   footer: document.querySelector('.embed-footer')?.getBoundingClientRect().bottom ?? -1,
                   plotted: !!document.querySelector('#embed-graph .main-svg')})""")
    return {"frame": height, **inner}


def settled(page, chart: str, timeout: float = 20.0) -> dict[str, float]:
    """Wait until the chart is drawn and the frame's height has not changed for half a second."""
    deadline = time.monotonic() + timeout
    last: dict[str, float] = {}
    while time.monotonic() < deadline:
        now = measure(page, chart)
        if now["plotted"] and now == last:
            return now
        last = now
        page.wait_for_timeout(500)
    return last


def test_the_snippet_carries_the_resize_script_of_the_same_site(live_server, snippets):
    for code in snippets.values():
        assert code.startswith("<iframe ") and f'height="{SNIPPET_HEIGHT}"' in code
        assert code.rstrip().endswith(f'<script async src="{live_server}/embed/resize.js"></script>')


@pytest.mark.parametrize("chart", list(SOURCES))
@pytest.mark.parametrize("width", [1366, 390])
def test_a_pasted_snippet_grows_to_the_full_height_of_the_embed(live_server, host_site, browser, snippets, chart, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(publish(host_site, f"{chart}-{width}.html", snippets[chart]))
    page.wait_for_function("() => document.querySelector('iframe').getBoundingClientRect().height !== 600",
                           timeout=20_000)
    shown = settled(page, chart)
    assert shown["plotted"]
    assert shown["scroll"] <= shown["client"], shown  # no inner scrollbar: the whole embed is in view
    assert abs(shown["frame"] - shown["client"]) <= 1, shown  # the frame is borderless
    assert shown["footer"] <= shown["client"], shown  # link back and downloads inside the frame
    assert shown["client"] - shown["footer"] < 40, shown  # and no blank band below them
    if chart == "trends-national" and width == 390:  # the tall case of the issue (~1,250 px before)
        assert SNIPPET_HEIGHT < shown["frame"] < 900, shown
    if chart == "map" and width == 1366:  # and a frame shrinks as well as grows
        assert shown["frame"] < SNIPPET_HEIGHT, shown
    assert errors == []
    context.close()


def test_the_frame_follows_the_host_from_desktop_to_phone_width(host_site, browser, snippets):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(publish(host_site, "follow.html", snippets["trends-national"]))
    wide = settled(page, "trends-national")
    page.set_viewport_size({"width": 390, "height": 900})
    page.wait_for_function(f"() => document.querySelector('iframe').getBoundingClientRect().height > {wide['frame']}",
                           timeout=20_000)
    narrow = settled(page, "trends-national")
    assert narrow["scroll"] <= narrow["client"] and narrow["footer"] <= narrow["client"], narrow
    # Opening the sources inside the frame makes it taller again, still without an inner scrollbar.
    frame_of(page, "trends-national").click(".embed-source-summary")
    page.wait_for_function(f"() => document.querySelector('iframe').getBoundingClientRect().height > {narrow['frame']}",
                           timeout=10_000)
    opened = settled(page, "trends-national")
    assert opened["scroll"] <= opened["client"], opened
    context.close()


def test_only_the_frame_that_reports_is_resized_and_only_from_our_site(host_site, browser, snippets):
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(publish(host_site, "two.html", snippets["map"], snippets["trends-national"]))
    page.locator("iframe").last.scroll_into_view_if_needed()  # the second frame loads lazily
    map_frame = settled(page, "map")
    trends_frame = settled(page, "trends-national")
    assert map_frame["frame"] != trends_frame["frame"]  # each frame got its own height
    for shown in (map_frame, trends_frame):
        assert shown["scroll"] <= shown["client"], shown
    # The host page (another origin) claims a height: the script ignores it.
    page.evaluate("() => window.postMessage({type: 'vzla-dashboard:height', height: 3000}, '*')")
    page.wait_for_timeout(500)
    assert page.evaluate("() => [...document.querySelectorAll('iframe')].map(f => f.getBoundingClientRect().height)") \
        == [map_frame["frame"], trends_frame["frame"]]
    context.close()


def test_without_the_script_the_frame_keeps_its_height_and_shows_the_link_back(host_site, browser, snippets):
    """A host that blocks our script: the frame stays 600 px; link back and downloads stay in sight."""
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.route("**/embed/resize.js", lambda route: route.abort())
    page.goto(publish(host_site, "blocked.html", snippets["trends-national"]))
    shown = settled(page, "trends-national")
    assert shown["frame"] == SNIPPET_HEIGHT
    assert shown["scroll"] > shown["client"]  # the embed is taller than the frame here
    inner = frame_of(page, "trends-national")
    for selector in ("a.embed-back", "#embed-download-csv", "#embed-download-svg"):
        box = inner.locator(selector).bounding_box()  # relative to the host page's viewport
        frame_box = page.locator("iframe").bounding_box()
        assert frame_box["y"] <= box["y"] and box["y"] + box["height"] <= frame_box["y"] + frame_box["height"], selector
    context.close()


@pytest.mark.parametrize("chart", ["trends-national", "trends-composition"])
def test_on_a_phone_every_year_label_is_whole_and_apart(live_server, browser, chart):
    """The issue's "201": at 390 px each tick of the years' axis shows four digits, inside the chart,
    none over another, and the axes' titles are inside the chart too."""
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server}/embed/{chart}?lang=es")
    page.wait_for_selector("#embed-graph .xtick text", timeout=30_000)
    page.wait_for_timeout(500)
    boxes = page.evaluate("""() => {
        const svg = document.querySelector('#embed-graph .main-svg').getBoundingClientRect();
        const box = el => { const r = el.getBoundingClientRect(); return {text: el.textContent, left: r.left - svg.left,
                            right: r.right - svg.left, top: r.top - svg.top, bottom: r.bottom - svg.top}; };
        return {width: svg.width, height: svg.height,
                ticks: [...document.querySelectorAll('#embed-graph .xtick text')].map(box),
                titles: [...document.querySelectorAll('#embed-graph .annotation-text, #embed-graph .g-xtitle text, '
                                                      + '#embed-graph .g-ytitle text')].map(box)};
    }""")
    ticks = sorted(boxes["ticks"], key=lambda b: b["left"])
    assert len(ticks) >= 3
    for tick in ticks:
        assert len(tick["text"]) == 4 and tick["text"].isdigit(), tick
        assert tick["right"] - tick["left"] > tick["bottom"] - tick["top"], tick  # upright, not turned on end
    for box in ticks + boxes["titles"]:
        inside = box["left"] >= 0 and box["top"] >= 0
        assert inside and box["right"] <= boxes["width"] and box["bottom"] <= boxes["height"], box
    for before, after in pairwise(ticks):
        assert before["right"] <= after["left"], (before, after)
    context.close()
