"""The trends page in headless Chromium: each chart draws what the server computed, the URL follows
the controls and reopens the same view, downloads hold exactly the chart's rows with source lines."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from components.trend_charts import composition_chart, national_chart, population_chart, state_chart

pytestmark = pytest.mark.browser

TRACES = """id => {
  const g = document.querySelector('#' + id + ' .js-plotly-plot');
  return g && g.data ? g.data.map(t => ({name: t.name, n: (t.y || []).filter(v => v !== null).length})) : null;
}"""


def drawn(page, chart_id: str):
    page.wait_for_function(f"() => !!document.querySelector('#{chart_id} .js-plotly-plot')?.data", timeout=15_000)
    return page.evaluate(TRACES, chart_id)


def expected(data):
    return [{"name": t.name, "n": sum(1 for v in (t.y or []) if v is not None)} for t in data.figure.data]


def csv_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    comments = [line for line in text.splitlines() if line.startswith("#")]
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return comments, list(csv.DictReader(io.StringIO(body)))


def test_default_view_draws_every_chart(live_server, browser_page):
    page = browser_page.page
    page.goto(live_server + "/en/trends")
    page.wait_for_selector("main h1")
    assert drawn(page, "trends-national") == expected(national_chart(
        "en", ["violent_deaths", "homicides", "intentional_homicides"], "rate_per_100k"))
    national = drawn(page, "trends-national")
    assert national[0]["name"].startswith("OVV") and national[0]["n"] >= 12
    assert national[-1]["n"] == 9  # documented events with a source
    assert drawn(page, "trends-composition") == expected(composition_chart("en", "count"))
    assert [t["n"] for t in drawn(page, "trends-composition")] == [9, 9, 9, 3]  # 2014, 2016-2023; disappearances 2021-23
    assert drawn(page, "trends-population") == expected(population_chart("en", "violent_deaths"))
    assert drawn(page, "trends-states") == expected(state_chart("en", ["VE-A"], "violent_deaths", "rate_per_100k"))
    assert browser_page.errors == []


def test_url_round_trip_and_invalid_values(live_server, browser_page):
    page = browser_page.page
    query = "?indicators=homicides&unit=count&composition=share&states=VE-V,VE-A&state_indicator=homicides&state_unit=count"
    page.goto(live_server + "/es/trends" + query)
    page.wait_for_selector("main h1")
    assert drawn(page, "trends-national") == expected(national_chart("es", ["homicides"], "count"))
    assert drawn(page, "trends-states") == expected(state_chart("es", ["VE-V", "VE-A"], "homicides", "count"))
    page.wait_for_function("() => document.querySelector('#trends-share-url').value.includes('states=')")
    share = page.input_value("#trends-share-url")
    assert share.endswith("/es/trends?indicators=homicides&unit=count&composition=share&base_indicator=violent_deaths"
                          "&states=VE-V,VE-A&state_indicator=homicides&state_unit=count")
    assert page.url == share
    # A control change rewrites the URL in place; reopening that URL gives the same view.
    page.check("#trends-composition-measure input[value='count']", force=True)
    page.wait_for_url(re.compile(r"composition=count"))
    page.goto(page.url)
    page.wait_for_selector("main h1")
    assert drawn(page, "trends-composition") == expected(composition_chart("es", "count"))
    assert page.locator("#trends-notices .alert").count() == 0
    page.goto(live_server + "/en/trends?unit=furlongs&states=XX")
    page.wait_for_selector("#trends-notices .alert")
    assert page.locator("#trends-notices .alert").count() == 2
    assert "furlongs" in page.inner_text("#trends-notices")
    assert browser_page.errors == []


def test_downloads_hold_the_chart_rows_with_sources(live_server, browser_page):
    page = browser_page.page
    page.goto(live_server + "/en/trends")
    drawn(page, "trends-population")
    with page.expect_download() as info:
        page.click("#trends-population button:has-text('Download CSV')")
    download = info.value
    assert download.suggested_filename == "venezuela_rates_by_population_base.csv"
    comments, rows = csv_rows(Path(download.path()).read_text(encoding="utf-8"))
    assert any("Source: ovv-iav-2023" in c for c in comments)
    assert any("CC BY 4.0" in c for c in comments)
    data = population_chart("en", "violent_deaths")
    assert len(rows) == len(data.rows)
    derived = [r for r in rows if r["status"] == "derived"]
    assert derived and all(r["inputs"].startswith("count=") and r["population_source"] for r in derived)
    y2023 = next(r for r in derived if r["year"] == "2023")
    assert y2023["rate"] == "26.8" and y2023["count"] == "6973" and y2023["population"] == "26000000"
    # The composition CSV follows its control.
    page.check("#trends-composition-measure input[value='share']", force=True)
    page.wait_for_url(re.compile(r"composition=share"))
    with page.expect_download() as info:
        page.click("#trends-composition button:has-text('Download CSV')")
    _comments, rows = csv_rows(Path(info.value.path()).read_text(encoding="utf-8"))
    assert {r["share_status"] for r in rows} == {"derived"}
    assert browser_page.errors == []


def test_event_marker_brings_its_citation_into_view(live_server, browser_page):
    page = browser_page.page
    page.goto(live_server + "/en/trends")
    drawn(page, "trends-national")
    page.evaluate("""() => {
      const g = document.querySelector('#trends-national .js-plotly-plot');
      const t = g.data.length - 1;
      g.emit('plotly_click', {points: [{curveNumber: t, pointNumber: 1, customdata: g.data[t].customdata[1]}]});
    }""")
    page.wait_for_selector("#event-patria-segura-2013.is-focused", timeout=5_000)
    assert page.locator("#trends-events").get_attribute("open") is not None
    assert page.locator("#event-patria-segura-2013 a").get_attribute("href").startswith("https://")


def test_each_chart_card_downloads_its_image_named_from_the_registry(live_server, browser_page):
    page = browser_page.page
    page.goto(live_server + "/en/trends")
    for chart_id, stem in (("trends-national", "venezuela_national_series"),
                           ("trends-states", "venezuela_states_vs_country")):
        drawn(page, chart_id)
        for fmt in ("png", "svg"):
            with page.expect_download() as info:
                page.click(f"#{chart_id} [data-image-format={fmt}]")
            assert info.value.suggested_filename == f"{stem}.{fmt}"
            assert Path(info.value.path()).stat().st_size > 5_000
    assert browser_page.errors == []
