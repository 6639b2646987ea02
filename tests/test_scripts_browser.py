"""A first visit to the interactive pages in the real browser: no @babel/polyfill, no DataTable loader,
the lazily loaded components (graph, dropdown, slider) still load, and the console stays clean."""

from __future__ import annotations

import pytest

PAGES = ["/es/map", "/es/trends", "/es/compare"]


@pytest.mark.parametrize("path", PAGES)
def test_a_first_visit_ships_no_polyfill_and_works(live_server, browser_page, path):
    page = browser_page.page
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(live_server + path)
    page.wait_for_selector("main h1")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)  # dcc.Graph's lazy chunk ran
    page.wait_for_load_state("networkidle")
    assert any("dash_renderer" in url for url in requested)
    assert not [url for url in requested if "polyfill" in url or "dash_table" in url]
    assert page.evaluate("typeof regeneratorRuntime.mark === 'function'")
    assert browser_page.errors == []
