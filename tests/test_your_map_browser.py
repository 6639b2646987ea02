"""Real Chromium on "map your own figures": a pasted table becomes a map whose PNG and SVG carry the reader's title
and source with our boundary credits; a 10 MB file is refused in the browser with a message (it is never sent);
a Spanish-locale CSV loads from the file picker; an ambiguous name is settled with the keyboard; the share link
reopens the map from its fragment; the CSV carries the codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_accessibility_browser import serious_violations, settle
from tests.test_chart_export_browser import SVG, apparatus, download, png_size, svg_texts
from views.your_map_share import decode

PATHS = "#yourmap-graph path.choroplethlocation"
TABLE = "Municipio\tEstado\tHomicidios\nEl Callao\tBolívar\t12\nCARONI\tBolivar\t40\nMun. Heres\tEdo. Bolívar\t7\n" \
        "Sifontes\tBolívar\t9\nSucre\t\t3\n"
# The PNG is drawn from the composed SVG: remember every SVG image the page decodes, to read what the PNG shows.
RECORD_IMAGES = """
(() => {
  window.__svgImages = [];
  const property = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
  Object.defineProperty(HTMLImageElement.prototype, "src", {
    set(value) {
      if (String(value).startsWith("data:image/svg+xml")) window.__svgImages.push(decodeURIComponent(
        String(value).slice(String(value).indexOf(",") + 1)));
      property.set.call(this, value);
    },
    get() { return property.get.call(this); },
  });
})();
"""


def paste_and_draw(page, table: str = TABLE) -> None:
    page.fill("#yourmap-paste", table)
    page.wait_for_selector(PATHS, timeout=30_000)


def test_pasted_table_maps_and_its_png_and_svg_carry_title_source_and_boundary_credits(live_server, browser_page):
    page = browser_page.page
    page.add_init_script(RECORD_IMAGES)
    page.goto(f"{live_server}/es/your-map")
    paste_and_draw(page)
    summary = page.inner_text("#yourmap-review-summary")
    assert "5 filas leídas como municipios" in summary and "4" in summary
    page.fill("#yourmap-title", "Homicidios en Bolívar, 2024")
    page.press("#yourmap-title", "Enter")
    page.fill("#yourmap-source", "Monitoreo de Radio Fe y Alegría")
    page.press("#yourmap-source", "Tab")
    page.wait_for_function("() => (document.getElementById('yourmap-export-holder').getAttribute('data-export') || '')"
                           ".includes('Radio Fe')")
    svg = download(page, "#yourmap-card [data-image-format=svg]")
    assert svg.suggested_filename == "homicidios-en-bolivar-2024.svg"
    root, _all_text = svg_texts(Path(svg.path()))
    words = apparatus(root).replace("\n", " ")
    assert "Homicidios en Bolívar, 2024" in words
    assert "Cifras: Monitoreo de Radio Fe y Alegría." in words
    assert "INE Venezuela" in words and "geoBoundaries" in words and "ODbL 1.0" in words
    assert len(root.findall(f".//{SVG}path[@class='choroplethlocation']")) >= 4
    png = download(page, "#yourmap-card [data-image-format=png]")
    assert png.suggested_filename == "homicidios-en-bolivar-2024.png"
    assert png_size(Path(png.path()))[0] >= 1_600
    drawn = page.evaluate("window.__svgImages")
    assert any("Homicidios en Bolívar, 2024" in s and "Monitoreo de Radio Fe y Alegría" in s for s in drawn)
    csv_file = download(page, "#yourmap-csv-button")
    lines = Path(csv_file.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "code,official_name,state_code,state,match,Municipio,Estado,Homicidios"
    assert "VE0703,El Callao,VE-F,Bolívar,matched,El Callao,Bolívar,12" in lines
    assert "VE0705,Angostura del Orinoco,VE-F,Bolívar,matched,Mun. Heres,Edo. Bolívar,7" in lines
    geojson = download(page, "#yourmap-geojson-button")
    features = json.loads(Path(geojson.path()).read_text(encoding="utf-8"))["features"]
    assert sorted(f["id"] for f in features) == ["VE0701", "VE0703", "VE0705", "VE0709"]
    assert browser_page.errors == []


def test_a_10_mb_file_is_refused_in_the_browser_with_a_message(live_server, browser_page):
    page = browser_page.page
    sent: list[int] = []
    page.on("request", lambda r: sent.append(len(r.post_data_buffer or b"")) if "_dash-update" in r.url else None)
    page.goto(f"{live_server}/en/your-map")
    page.wait_for_selector("#yourmap-upload input[type=file]", state="attached")
    big = b"Estado,Casos\n" + b"Zulia,1\n" * (10 * 1024 * 1024 // 8)
    page.set_input_files("#yourmap-upload input[type=file]",
                         files=[{"name": "big.csv", "mimeType": "text/csv", "buffer": big}])
    page.wait_for_selector("#yourmap-file-message .alert", timeout=30_000)
    message = page.inner_text("#yourmap-file-message")
    assert re.search(r"The file is 10,?486 KB; the limit is 100 KB", message), message
    assert max(sent, default=0) < 256 * 1024  # never sent to the server
    assert page.input_value("#yourmap-paste") == ""


def test_a_spanish_locale_csv_with_semicolons_and_decimal_commas_loads_from_the_file_picker(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/es/your-map")
    raw = "Estado;Tasa\r\nZulia;12,5\r\nVargas;1.234,5\r\nMérida;0,75\r\n".encode("cp1252")
    page.set_input_files("#yourmap-upload input[type=file]",
                         files=[{"name": "tasas.csv", "mimeType": "text/csv", "buffer": raw}])
    page.wait_for_selector(PATHS, timeout=30_000)
    assert "Se leyó tasas.csv (CP1252)." in page.inner_text("#yourmap-file-message")
    assert page.input_value("#yourmap-paste").startswith("Estado;Tasa\nZulia;12,5")
    assert "3 de 25 estados con cifra" in page.inner_text("#yourmap-caption")
    hover = page.evaluate("document.querySelector('#yourmap-graph .js-plotly-plot').data[0].text.join(' | ')")
    assert "La Guaira<br>Tasa: 1.234,5" in hover and "Zulia<br>Tasa: 12,5" in hover


def test_an_ambiguous_name_is_chosen_with_the_keyboard_and_the_share_link_reopens_the_map(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/en/your-map")
    paste_and_draw(page)
    page.wait_for_load_state("networkidle")
    assert "4 of 11 municipalities with a figure" in page.inner_text("#yourmap-caption")
    page.focus("#yourmap-paste")
    for _ in range(20):  # Tab from the table to the row's picker, as a keyboard user does
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == '{"row":6,"type":"yourmap-pick"}':
            break
    else:
        pytest.fail("the picker of row 6 cannot be reached with Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-labelledby')").startswith('{"row":6')
    page.keyboard.press("B")  # a letter opens the list with its search box (which may drop a key while it opens)
    page.wait_for_function("() => document.activeElement.classList.contains('dash-dropdown-search')")
    page.keyboard.press("Control+A")
    page.keyboard.type("Bol", delay=80)
    page.locator("[role=option]", has_text="Sucre (Bolívar)").first.wait_for(timeout=10_000)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('yourmap-caption').innerText.includes('5 of 11')")
    page.fill("#yourmap-title", "My map")
    page.press("#yourmap-title", "Enter")
    for _ in range(100):  # until the link carries the title
        link = page.input_value("#yourmap-share-url")
        shared = decode(link.partition("#")[2])
        if shared is not None and shared.title == "My map":
            break
        page.wait_for_timeout(100)
    else:
        pytest.fail(f"the share link never carried the title: {link[:80]}")
    assert link.startswith(f"{live_server}/en/your-map#d=")
    page.goto("about:blank")
    page.goto(link)
    page.wait_for_selector(PATHS, timeout=30_000)
    assert page.input_value("#yourmap-title") == "My map"
    assert "5 of 11 municipalities with a figure" in page.inner_text("#yourmap-caption")
    assert page.input_value("#yourmap-paste").startswith("code\tHomicidios\tMunicipio\tEstado\nVE0703\t12\tEl Callao")
    assert browser_page.errors == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_axe_finds_no_serious_violation_empty_or_with_the_review_table_and_map(live_server, browser_page, lang):
    page = browser_page.page
    page.goto(f"{live_server}/{lang}/your-map")
    settle(page)
    assert serious_violations(page) == []
    paste_and_draw(page)
    settle(page)
    assert serious_violations(page) == []
    assert browser_page.errors == []
