"""The map on a 390-px touch screen: map first, controls behind one button, a year control that fits, a tap
that selects (value, rank, year, source) and an explicit action to open the municipalities."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest

from geo import codes
from tests.conftest import BrowserPage

pytestmark = pytest.mark.browser

PATHS = "#map-graph g.trace.choropleth"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser) -> Iterator[BrowserPage]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    wrapped = BrowserPage(context.new_page())
    yield wrapped
    context.close()


def open_map(phone: BrowserPage, base: str, query: str = "", lang: str = "en"):
    page = phone.page
    page.goto(f"{base}/{lang}/map{query}")
    page.wait_for_selector(f"{PATHS} path.choroplethlocation", timeout=20_000)
    page.wait_for_function("() => document.querySelector('#map-caption')?.innerText.length > 0")
    return page


def tap(page, locator) -> None:
    box = locator.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def state_path(page, code: str):
    index = page.evaluate(f"document.querySelector('#map-graph .js-plotly-plot').data[0].locations.indexOf('{code}')")
    return page.locator(PATHS).nth(0).locator("path.choroplethlocation").nth(index)


def test_map_comes_first_and_the_controls_open_behind_one_button(live_server, phone):
    page = open_map(phone, live_server)
    graph = page.locator("#map-graph .main-svg").first.bounding_box()
    assert graph["y"] < PHONE["height"] / 2, "the map starts in the top half of the first screen"
    assert graph["y"] + graph["height"] <= PHONE["height"] + 1, "the whole map fits on the first screen"
    assert page.is_hidden("#map-indicator") and page.is_hidden("#map-place")
    toggle = page.locator("#map-controls-toggle")
    assert toggle.evaluate("b => b.tagName") == "BUTTON" and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    page.wait_for_selector("#map-indicator", state="visible")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert phone.errors == []


def test_year_labels_fit_390_px_without_overlapping(live_server, phone):
    page = open_map(phone, live_server)
    boxes = [b for b in (m.bounding_box() for m in page.locator("#map-year .dash-slider-mark").all())
             if b and b["width"] > 0]
    labels = [t for t in page.locator("#map-year .dash-slider-mark").all_inner_texts() if t]
    visible = sorted(boxes, key=lambda b: b["x"])
    assert len(visible) >= 3, labels
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= PHONE["width"] for b in visible), "a year label is clipped"
    assert all(a["x"] + a["width"] <= b["x"] for a, b in pairwise(visible)), "labels overlap"
    last_year = page.get_attribute("#map-year [role=slider]", "aria-valuemax")
    texts = page.evaluate("Array.from(document.querySelectorAll('#map-year .dash-slider-mark'))"
                          ".filter(m => m.getBoundingClientRect().width > 0).map(m => m.textContent)")
    assert texts[-1] == last_year and texts[0] == page.get_attribute("#map-year [role=slider]", "aria-valuemin")
    play = page.locator("#map-play").bounding_box()
    assert play["x"] + play["width"] <= visible[0]["x"], "the play button covers the first year"
    assert phone.errors == []


def test_a_tap_selects_a_state_and_the_panel_opens_its_municipalities(live_server, phone):
    page = open_map(phone, live_server, "?year=2023")
    tap(page, state_path(page, "VE-F"))
    page.wait_for_selector("#map-selection:not([hidden])", timeout=5_000)
    assert page.locator(f"{PATHS} path.choroplethlocation").count() == 25  # the tap did not drill down
    assert page.inner_text("#map-selection-name") == "Bolívar"
    assert page.inner_text("#map-selection-value") == "38.5 per 100,000 inhabitants"  # OVV 2023
    assert page.inner_text("#map-selection-year") == "2023"
    assert page.locator("#map-graph .hoverlayer").evaluate("g => getComputedStyle(g).display") == "none"
    page.locator("#map-drill").scroll_into_view_if_needed()
    tap(page, page.locator("#map-drill"))
    page.wait_for_function(f"() => document.querySelectorAll('{PATHS} path.choroplethlocation').length === "
                           f"{len(codes.municipality_pcodes('VE-F'))}", timeout=10_000)
    assert page.locator("#map-graph .hovertext").evaluate_all(
        "labels => labels.filter(l => l.getBoundingClientRect().width > 0).length") == 0
    assert phone.errors == []
