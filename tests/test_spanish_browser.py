"""Every page and embed, in both languages, in a real browser: no number with the other language's decimal
mark anywhere in the visible text (chart ticks and labels included), plotly's toolbar and Dash's dropdown
in the page's language."""

from __future__ import annotations

import pytest

from components.chart_registry import chart_names
from data import query
from tests.separators import wrong_separators

pytestmark = pytest.mark.browser

LANGUAGES = ["es", "en"]
PAGES = ["", "map", "trends", "compare", "briefing", "briefing/VEN", "briefing/VE-F", "data", "about", "place/VEN",
         "place/VE-F", "place/VE0703"]
PLOTLY_ENGLISH = ["Download plot as a PNG", "Zoom in", "Zoom out", "Reset axes", "Autoscale", "Pan", "Share chart..."]

VISIBLE_TEXT = """() => [document.body.innerText,
  ...Array.from(document.querySelectorAll('svg text')).map(t => t.textContent)].join('\\n')"""


def _settled(page) -> None:
    """Wait for the page's callbacks and charts to finish drawing."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')", timeout=15_000)
    page.wait_for_timeout(500)


def _published_words() -> list[str]:
    """Source titles and organisations, shown as published (a Portuguese title may write "33,3%")."""
    sources = query.sources()
    return sorted({str(t) for t in [*sources["title"], *sources["organisation"]] if str(t)}, key=len, reverse=True)


def _cases() -> list:
    cases = []
    for lang in LANGUAGES:
        paths = [f"/{lang}/{slug}".rstrip("/") for slug in PAGES]
        paths += [f"/embed/{name}?lang={lang}" for name in chart_names()]
        for path in paths:
            cases.append(pytest.param(lang, path, id=path))
    return cases


@pytest.mark.parametrize(("lang", "path"), _cases())
def test_numbers_use_the_pages_decimal_mark(live_server, browser_page, dash_app, lang, path):
    page = browser_page.page
    page.goto(live_server + path)
    page.wait_for_selector("h1", timeout=20_000)
    _settled(page)
    text = page.evaluate(VISIBLE_TEXT)
    for words in _published_words():
        text = text.replace(words, "")
    assert wrong_separators(text, lang) == []
    assert browser_page.errors == []


def test_plotly_toolbar_dropdowns_and_axes_speak_spanish(live_server, browser_page, dash_app):
    page = browser_page.page
    page.goto(live_server + "/es/trends")
    page.wait_for_selector("#trends-national-graph .modebar-btn", state="attached", timeout=20_000)
    _settled(page)
    titles = page.eval_on_selector_all("#trends-national-graph .modebar-btn",
                                       "buttons => buttons.map(b => b.getAttribute('data-title'))")
    assert titles and not set(titles) & set(PLOTLY_ENGLISH), titles
    assert "Reiniciar ejes" in titles or "Autoescalar" in titles
    graph = page.evaluate("""() => { const g = document.querySelector('#trends-national-graph .js-plotly-plot');
        return {locale: g._context.locale, separators: g._fullLayout.separators}; }""")
    assert graph == {"locale": "es", "separators": ",."}
    assert "3 seleccionados" in page.locator("#trends-indicators").inner_text()
    page.locator("#trends-indicators").click()
    assert page.locator(".dash-dropdown-search").first.get_attribute("placeholder") == "Buscar"
    assert browser_page.errors == []


def test_map_toolbar_is_spanish_and_uploads_nothing(live_server, browser_page, dash_app):
    """The map's toolbar in Spanish, without plotly's "Share chart..." (it uploads the chart to Plotly Cloud)."""
    page = browser_page.page
    page.goto(live_server + "/es/map?year=2023")
    page.wait_for_selector("#map-graph .modebar-btn", state="attached", timeout=20_000)
    _settled(page)
    titles = page.eval_on_selector_all("#map-graph .modebar-btn",
                                       "buttons => buttons.map(b => b.getAttribute('data-title'))")
    assert "Ampliar" in titles and not set(titles) & set(PLOTLY_ENGLISH), titles
    assert browser_page.errors == []
