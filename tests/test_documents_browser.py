"""Document pages (home, about, data, briefings) are finished HTML: they paint without the Dash client,
read the same without JavaScript, and their controls (table sort and search, Embed, menu) still work."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.browser

DOCUMENTS = ["/es", "/en/about", "/es/data", "/en/briefing", "/es/briefing/VE-F", "/en/briefing/VEN"]
TABLES = Path(__file__).resolve().parent.parent / "data" / "tables"


def store_layout(client, url: str) -> None:
    """The page's layout as the router's request stores it: the written copy is made only from a stored one."""
    from tests.layout_tree import post_layout

    path, _, query = url.partition("?")
    assert post_layout(client, path, "?" + query if query else "").status_code == 200


@pytest.mark.parametrize("path", DOCUMENTS)
def test_document_pages_load_no_dash_client(live_server, browser_page, path):
    page = browser_page.page
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(live_server + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("main h1").count() == 1
    dash = [u for u in requested if "/_dash-" in u or "plotly" in u]
    assert dash == []
    assert browser_page.errors == []


def test_document_reads_the_same_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/en/briefing/VE-D")
    assert page.inner_text("main h1") == "Aragua: state briefing"
    assert "In 2023 it was 8th in OVV's ranking of the states (1 = highest rate)." in page.inner_text("#briefing-figures")
    assert page.locator("#briefing-options .briefing-option").count() >= 3
    context.close()


def test_data_page_tables_sort_by_keyboard(live_server, browser_page):
    page = browser_page.page
    page.goto(live_server + "/en/data")
    sources = pd.read_csv(TABLES / "sources.csv", dtype=str, keep_default_na=False)
    header = page.locator("#data-sources thead th").nth(2)  # "Published"
    header.locator("button").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('#data-sources thead th')[2].getAttribute('aria-sort')"
                           " === 'ascending'")
    first = page.locator("#data-sources tbody tr").first.locator("td").nth(1).inner_text()
    assert first == sorted(d for d in sources["published"] if d)[0]
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('#data-sources thead th')[2].getAttribute('aria-sort')"
                           " === 'descending'")
    assert page.locator("#data-sources tbody tr").first.locator("td").nth(1).inner_text() == max(sources["published"])
    assert page.locator("#data-sources tbody tr").count() == len(sources)
    assert "Sorted by Published, descending." in page.inner_text("#data-sources [role=status]")
    assert browser_page.errors == []


@pytest.mark.parametrize("path", ["/es/map", "/en/trends?indicators=violent_deaths,homicides", "/es/compare"])
def test_interactive_pages_paint_their_written_copy_before_the_client(live_server, browser, client, path):
    """Without scripts the page's frame, headline and texts are there (inert, with no ids)."""
    store_layout(client, path)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + path)
    copy = page.locator("#first-view")
    assert copy.get_attribute("inert") == ""
    assert copy.locator("h1").inner_text() == page.locator("#first-view h1").inner_text() != ""
    assert copy.locator("[id]").count() == 0 and copy.locator("main").count() == 0
    assert page.locator("._dash-loading").is_visible() is False
    context.close()


@pytest.mark.parametrize("path", ["/es/map", "/en/compare"])
def test_the_drawn_page_replaces_the_written_copy(live_server, browser_page, client, path):
    store_layout(client, path)
    page = browser_page.page
    page.goto(live_server + path)
    page.wait_for_selector("main h1")
    page.wait_for_function("() => document.getElementById('first-view') === null", timeout=15_000)
    assert page.locator("h1").count() == 1
    assert page.locator("nav.site-nav").count() == 1
    assert browser_page.errors == []


def test_the_written_copy_is_the_requested_view_and_escapes_the_url(client):
    import re

    store_layout(client, "/en/map?level=municipality&state=VE-F")
    html = client.get("/en/map?level=municipality&state=VE-F").get_data(as_text=True)
    copy = html.split('<div id="first-view" inert>', 1)[1].split('<div id="react-entry-point">', 1)[0]
    assert "Map of lethal violence" in copy and "Bolívar" in copy
    assert '<html lang="en"' in html
    escaped = client.get("/es/map?year=%3Cscript%3Ealert(1)%3C/script%3E").get_data(as_text=True)
    assert "<script>alert(1)" not in escaped
    assert not re.search(r'<div id="first-view" inert>.*\sid="', copy)


@pytest.mark.parametrize("query", ["", "?year=2017&level=municipality&state=VE-F", "?when=latest"])
def test_the_map_caption_is_written_as_the_browser_writes_it(live_server, browser, browser_page, client, query):
    """The caption is the map page's largest text: it paints with the page, and the browser's own
    redraw (assets/map.js) writes the very same words."""
    store_layout(client, f"/en/map{query}")
    context = browser.new_context(java_script_enabled=False)
    static = context.new_page()
    static.goto(f"{live_server}/en/map{query}")
    written = static.locator("#first-view .map-caption").inner_text()
    context.close()
    page = browser_page.page
    page.goto(f"{live_server}/en/map{query}")
    page.wait_for_selector("#map-graph .choroplethlayer path", timeout=30_000)
    assert written and page.locator("#map-caption").inner_text() == written


def test_the_page_never_waits_for_its_written_copy(client):
    """A view nobody asked for yet is answered at once, without a copy; once the router's request has
    stored its layout, the next visitor gets the copy."""
    url = "/es/trends?indicators=homicides"
    assert 'id="first-view"' not in client.get(url).get_data(as_text=True)
    store_layout(client, url)
    assert 'id="first-view"' in client.get(url).get_data(as_text=True)
