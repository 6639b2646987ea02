"""Keyboard and screen-reader checks in headless Chromium: axe-core on every page and embed in both languages
(no serious or critical violation), the navigation's current page and contrast, a visible focus ring, and a
copy-link control that is a real button."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from components.chart_registry import chart
from tests.separators import wrong_separators
from tests.test_spanish_browser import VISIBLE_TEXT, published_words

pytestmark = pytest.mark.browser

LANGUAGES = ("es", "en")
# One embed of each kind and page (the embeds share their frame and formatter): the map, a trends chart, a comparison
# chart and a briefing chart. Every embed's own texts are checked in tests/test_embed_units.py.
EMBEDS = tuple(chart(name).name for name in ("map", "trends-national", "compare-ranking", "compare-firearms",
                                               "briefing-trend"))
PAGES = ("", "/map", "/trends", "/compare", "/data", "/about", "/briefing", "/briefing/VEN", "/briefing/VE-F",
         "/search?q=sucre", "/place/VEN", "/place/VE0703", "/place/VE0201")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def settle(page) -> None:
    """Wait until Dash has drawn the page and answered its first callbacks."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => document.querySelector('main h1, .embed-title, h1') !== null"
                           " && document.querySelector('[data-dash-is-loading]') === null", timeout=20_000)
    page.wait_for_timeout(300)  # a frame for the naming of Dash's controls (assets/shell.js)


def reach_every_chart(page) -> None:
    """A chart below the first screen is drawn when the reader scrolls near it (components/deferred.py): scroll to
    each, as a reader does, so its labels are checked too."""
    slots = page.locator(".deferred-slot")
    for index in range(slots.count()):
        slots.nth(index).scroll_into_view_if_needed()
    page.wait_for_function("() => Array.from(document.querySelectorAll('.deferred-slot'))"
                           ".every(slot => slot.querySelector('.js-plotly-plot .main-svg'))", timeout=20_000)
    page.evaluate("window.scrollTo(0, 0)")
    settle(page)


def serious_violations(page) -> list[str]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [f"{v['id']} ({v['impact']}): " + "; ".join(str(n["target"]) for n in v["nodes"][:5])
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_and_embed_has_no_serious_violation_and_the_pages_decimal_mark(live_server, browser_page, lang):
    """One sweep (each page loaded once): axe-core finds no serious or critical violation, and no number in the
    visible text, chart labels included, uses the other language's decimal mark (tests/separators.py)."""
    page = browser_page.page
    found, separators = {}, {}
    published = published_words()
    targets = [(path or "/", f"/{lang}{path}") for path in PAGES]
    targets += [(f"embed {name}", f"/embed/{name}?lang={lang}") for name in EMBEDS]
    for name, path in targets:
        page.goto(live_server + path)
        settle(page)
        reach_every_chart(page)
        found[name] = serious_violations(page)
        text = page.evaluate(VISIBLE_TEXT)
        for words in published:
            text = text.replace(words, "")
        separators[name] = wrong_separators(text, lang)
    assert {k: v for k, v in found.items() if v} == {}
    assert {k: v for k, v in separators.items() if v} == {}
    assert browser_page.errors == []


def test_axe_finds_no_serious_violation_on_the_phone_map(live_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{live_server}/es/map")
    settle(page)
    page.click("#map-controls-toggle")
    page.wait_for_selector("#map-indicator", state="visible")
    assert serious_violations(page) == []
    context.close()


def _luminance(rgb: list[float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: list[float], b: list[float]) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


COLOURS = """el => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  let bg = el;
  while (bg && rgb(getComputedStyle(bg).backgroundColor)[3] === 0) bg = bg.parentElement;
  return [rgb(getComputedStyle(el).color), rgb(getComputedStyle(bg).backgroundColor)];
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_navigation_marks_the_current_page_with_readable_links(live_server, browser_page, lang):
    page = browser_page.page
    page.goto(f"{live_server}/{lang}/trends")
    settle(page)
    current = page.locator(".site-nav [aria-current=page]")
    assert current.count() == 1
    assert current.get_attribute("href") == f"/{lang}/trends"
    for link in page.locator(".site-nav .nav-link").all():
        text, background = link.evaluate(COLOURS)
        assert _contrast(text, background) >= 4.5, link.inner_text()


def test_keyboard_focus_is_visible(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/en/map")
    settle(page)
    page.focus("h1")
    rings = {}
    for _ in range(12):
        page.keyboard.press("Tab")
        name, width, style = page.evaluate("() => { const e = document.activeElement, s = getComputedStyle(e);"
                                           " return [e.id || e.className || e.tagName, parseFloat(s.outlineWidth),"
                                           " s.outlineStyle]; }")
        rings[name] = (width, style)
    assert rings and all(width >= 2 and style != "none" for width, style in rings.values()), rings


def test_copy_link_is_a_button_that_copies_the_view(live_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page = context.new_page()
    page.goto(f"{live_server}/en/map?year=2022")
    settle(page)
    page.wait_for_function("() => document.querySelector('#map-share-url').value.includes('year=2022')")
    button = page.locator("#map-share-copy")
    assert button.evaluate("b => b.tagName") == "BUTTON" and button.get_attribute("tabindex") in (None, "0")
    page.focus("#map-share-url")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "map-share-copy"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#map-share-status').textContent.length > 0")
    assert page.inner_text("#map-share-status") == "The link was copied."
    assert page.evaluate("navigator.clipboard.readText()") == page.input_value("#map-share-url")
    context.close()


def test_each_radio_group_is_one_tab_stop(live_server, browser_page):
    """Tab reaches the chosen option of a group once; arrow keys move inside it (a shared ``name``)."""
    page = browser_page.page
    page.goto(f"{live_server}/es/map")
    settle(page)
    page.focus("#map-indicator")
    stops = []
    for _ in range(4):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.id"))
    assert stops[0].endswith("map-measure_input_rate") and stops[1] == "map-source", stops
    assert stops[2].endswith("map-when_input_year") and stops[3].endswith("map-level_input_state"), stops
    page.focus("[id$='map-measure_input_rate']")
    page.keyboard.press("ArrowDown")  # the arrow keys choose within the group, as in any form
    page.wait_for_function("() => new URL(location.href).searchParams.get('measure') === 'count'", timeout=10_000)
