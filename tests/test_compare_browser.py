"""The comparison page in headless Chromium: ranking, lines and trajectories draw what the server
computed, the URL round-trips, downloads hold the chart rows, and a line opens its practice card."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from components.benchmark_charts import lines_chart, ranking_chart, trajectory_chart
from components.chart_style import VENEZUELA
from data import query
from tests.test_trends_browser import csv_rows, drawn, expected

pytestmark = pytest.mark.browser


def test_default_view_draws_every_chart(live_server, browser_page):
    page = browser_page.page
    page.goto(live_server + "/en/compare")
    page.wait_for_selector("main h1")
    ranking = drawn(page, "compare-ranking")
    assert ranking == expected(ranking_chart("en", 2022, "owid"))
    colours = page.evaluate("() => document.querySelector('#compare-ranking .js-plotly-plot').data[0].marker.color")
    labels = page.evaluate("() => document.querySelector('#compare-ranking .js-plotly-plot').data[0].y")
    assert colours[labels.index("Venezuela")] == VENEZUELA and colours.count(VENEZUELA) == 1
    assert "rank 19 of 30" in page.inner_text("#compare-ranking-reading")
    lines = drawn(page, "compare-lines")
    assert lines == expected(lines_chart("en", ["COL", "BRA", "MEX"], "owid"))
    assert [t["name"] for t in lines[:4]] == ["Venezuela", "Colombia", "Brazil", "Mexico"]
    assert lines[-1]["n"] == 11  # the halving path: latest year and ten more
    trajectories = drawn(page, "compare-trajectories")
    assert trajectories == expected(trajectory_chart("en", "peak", "owid"))
    assert len(trajectories) == len(query.practices()) + 1  # every case with two figures, and Venezuela
    assert page.locator("#compare-practices [id^='practice-']").count() == len(query.practices())
    assert browser_page.errors == []


def test_url_round_trip_controls_and_notices(live_server, browser_page):
    page = browser_page.page
    page.goto(live_server + "/es/compare?year=2015&source=wb&countries=JAM,SLV&align=start")
    page.wait_for_selector("main h1")
    assert drawn(page, "compare-ranking") == expected(ranking_chart("es", 2015, "wb"))
    assert drawn(page, "compare-lines") == expected(lines_chart("es", ["JAM", "SLV"], "wb"))
    assert drawn(page, "compare-trajectories") == expected(trajectory_chart("es", "start", "wb"))
    page.wait_for_function("() => document.querySelector('#compare-share-url').value.includes('year=2015')")
    assert page.url.endswith("/es/compare?year=2015&source=wb&countries=JAM,SLV&align=start")
    page.check("#compare-align input[value='peak']", force=True)
    page.wait_for_url(re.compile(r"align=peak$"))
    page.wait_for_function("() => document.querySelector('#compare-trajectories .js-plotly-plot')?.layout.xaxis.title.text"
                           " === 'años desde el máximo'")
    page.goto(page.url)
    page.wait_for_selector("main h1")
    assert drawn(page, "compare-trajectories") == expected(trajectory_chart("es", "peak", "wb"))
    page.goto(live_server + "/en/compare?year=1800&countries=ZZZ&align=sideways")
    page.wait_for_selector("#compare-notices .alert")
    assert page.locator("#compare-notices .alert").count() == 3
    assert browser_page.errors == []


def test_downloads_and_practice_links(live_server, browser_page):
    page = browser_page.page
    page.goto(live_server + "/en/compare?year=2022")
    drawn(page, "compare-ranking")
    with page.expect_download() as info:
        page.click("#compare-ranking button:has-text('Download CSV')")
    comments, rows = csv_rows(Path(info.value.path()).read_text(encoding="utf-8"))
    assert any("reg-unodc-owid" in c for c in comments) and any("CC BY 4.0" in c for c in comments)
    ven = next(r for r in rows if r["place_id"] == "VEN")
    assert (ven["rank"], ven["value"], ven["source_id"]) == ("19", "12.6", "unodc-owid")
    assert len([r for r in rows if r["rank"]]) == 30
    with page.expect_download() as info:
        page.click("#compare-trajectories button:has-text('Download CSV')")
    _comments, rows = csv_rows(Path(info.value.path()).read_text(encoding="utf-8"))
    medellin = [r for r in rows if r["practice_id"] == "medellin-urbanismo-social"]
    assert [(r["year"], r["index"]) for r in medellin] == [("1979", "11.3"), ("1991", "100.0"), ("2008", "12.1")]
    page.evaluate("""() => {
      const g = document.querySelector('#compare-trajectories .js-plotly-plot');
      g.emit('plotly_click', {points: [{curveNumber: 0, pointNumber: 0, customdata: g.data[0].customdata[0]}]});
    }""")
    page.wait_for_selector("#practice-medellin-urbanismo-social.is-focused", timeout=5_000)
    assert browser_page.errors == []
