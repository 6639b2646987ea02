"""Briefings in headless Chromium: every state in both languages (the printed PDF, made on the server,
is tested in test_briefing_pdf)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geo import codes

pytestmark = pytest.mark.browser

LANGUAGES = ["es", "en"]
COUNTRY = "VEN"
PLACES = [COUNTRY, *codes.state_iso_codes()]
HEADINGS = {"es": ("Venezuela: informe nacional", "{place}: informe estatal"),
            "en": ("Venezuela: national briefing", "{place}: state briefing")}
WORDS = {"es": {"Sources": "Fuentes", "Download PDF": "Descargar PDF"},
         "en": {"Sources": "Sources", "Download PDF": "Download PDF"}}


def expected_heading(code: str, lang: str) -> str:
    national, state = HEADINGS[lang]
    return national if code == COUNTRY else state.format(place=codes.state_name(code))


def published_figures() -> pd.DataFrame:
    """What a briefing's figures table lists, read from observations.csv: annual figures of the place,
    one line per indicator and producer (source ids are ``<producer>-<publication>``); the number of
    homicide investigations opened is not a figure of lethal violence."""
    rows = pd.read_csv(Path(__file__).resolve().parent.parent / "data" / "tables" / "observations.csv",
                       dtype=str, keep_default_na=False)
    rows = rows[(rows["period"] == "") & (rows["indicator"] != "homicide_investigations")]
    return rows.assign(producer=rows["source_id"].str.split("-").str[0])


def navigate(page, path: str) -> None:
    """Open a briefing as a reader's link does: briefings are documents served as finished HTML."""
    page.goto(page.url.split("/", 3)[0] + "//" + page.url.split("/", 3)[2] + path)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_index_lists_the_national_and_every_state_briefing(live_server, browser_page, lang):
    page = browser_page.page
    page.goto(f"{live_server}/{lang}/briefing")
    page.wait_for_selector("#briefing-index")
    links = page.locator("#briefing-index a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert sorted(links) == sorted(f"/{lang}/briefing/{c}" for c in codes.state_iso_codes())
    assert page.locator(f"main a[href='/{lang}/briefing/{COUNTRY}']").count() == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_briefing_renders_with_its_heading_and_figures(live_server, browser_page, lang):
    published = dict(tuple(published_figures().groupby("code")))
    assert "VE-W" not in published and "VE-U" in published  # Dependencias Federales: no figures at all (Yaracuy:
    # OVV's 2023 rate since round 2)
    page = browser_page.page
    page.goto(f"{live_server}/{lang}/briefing")
    page.wait_for_selector("#briefing-index")
    for code in PLACES:
        navigate(page, f"/{lang}/briefing/{code}")
        page.wait_for_function(
            "([code, h]) => document.querySelector('#briefing')?.dataset.place === code"
            " && document.querySelector('main h1')?.innerText.trim() === h",
            arg=[code, expected_heading(code, lang)], timeout=10_000)
        place = published.get(code)
        if code == COUNTRY:  # official figures beside OVV's for the same years, not every producer
            assert page.locator("#briefing-official-ovv tbody tr").count() >= 2
        elif place is not None:  # each indicator and producer with the last year it was published for
            years = page.locator("#briefing-figures tbody tr td:nth-child(3)").all_inner_texts()
            assert sorted(years) == sorted(place.groupby(["indicator", "producer"])["year"].max()), code
        else:  # the gap is said, not hidden
            assert page.locator("#briefing-figures .briefing-gap").count() == 1, code
            assert page.locator("#briefing-figures tbody tr").count() == 0, code
        assert page.locator("#briefing-options .briefing-option").count() >= 3, code
        assert page.get_attribute("#briefing-pdf", "href") == f"/{lang}/briefing/{code}.pdf"
        assert page.locator("#briefing-sources li").count() >= 1
    assert browser_page.errors == []


def test_unknown_place_says_so(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/en/briefing/<i>XX</i>")
    page.wait_for_selector("main h1")
    assert page.inner_text("main h1") == "No briefing for this place"
    assert "<i>XX</i>" in page.inner_text("main .alert") and page.locator("main .alert i").count() == 0


def test_aragua_briefing_quotes_ovvs_rank(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/en/briefing/VE-D")
    page.wait_for_selector("#briefing-figures")
    assert "In 2023 it was 8th in OVV's ranking of the states (1 = highest rate)." in page.inner_text("#briefing-figures")
    assert browser_page.errors == []
