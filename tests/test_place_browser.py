"""Search and place pages in a real browser, with the keyboard only: the search box of the navigation, the
results, the place page's figures and sources, and the CSV link against the table on screen.
Expected figures are typed from data/tables/observations.csv by hand."""

from __future__ import annotations

import csv
import io
from urllib.parse import unquote

import pytest

# El Callao (VE0703) in observations.csv: year, value as a Spanish page writes it, source_id
EL_CALLAO_ES = [("2017", "816,9", "ovv-iav-2017"), ("2023", "424,7", "ovv-iav-2023"),
                ("2021", "511", "ovv-iav-2021"), ("2022", "375", "ovv-iav-2022")]
SUCRE_MUNICIPALITIES = {"VE0513", "VE0710", "VE1121", "VE1420", "VE1519", "VE1813", "VE1914", "VE2026", "VE2117",
                        "VE2212", "VE2320"}


def search_with_keyboard(page, base: str, lang: str, text: str) -> None:
    """From the About page, Tab to the navigation's search box, type and press Enter (no mouse)."""
    page.goto(f"{base}/{lang}/about")
    page.wait_for_selector("#main h1")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "nav-search-input":
            break
    else:
        pytest.fail("the search box cannot be reached with Tab")
    label = page.evaluate("document.activeElement.labels[0].textContent")
    assert label == {"es": "Buscar un lugar por nombre", "en": "Search a place by name"}[lang]
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{lang}/search?q=*")
    page.wait_for_selector("#search-results")


def result_codes(page, list_id: str) -> list[str]:
    return page.eval_on_selector_all(f"#{list_id} li", "items => items.map(i => i.dataset.code)")


def test_callao_finds_el_callao_and_enter_opens_its_page(live_server, browser_page):
    page = browser_page.page
    search_with_keyboard(page, live_server, "es", "callao")
    assert result_codes(page, "search-partial") == ["VE0703"]
    assert "municipio del estado Bolívar" in page.inner_text("#search-partial li")
    for _ in range(40):  # on to the result, still with the keyboard
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "/es/place/VE0703":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/es/place/VE0703")
    page.wait_for_selector("#place-name")
    assert page.inner_text("#place-name") == "El Callao (Bolívar)"
    assert browser_page.errors == []


def test_vargas_finds_la_guaira(live_server, browser_page):
    page = browser_page.page
    search_with_keyboard(page, live_server, "en", "VARGAS")
    assert result_codes(page, "search-exact")[:2] == ["VE-X", "VE2401"]
    first = page.inner_text("#search-exact li")
    assert first.startswith("La Guaira — state") and "“Vargas”" in first


def test_sucre_lists_the_state_and_every_municipality_with_its_state(live_server, browser_page):
    page = browser_page.page
    search_with_keyboard(page, live_server, "en", "sucre")
    codes = result_codes(page, "search-exact")
    assert codes[0] == "VE-R" and set(codes[1:]) == SUCRE_MUNICIPALITIES
    texts = page.eval_on_selector_all("#search-exact li", "items => items.map(i => i.innerText)")
    assert all("municipality of " in t for t in texts[1:])
    assert page.inner_text("#search-summary") == "12 places called “sucre”: choose one."


def test_a_misspelt_name_offers_the_nearest(live_server, browser_page):
    page = browser_page.page
    search_with_keyboard(page, live_server, "es", "Calao")
    assert page.inner_text("#search-summary") == "Ningún lugar se llama «Calao»."
    assert result_codes(page, "search-suggestions")[0] == "VE0703"


def test_el_callao_page_shows_its_published_figures_with_sources(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/es/place/VE0703")
    page.wait_for_selector("tr[data-source-id]")
    rows = page.eval_on_selector_all(
        "tr[data-source-id]",
        "rows => rows.map(r => [r.cells[0].innerText, r.cells[1].innerText, r.dataset.sourceId,"
        " r.cells[2].querySelector('a').href])")
    assert [(y, v, s) for y, v, s, _href in rows] == EL_CALLAO_ES
    assert rows[0][3] == ("https://www.el-carabobeno.com/observatorio-venezolano-violencia-presento-"
                          "informe-anual-violenca-2017/")
    assert page.locator("#place-locator").evaluate("img => img.naturalWidth") > 0
    assert page.title().startswith("El Callao (Bolívar)")
    assert browser_page.errors == []


def test_the_csv_link_matches_the_table(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/en/place/VE-F")
    page.wait_for_selector("#place-csv")
    href = page.get_attribute("#place-csv", "href")
    text = unquote(href.split(",", 1)[1]).lstrip("\ufeff")
    data = [line for line in text.splitlines() if not line.startswith("#")]
    from_csv = [(r["year"] + (" " + r["period"] if r["period"] else ""), r["source_id"])
                for r in csv.DictReader(io.StringIO("\n".join(data)))]
    on_screen = page.eval_on_selector_all(
        "tr[data-source-id]", "rows => rows.map(r => [r.cells[0].innerText, r.dataset.sourceId])")
    assert [tuple(r) for r in on_screen] == from_csv
    assert len(from_csv) > 10


def test_a_municipality_without_figures_says_so(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/es/place/VE0201")
    page.wait_for_selector("#place-no-figures")
    assert page.inner_text("#place-no-figures").startswith(
        "Ninguna fuente del paquete de datos publicó una cifra para Autónomo Alto Orinoco (Amazonas).")
    assert page.locator("#place-state-figures").inner_text() == "Cifras publicadas del estado Amazonas"


def test_unknown_place_is_a_404(live_server, browser_page):
    page = browser_page.page
    response = page.goto(f"{live_server}/en/place/VE9999")
    assert response.status == 404
    page.wait_for_selector("#place-not-found")
    assert page.inner_text("#main h1") == "No place with this code"


@pytest.fixture
def no_script_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_search_and_place_pages_work_without_javascript(live_server, no_script_page):
    page = no_script_page
    page.goto(f"{live_server}/es/search")
    page.focus("#noscript-q")
    page.keyboard.type("VARGAS")
    page.keyboard.press("Enter")  # a plain GET form: the browser submits it
    page.wait_for_url("**/es/search?q=VARGAS")
    assert page.inner_text("noscript main li:first-child").startswith("La Guaira — estado")
    page.click("noscript main a[href='/es/place/VE-X']")
    page.wait_for_url("**/es/place/VE-X")
    assert page.inner_text("noscript main h1") == "La Guaira"
    page.goto(f"{live_server}/es/place/VE0703")
    cells = page.eval_on_selector_all("noscript main tbody tr", "rows => rows.map(r => r.cells[2].innerText)")
    assert cells == ["816,9", "424,7", "511", "375"]
