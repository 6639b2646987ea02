"""Parts mounted only when the reader wants them (issue #16), in headless Chromium: a chart further down is drawn
when reached without moving what is below it, a chart's table is drawn when opened and stays open when its
controls change, a long source list appears when opened, the map's table shows the year on screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_trends_browser import csv_rows

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _page(browser, errors: list[str]):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page


def _csv_row_count(page, chart: str) -> int:
    with page.expect_download() as info:
        page.click(f"#{chart} button:has-text('Download CSV')")
    return len(csv_rows(Path(info.value.path()).read_text(encoding="utf-8"))[1])


def test_a_chart_further_down_is_drawn_when_reached_and_nothing_below_it_moves(live_server, browser):
    errors: list[str] = []
    context, page = _page(browser, errors)
    page.goto(live_server + "/en/trends")
    page.wait_for_selector("#trends-national .js-plotly-plot .main-svg", timeout=20_000)
    page.wait_for_load_state("networkidle")
    assert page.locator("#trends-composition .js-plotly-plot").count() == 0  # three screens down: not drawn yet
    below = "() => document.querySelector('#trends-population').getBoundingClientRect().top + window.scrollY"
    before = page.evaluate(below)
    page.locator("#trends-composition").scroll_into_view_if_needed()
    page.wait_for_selector("#trends-composition .js-plotly-plot .main-svg", timeout=20_000)
    page.wait_for_timeout(300)
    assert page.evaluate(below) == before  # the slot kept the chart's height
    context.close()
    assert errors == []


def test_a_chart_table_is_drawn_when_opened_and_stays_open_when_its_controls_change(live_server, browser):
    errors: list[str] = []
    context, page = _page(browser, errors)
    page.goto(live_server + "/en/trends")
    page.locator("#trends-composition").scroll_into_view_if_needed()
    page.wait_for_selector("#trends-composition .js-plotly-plot .main-svg", timeout=20_000)
    rows = "#trends-composition-table tbody tr"
    assert page.locator(rows).count() == 0
    page.click("#trends-composition details.chart-table > summary")
    page.wait_for_selector(rows)
    assert page.locator(rows).count() == _csv_row_count(page, "trends-composition")  # one row per drawn value
    page.check("#trends-composition-measure input[value='share']", force=True)
    page.wait_for_url("**composition=share**")
    page.wait_for_function("() => (document.querySelector('#trends-composition [data-export]')"
                           "?.getAttribute('data-export') || '').includes('shares')")  # the card was redrawn
    assert page.locator("#trends-composition details.chart-table").get_attribute("open") is not None
    assert page.locator(rows).count() == _csv_row_count(page, "trends-composition")
    context.close()
    assert errors == []


def test_a_long_source_list_appears_when_opened(live_server, browser):
    errors: list[str] = []
    context, page = _page(browser, errors)
    page.goto(live_server + "/en/trends")
    page.wait_for_selector("#trends-national .js-plotly-plot .main-svg", timeout=20_000)
    sources = page.locator("#trends-national details.dash-disclosure")
    summary = sources.locator("summary").inner_text()  # "Sources (N)"
    count = int(summary.split("(")[1].rstrip(")"))
    assert count > 3 and sources.locator("li").count() == 0
    sources.locator("summary").click()
    page.wait_for_function("n => document.querySelectorAll('#trends-national details.dash-disclosure li').length === n",
                           arg=count)
    assert sources.locator("li a").first.get_attribute("href").startswith("http")
    context.close()
    assert errors == []


def test_the_map_table_opened_after_a_year_change_shows_that_year(live_server, browser):
    errors: list[str] = []
    context, page = _page(browser, errors)
    page.goto(live_server + "/es/map?year=2023")
    page.wait_for_selector("#map-graph path.choroplethlocation", timeout=20_000)
    assert page.inner_text("#map-caption").startswith("Muertes violentas")  # written with the page, not later
    page.focus("#map-year [role=slider]")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => document.querySelector('#map-caption').innerText.includes('2022')")
    page.click("details:has(#map-table) > summary")
    page.wait_for_selector("#map-table tbody tr")
    years = page.eval_on_selector_all("#map-table tbody tr td:nth-child(5)", "cells => cells.map(c => c.innerText)")
    assert years and set(years) == {"2022"}
    assert page.locator("#map-table thead th").nth(2).inner_text().startswith("Cambio desde 2021")
    context.close()
    assert errors == []
