"""Embeds in headless Chromium: inside an iframe on a host page of another origin, the snippet of each
chart reopening the same view, height messages, downloads, notices, and framing refused elsewhere."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser

HOST_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>host</title></head><body>
<p id="host">A host site</p>
<iframe id="frame" src="{src}" width="100%" height="600" style="border:0"></iframe>
<script>
window.heights = [];
window.addEventListener("message", function (e) {{
  if (e.data && e.data.type === "vzla-dashboard:height") window.heights.push(e.data);
}});
</script></body></html>"""


@pytest.fixture(scope="module")
def host_site(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """A tiny static site on another loopback port: another origin for the frame."""
    root = tmp_path_factory.mktemp("host")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", root
    server.shutdown()


def host_page(host_site, name: str, src: str) -> str:
    base, root = host_site
    (root / name).write_text(HOST_PAGE.format(src=src), encoding="utf-8")
    return f"{base}/{name}"


def test_embed_renders_inside_a_frame_on_another_site_and_reports_its_height(live_server, host_site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    src = f"{live_server}/embed/map?indicator=violent_deaths&measure=rate&year=2023&lang=en"
    page.goto(host_page(host_site, "map.html", src))
    frame = page.frame_locator("#frame")
    frame.locator("#embed-graph path.choroplethlocation").first.wait_for(timeout=20_000)
    assert frame.locator("h1").inner_text() == "Map of lethal violence"
    assert "2023" in frame.locator(".embed-subtitle").inner_text()
    assert "Observatorio Venezolano de Violencia" in frame.locator(".embed-source").inner_text()
    back = frame.locator("a.embed-back")
    assert back.get_attribute("target") == "_blank"
    assert back.get_attribute("href").startswith("/en/map?")
    assert frame.locator(".site-nav, .site-footer, nav").count() == 0  # no site navigation inside the frame
    page.wait_for_function("() => window.heights.length > 0", timeout=10_000)
    message = page.evaluate("window.heights[window.heights.length - 1]")
    assert message["chart"] == "map" and 300 < message["height"] < 1500
    # Narrow host (320 px): nothing overflows sideways inside the frame.
    page.set_viewport_size({"width": 320, "height": 800})
    inner = next(f for f in page.frames if "/embed/" in f.url)
    inner.wait_for_function("() => document.documentElement.clientWidth <= 320")
    assert inner.evaluate("document.documentElement.scrollWidth") <= inner.evaluate("document.documentElement.clientWidth")
    assert errors == []
    context.close()


def test_normal_pages_refuse_to_be_framed(live_server, host_site, browser, client):
    headers = client.get("/en/map").headers
    assert headers["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    embed_headers = client.get("/embed/map").headers
    assert "X-Frame-Options" not in embed_headers and "frame-ancestors *" in embed_headers["Content-Security-Policy"]
    context = browser.new_context()
    page = context.new_page()
    app_responses: list[str] = []
    page.on("response", lambda r: r.url.startswith(live_server) and app_responses.append(r.url))
    # Chromium replaces the refused document by its own error page: the app never loads in the frame.
    with page.expect_event("framenavigated", predicate=lambda f: f.url.startswith("chrome-error://"),
                           timeout=10_000) as refused:
        page.goto(host_page(host_site, "page.html", f"{live_server}/en/map"))
    page.wait_for_selector("#host")
    framed = [f for f in page.frames if f != page.main_frame]
    assert framed == [refused.value]
    assert framed[0].evaluate("document.querySelector('#react-entry-point, main, .site-nav') === null")
    assert app_responses == [f"{live_server}/en/map"]  # the page was fetched, and nothing it would load
    context.close()


def snippet(page, selector: str) -> str:
    """The iframe code, once the browser has filled it in after the click."""
    page.wait_for_function("selector => !!document.querySelector(selector)?.value", arg=selector, timeout=10_000)
    return page.locator(selector).input_value()


def _params(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}


def test_map_embed_snippet_opens_the_same_view(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/es/map?indicator=homicides&measure=count&source=ovs&year=2019&level=state&view=tiles")
    page.wait_for_selector("#map-graph path.choroplethlocation", timeout=20_000)
    page.click("button[id*='embed-open'][id*='map']")
    code = snippet(page, "textarea[id*='embed-code']")
    assert code.startswith("<iframe ") and 'height="600"' in code and 'width="100%"' in code
    src = code.split('src="')[1].split('"')[0].replace("&amp;", "&")
    assert urlparse(src).path == "/embed/map"
    assert _params(src) == {**_params(page.url), "lang": "es"}
    page.goto(src)
    page.wait_for_selector("#embed-graph path.choroplethlocation", timeout=20_000)
    assert page.locator("#embed-notices .alert").count() == 0
    assert page.locator("#embed-graph g.scattergeo text").count() == 25  # the tile grid, as on the page
    assert page.inner_text("h1") == "Mapa de la violencia letal"
    back = page.get_attribute("a.embed-back", "href")
    assert _params(back) == {k: v for k, v in _params(src).items() if k != "lang"}
    assert browser_page.errors == []


@pytest.mark.parametrize("chart", ["briefing-trend", "briefing-compare"])
def test_briefing_embed_snippets_open_the_same_chart(live_server, browser_page, chart):
    page = browser_page.page
    page.goto(f"{live_server}/en/briefing/VE-F")
    page.wait_for_selector(f"#{chart}-image")
    expected_alt = page.get_attribute(f"#{chart}-image", "alt")
    page.click(f"button[id*='embed-open'][id*='{chart}']")
    code = snippet(page, f"textarea[id*='embed-code'][id*='{chart}']")
    src = code.split('src="')[1].split('"')[0].replace("&amp;", "&")
    assert urlparse(src).path == f"/embed/{chart}" and _params(src) == {"place": "VE-F", "lang": "en"}
    page.goto(src)
    page.wait_for_selector("#embed-image")
    assert page.get_attribute("#embed-image", "alt") == expected_alt
    assert browser_page.errors == []


def test_embed_downloads_csv_png_and_svg(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/embed/map?year=2023&lang=en")
    page.wait_for_selector("#embed-graph path.choroplethlocation", timeout=20_000)
    with page.expect_download() as info:
        page.click("#embed-download-csv")
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    body = [line for line in lines if not line.startswith("#")]
    shown = page.evaluate("document.querySelector('#embed-graph .js-plotly-plot').data[0].locations.length")
    assert len(body) - 1 == shown
    assert any("CC BY 4.0" in line for line in lines) and any(line.startswith("# Source ovv-") for line in lines)
    for fmt in ("png", "svg"):
        with page.expect_download() as info:
            page.click(f"#embed-download-{fmt}")
        assert info.value.suggested_filename.endswith(f".{fmt}")
    assert browser_page.errors == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/embed/nope?lang=en", "There is no chart called “nope”"),
        ("/embed/map?lang=en&year=abc&state=<b>x</b>", "is not a valid state"),
        ("/embed/map?lang=fr", "no es un idioma"),
        ("/embed/briefing-trend?place=XX&lang=es", "no es un código de estado"),
    ],
)
def test_invalid_parameters_show_a_translated_notice_in_the_frame(live_server, browser_page, path, expected):
    page = browser_page.page
    response = page.goto(live_server + path)
    assert response.status == (404 if path.startswith("/embed/nope") else 200)  # no such chart: 404, still framed
    page.wait_for_selector("#embed-notices .alert")
    notices = " ".join(page.locator("#embed-notices .alert").all_inner_texts())
    assert expected in notices
    assert page.locator("#embed-notices b").count() == 0  # URL text shown as text, never markup
    # The only console error allowed is the browser's note that the document itself was a 404.
    assert all("status of 404" in e for e in browser_page.errors) if response.status == 404 \
        else browser_page.errors == []


def test_embed_language_follows_the_lang_parameter(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/embed/map?lang=en")
    page.wait_for_selector("#embed-root h1")
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert page.inner_text("#embed-root h1") == "Map of lethal violence"
    page.goto(f"{live_server}/embed/map")
    page.wait_for_selector("#embed-root h1")
    assert page.inner_text("#embed-root h1") == "Mapa de la violencia letal"
    assert page.evaluate("document.documentElement.lang") == "es"


@pytest.mark.parametrize(
    ("page_path", "chart"),
    [("/en/trends?states=VE-A,VE-F", "trends-states"), ("/es/trends", "trends-national"),
     ("/en/trends", "trends-composition"), ("/en/trends", "trends-population"),
     ("/en/compare?year=2019&countries=COL,MEX", "compare-ranking"), ("/es/compare", "compare-lines"),
     ("/en/compare?align=start", "compare-trajectories")],
)
def test_trend_and_comparison_charts_embed_the_same_view(live_server, browser_page, page_path, chart):
    page = browser_page.page
    page.goto(live_server + page_path)
    page.locator(f"#{chart}").scroll_into_view_if_needed()  # a chart further down is drawn when the reader gets there
    page.wait_for_selector(f"#{chart} .js-plotly-plot", timeout=20_000)
    on_page = page.evaluate(f"() => document.querySelector('#{chart} .js-plotly-plot').data"
                            ".map(t => (t.x || []).length + (t.y || []).length)")
    page.click(f"button[id*='embed-open'][id*='\"{chart}\"']")
    code = snippet(page, f"textarea[id*='embed-code'][id*='\"{chart}\"']")
    src = code.split('src="')[1].split('"')[0].replace("&amp;", "&")
    assert urlparse(src).path == f"/embed/{chart}"
    page.goto(src)
    page.wait_for_selector("#embed-graph .js-plotly-plot", timeout=20_000)
    in_frame = page.evaluate("() => document.querySelector('#embed-graph .js-plotly-plot').data"
                             ".map(t => (t.x || []).length + (t.y || []).length)")
    assert in_frame == on_page
    assert page.locator("#embed-notices .alert").count() == 0
    assert browser_page.errors == []
