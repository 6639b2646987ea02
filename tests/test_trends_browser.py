"""The trends page in headless Chromium: each chart draws the package's series, the URL follows
the controls and reopens the same view, downloads hold exactly the chart's rows with source lines."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

TRACES = """id => {
  const g = document.querySelector('#' + id + ' .js-plotly-plot');
  return g && g.data ? g.data.map(t => ({name: t.name, n: (t.y || []).filter(v => v !== null).length})) : null;
}"""


def drawn(page, chart_id: str):
    """The traces of a chart, once drawn: a chart below the first screen is drawn when the reader scrolls to it."""
    page.locator(f"#{chart_id}").scroll_into_view_if_needed()
    page.wait_for_function(f"() => !!document.querySelector('#{chart_id} .js-plotly-plot')?.data", timeout=15_000)
    return page.evaluate(TRACES, chart_id)


def traces(*pairs: tuple[str, int]) -> list[dict]:
    """Expected traces as (name, number of points drawn)."""
    return [{"name": name, "n": n} for name, n in pairs]


# Counted from data/tables/observations.csv (annual rows of the country, one point per producer and
# year; a producer's further releases of a year go to "earlier release") and events.csv (9 events).
NATIONAL_RATES_EN = traces(
    ("OVV · Violent deaths (OVV)", 12), ("OVV · Homicides", 9), ("MIJ · Homicides", 6), ("CICPC · Homicides", 3),
    ("Ministerio Público · Homicides", 2), ("Gobierno de Venezuela · Homicides", 1), ("INE · Homicides", 1),
    ("VP · Homicides", 1),
    ("UNODC · Intentional homicides (UNODC/WHO)", 31), ("WHO · Intentional homicides (UNODC/WHO)", 1),
    ("Earlier release of the same producer", 36), ("Documented event", 9))
NATIONAL_HOMICIDE_COUNTS_ES = traces(
    ("OVV · Homicidios", 16), ("CICPC · Homicidios", 4), ("MIJ · Homicidios", 4),
    ("Ministerio Público · Homicidios", 2), ("INE · Homicidios", 1), ("MPPS · Homicidios", 1),
    ("MUFLVEN · Homicidios", 1), ("VP · Homicidios", 1), ("Publicación anterior del mismo productor", 1),
    ("Hecho documentado", 9))
# OVV's breakdown of violent deaths: 2014 and 2016-2023; disappearances 2021-2023.
COMPOSITION_COUNTS = {
    "en": traces(("Homicides", 9), ("Deaths from police intervention", 9), ("Violent deaths under investigation", 9),
                 ("Disappearances", 3)),
    "es": traces(("Homicidios", 9), ("Muertes por intervención policial", 9),
                 ("Muertes violentas en averiguación", 9), ("Desapariciones", 3)),
}
# OVV's violent-death counts divided by each population base of the same year (population.csv), and
# OVV's own 12 published rates.
POPULATION_BASES_EN = traces(
    ("Population stated by OVV (derived)", 3), ("Population stated by Amnesty International (derived)", 1),
    ("Population used by the Ministry's observatory (OVS) (derived)", 2), ("ENCOVI survey estimate (derived)", 2),
    ("INE projection (derived)", 1), ("Projection approved by the National Assembly (derived)", 1),
    ("Rate published by OVV", 12))


def csv_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    comments = [line for line in text.splitlines() if line.startswith("#")]
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return comments, list(csv.DictReader(io.StringIO(body)))


def test_default_view_draws_every_chart(live_server, browser_page):
    page = browser_page.page
    page.goto(live_server + "/en/trends")
    page.wait_for_selector("main h1")
    assert drawn(page, "trends-national") == NATIONAL_RATES_EN
    assert drawn(page, "trends-composition") == COMPOSITION_COUNTS["en"]
    assert drawn(page, "trends-population") == POPULATION_BASES_EN
    # Caracas beside the country: OVV's violent-death rates, 6 years for Distrito Capital.
    assert drawn(page, "trends-states") == traces(("Venezuela · OVV", 12), ("Distrito Capital · OVV", 8))
    assert browser_page.errors == []


def test_url_round_trip_and_invalid_values(live_server, browser_page):
    page = browser_page.page
    query = "?indicators=homicides&unit=count&composition=share&states=VE-V,VE-A&state_indicator=homicides&state_unit=count"
    page.goto(live_server + "/es/trends" + query)
    page.wait_for_selector("main h1")
    assert drawn(page, "trends-national") == NATIONAL_HOMICIDE_COUNTS_ES
    assert drawn(page, "trends-states") == traces(("Venezuela · OVV", 16), ("Zulia · OVV", 2),
                                                  ("Distrito Capital · OVV", 2), ("Zulia · Versión Final", 2))
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
    assert drawn(page, "trends-composition") == COMPOSITION_COUNTS["es"]
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
    assert download.suggested_filename == "venezuela-violent-deaths-rate-by-population-base-2012-2023.csv"
    comments, rows = csv_rows(Path(download.path()).read_text(encoding="utf-8"))
    assert any(c.startswith("# Source ovv-iav-2023: Observatorio Venezolano de Violencia") for c in comments)
    assert any("CC BY 4.0" in c for c in comments)
    assert len(rows) == 22  # the chart's 10 derived and 12 published points
    derived = [r for r in rows if r["status"] == "derived"]
    assert len(derived) == 10
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
    for chart_id, stem in (("trends-national", "venezuela-violent-deaths-homicides-intentional-homicides-rate-1990-2025"),
                           ("trends-states", "distrito-capital-venezuela-violent-deaths-rate-2012-2024")):
        drawn(page, chart_id)
        for fmt in ("png", "svg"):
            with page.expect_download() as info:
                page.click(f"#{chart_id} [data-image-format={fmt}]")
            assert info.value.suggested_filename == f"{stem}.{fmt}"
            assert Path(info.value.path()).stat().st_size > 5_000
    assert browser_page.errors == []
