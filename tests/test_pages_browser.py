"""Every page, in both languages, in a real headless Chromium: heading, title, clean console."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import BOOM_PATH
from tests.test_http import NAV_SLUGS, NOT_FOUND, OTHER, PAGES, SITE, path_of

pytestmark = pytest.mark.browser

LANGUAGES = ["es", "en"]
SLUGS = list(PAGES)


def heading(slug: str, lang: str) -> str:
    return PAGES[slug][0][lang]


def title(slug: str, lang: str) -> str:
    return SITE[lang] if slug == "" else f"{heading(slug, lang)} · {SITE[lang]}"


def open_page(browser_page, url: str):
    page = browser_page.page
    page.goto(url)
    page.wait_for_selector("main h1", timeout=15_000)
    return page


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_page_renders_title_heading_and_clean_console(live_server, browser_page, dash_app, slug, lang):
    page = open_page(browser_page, live_server + path_of(slug, lang))
    assert page.inner_text("main h1").strip() == heading(slug, lang)
    page.wait_for_function("t => document.title === t", arg=title(slug, lang), timeout=5_000)
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("footer.site-footer").inner_text().count("CC BY") >= 1
    assert browser_page.errors == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", ["", "map", "about"])
def test_language_switch_keeps_page_and_view(live_server, browser_page, dash_app, slug, lang):
    target = OTHER[lang]
    page = open_page(browser_page, live_server + path_of(slug, lang) + "?year=2023")
    page.click("#language-switch")
    # Pages with a full view in the URL (the map) add their other parameters; the year survives.
    expected = re.escape(live_server + path_of(slug, target)) + r"\?(.*&)?year=2023(&.*)?$"
    page.wait_for_url(re.compile(expected), timeout=10_000)
    page.wait_for_function(
        "t => document.querySelector('main h1') && document.querySelector('main h1').innerText.trim() === t",
        arg=heading(slug, target),
        timeout=10_000,
    )
    assert browser_page.errors == []


def test_navigation_links_reach_every_section(live_server, browser_page, dash_app):
    page = open_page(browser_page, live_server + "/es")
    for slug in NAV_SLUGS:
        page.click(f"nav a[href='/es/{slug}']")
        page.wait_for_url(live_server + f"/es/{slug}")
        page.wait_for_function("t => document.querySelector('main h1')?.innerText.trim() === t",
                               arg=heading(slug, "es"))
    assert browser_page.errors == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unknown_page_shows_translated_404(live_server, browser_page, dash_app, lang):
    page = browser_page.page
    response = page.goto(f"{live_server}/{lang}/no-such-page")
    assert response.status == 404
    page.wait_for_selector("main h1")
    assert page.inner_text("main h1") == NOT_FOUND[lang]
    assert page.locator(f"main a[href='/{lang}']").count() == 1
    # The only console error allowed is the browser's note that the document itself was a 404.
    assert all("status of 404" in e for e in browser_page.errors), browser_page.errors


def test_server_error_page_in_browser(live_server, browser_page):
    page = browser_page.page
    response = page.goto(live_server + "/en" + BOOM_PATH)
    assert response.status == 500
    assert page.inner_text("h1") == "Something went wrong"
    assert "Traceback" not in page.content()


def test_url_input_is_never_executed(live_server, browser_page, dash_app):
    page = browser_page.page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    payload = "\"><script>alert(1)</script><img src=x onerror=alert(2)>"
    page.goto(f"{live_server}/es/map?year={payload}&x=javascript:alert(3)")
    page.wait_for_selector("main h1")
    page.click("#language-switch")
    page.wait_for_selector("main h1")
    assert dialogs == []
    assert page.locator("script:not([src]):not([type='application/json'])").count() <= 2


def test_phone_layout_has_working_menu(live_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server + "/es")
    page.wait_for_selector("main h1")
    assert not page.is_visible("nav a[href='/es/map']")
    page.click("#navbar-toggler")
    page.wait_for_selector("nav a[href='/es/map']", state="visible")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_data_page_lists_coverage_and_sources(live_server, browser_page, dash_app):
    observations = pd.read_csv(Path(__file__).resolve().parent.parent / "data" / "tables" / "observations.csv",
                               dtype=str, keep_default_na=False)
    page = open_page(browser_page, live_server + "/en/data")
    page.wait_for_selector("#data-coverage tbody tr")
    rows = page.locator("#data-coverage tbody tr").count()
    assert rows == len(observations.groupby(["indicator", "level"]))  # one row per indicator and level
    sources = pd.read_csv(Path(__file__).resolve().parent.parent / "data" / "tables" / "sources.csv", dtype=str,
                          keep_default_na=False)
    assert page.locator("#data-sources tbody tr").count() == len(sources)
    page.fill("#data-sources input[type=search]", "Observatorio Venezolano")
    wanted = sources[sources.apply(lambda r: "observatorio venezolano" in " ".join(r[["organisation", "title",
                                                                                       "kind", "licence"]]).lower(),
                                   axis=1)]
    page.wait_for_function(f"() => document.querySelectorAll('#data-sources tbody tr').length === {len(wanted)}")
    assert f"{len(wanted)} of {len(sources)} rows shown" in page.inner_text("#data-sources [role=status]")
    linked = wanted[wanted["url"].str.startswith("http")].iloc[0]
    link = page.locator("#data-sources tbody a", has_text=linked["title"]).first
    assert link.get_attribute("href") == linked["url"]  # the whole address, not cut-off text
    assert page.locator("a[href$='.zip']").count() == 1
    assert browser_page.errors == []
