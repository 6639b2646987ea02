"""The comparison page in headless Chromium: ranking, lines and trajectories draw the package's
series, the URL round-trips, downloads hold the chart rows, and a line opens its practice card."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from components.chart_style import VENEZUELA
from tests.test_trends_browser import csv_rows, drawn, traces

pytestmark = pytest.mark.browser

# Counted from data/tables/benchmarks.csv, observations.csv (Venezuela's UNODC rates) and practices.csv:
# points per country and source; each practice's figures from the source its card cites.
PRACTICE_POINTS = [3, 5, 6, 2, 2, 3, 6, 2, 2]  # Medellín, Bogotá, Cali, Diadema, São Paulo, Pernambuco,
# Ciudad Juárez, Nezahualcóyotl, El Salvador; then Venezuela from 5 years before its 2014 peak to 2022
# (2013 and 2018 unpublished): 12 points.
TRAJECTORIES = {
    "en": traces(*zip(["Medellín", "Bogotá", "Cali", "Diadema", "São Paulo state", "Pernambuco",
                       "Ciudad Juárez (counts)", "Nezahualcóyotl", "El Salvador"], PRACTICE_POINTS, strict=True),
                 ("Rio de Janeiro: favelas with a UPP", 2), ("Espírito Santo", 3),
                 ("Venezuela, since its 2014 peak (UNODC)", 12)),
    "es": traces(*zip(["Medellín", "Bogotá", "Cali", "Diadema", "Estado de São Paulo", "Pernambuco",
                       "Ciudad Juárez (conteos)", "Nezahualcóyotl", "El Salvador"], PRACTICE_POINTS, strict=True),
                 ("Río de Janeiro: favelas con UPP", 2), ("Espírito Santo", 3),
                 ("Venezuela, desde su máximo de 2014 (UNODC)", 12)),
}


def test_default_view_draws_every_chart(live_server, browser_page):
    page = browser_page.page
    page.goto(live_server + "/en/compare")
    page.wait_for_selector("main h1")
    ranking = drawn(page, "compare-ranking")
    assert ranking == traces(("Homicide rate", 30))  # 30 places with a 2022 OWID figure
    colours = page.evaluate("() => document.querySelector('#compare-ranking .js-plotly-plot').data[0].marker.color")
    labels = page.evaluate("() => document.querySelector('#compare-ranking .js-plotly-plot').data[0].y")
    assert colours[labels.index("Venezuela")] == VENEZUELA and colours.count(VENEZUELA) == 1
    assert "rank 19 of 30" in page.inner_text("#compare-ranking-reading")
    lines = drawn(page, "compare-lines")
    assert lines == traces(("Venezuela", 31), ("Colombia", 24), ("Brazil", 24), ("Mexico", 24),
                           ("Latin America and the Caribbean", 24),
                           ("Halving in ten years from Venezuela's 2022 figure (derived)", 11))  # latest year and ten
    trajectories = drawn(page, "compare-trajectories")
    assert trajectories == TRAJECTORIES["en"]  # every case with two figures, and Venezuela
    # 14 cards: the five added with themes (body-worn cameras, ADPF 635, UPP, Estado Presente, Disarmament
    # Statute) have cards even where they have no homicide trajectory
    assert page.locator("#compare-practices [id^='practice-']").count() == 14
    assert browser_page.errors == []


def test_url_round_trip_controls_and_notices(live_server, browser_page):
    page = browser_page.page
    page.goto(live_server + "/es/compare?year=2015&source=wb&countries=JAM,SLV&align=start")
    page.wait_for_selector("main h1")
    assert drawn(page, "compare-ranking") == traces(("Tasa de homicidios", 28))  # 28 with a 2015 WB figure
    assert drawn(page, "compare-lines") == traces(
        ("Venezuela", 31), ("Jamaica", 24), ("El Salvador", 23), ("América Latina y el Caribe", 14),
        ("Reducción a la mitad en diez años desde la cifra de Venezuela de 2022 (derivada)", 11))
    assert drawn(page, "compare-trajectories") == TRAJECTORIES["es"]
    page.wait_for_function("() => document.querySelector('#compare-share-url').value.includes('year=2015')")
    assert page.url.endswith("/es/compare?year=2015&source=wb&countries=JAM,SLV&align=start")
    page.check("#compare-align input[value='peak']", force=True)
    page.wait_for_url(re.compile(r"align=peak$"))
    page.wait_for_function("() => document.querySelector('#compare-trajectories .js-plotly-plot')?.layout.xaxis.title.text"
                           " === 'años desde el máximo'")
    page.goto(page.url)
    page.wait_for_selector("main h1")
    assert drawn(page, "compare-trajectories") == TRAJECTORIES["es"]
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
