"""Document pages (home, about, data, briefings) are finished HTML: they paint without the Dash client,
read the same without JavaScript, and their controls (table sort and search, Embed, menu) still work."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.browser

DOCUMENTS = ["/es", "/en/about", "/es/data", "/en/briefing", "/es/briefing/VE-F", "/en/briefing/VEN"]
TABLES = Path(__file__).resolve().parent.parent / "data" / "tables"


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
