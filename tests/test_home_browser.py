"""The front page in headless Chromium: the latest national figures of several producers with their year and
source, and the static state map whose states open their briefings; no plotly on a first visit."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from geo import codes

pytestmark = pytest.mark.browser

TABLES = Path(__file__).resolve().parent.parent / "data" / "tables"
SOURCE_WORD = {"es": "Fuente:", "en": "Source:"}


def _ovv_latest_national_rate() -> tuple[int, float]:
    """OVV's latest national violent-death rate, read from observations.csv (not through the app)."""
    with (TABLES / "observations.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle)
                if (r["level"], r["code"], r["indicator"], r["unit"], r["period"]) ==
                ("country", "VEN", "violent_deaths", "rate_per_100k", "") and r["source_id"].startswith("ovv-")]
    latest = max(rows, key=lambda r: int(r["year"]))
    return int(latest["year"]), float(latest["value"])


def _open_home(browser_page, live_server: str, lang: str):
    page = browser_page.page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server}/{lang}")
    page.wait_for_selector("#home-rates .home-figure", timeout=15_000)
    return page, requests


@pytest.mark.parametrize("lang", ["es", "en"])
def test_home_shows_latest_national_figures_of_several_producers_with_year_and_source(
        live_server, browser_page, dash_app, lang):
    page, requests = _open_home(browser_page, live_server, lang)
    cards = page.locator("#home-rates .home-figure")
    producers = {cards.nth(i).get_attribute("data-producer") for i in range(cards.count())}
    assert len(producers) >= 2
    for i in range(cards.count()):
        card = cards.nth(i)
        text = card.inner_text()
        assert card.get_attribute("data-year") in text  # the year is written, not only in the markup
        assert SOURCE_WORD[lang] in text
        assert card.locator("a[href^='http']").count() >= 1  # the page the figure was read on
    year, value = _ovv_latest_national_rate()
    ovv = page.locator("#home-rates .home-figure[data-producer='ovv'][data-indicator='violent_deaths']")
    written = f"{value:.1f}".replace(".", "," if lang == "es" else ".")
    assert ovv.locator(".home-figure-value").inner_text() == written
    assert ovv.locator(".home-figure-year").inner_text() == str(year)
    assert not any("plotly" in url for url in requests), [u for u in requests if "plotly" in u]
    assert browser_page.errors == []


def test_home_map_draws_25_states_that_open_their_briefings(live_server, browser_page, dash_app):
    page, _requests = _open_home(browser_page, live_server, "es")
    page.wait_for_selector("#home-map")
    frame = page.frame_locator("#home-map")
    links = frame.locator("svg a")
    links.first.wait_for()
    assert links.count() == 25 and frame.locator("svg a path").count() == 25
    hrefs = {links.nth(i).get_attribute("data-state"): links.nth(i).get_attribute("href") for i in range(25)}
    assert hrefs == {code: f"/es/briefing/{code}" for code in codes.state_iso_codes()}
    label = frame.locator("svg a[data-state='VE-D']").get_attribute("aria-label")
    assert label.startswith("Aragua:")
    aragua = frame.locator("svg a[data-state='VE-D'] path")
    # Click a point of Aragua that is Aragua's on screen (its box's centre may fall on a neighbour).
    inside = aragua.evaluate("""path => {
        const box = path.getBoundingClientRect();
        for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
            const x = box.left + box.width * i / 20, y = box.top + box.height * j / 20;
            if (document.elementFromPoint(x, y) === path) return {x: x - box.left, y: y - box.top};
        }
        return null;
    }""")
    assert inside is not None
    aragua.click(position=inside)
    page.wait_for_url(f"{live_server}/es/briefing/VE-D", timeout=10_000)
    page.wait_for_function("() => document.querySelector('main h1')?.innerText.includes('Aragua')", timeout=15_000)
    assert browser_page.errors == []


def test_home_map_links_to_the_explorer_with_the_same_view(live_server, browser_page, dash_app):
    page, _requests = _open_home(browser_page, live_server, "en")
    href = page.get_attribute("#home-map-explore", "href")
    assert re.fullmatch(r"/en/map\?indicator=violent_deaths&measure=rate&source=ovv&year=\d{4}&level=state&view=map",
                        href), href
    page.click("#home-map-explore")
    page.wait_for_url(f"{live_server}{href}", timeout=10_000)
    page.wait_for_selector("main h1")
    assert browser_page.errors == []


def test_home_fits_a_phone(live_server, browser, dash_app):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server + "/es")
    page.wait_for_selector("#home-map")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The first national figure is within the first two screens of a phone.
    top = page.locator("#home-rates .home-figure-value").first.bounding_box()["y"]
    assert top < 2 * 844
    context.close()
