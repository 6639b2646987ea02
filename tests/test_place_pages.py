"""Place pages and the search page without a browser: status codes, sharing tags, the layout's figures, the
CSV, the locator map. Expected figures are typed from data/tables/observations.csv by hand."""

from __future__ import annotations

import base64
import csv
import io
import re
from urllib.parse import unquote

import pytest

from analysis.place_profile import CSV_COLUMNS, profile
from components.locator_svg import PLACE, locator_svg
from components.place_sections import place_csv
from tests.layout_tree import page_layout

# El Callao (VE0703), observations.csv: (indicator, year, value, source_id, locator_url)
EL_CALLAO = [
    ("violent_deaths", 2017, 816.9, "ovv-iav-2017",
     "https://www.el-carabobeno.com/observatorio-venezolano-violencia-presento-informe-anual-violenca-2017/"),
    ("violent_deaths", 2023, 424.7, "ovv-iav-2023",
     "https://caracasaldia.com/los-tres-municipios-de-bolivar-figuran-como-los-mas-violentos-del-pais"),
    ("violent_deaths_variant_unstated", 2021, 511.0, "ovv-iav-2021",
     "https://observatoriodeviolencia.org.ve/news/tres-de-los-cinco-municipios-mas-violentos-del-pais-se-encuentran-en-el-estado-bolivar"),
    ("violent_deaths_variant_unstated", 2022, 375.0, "ovv-iav-2022",
     "https://cactus24.com.ve/2023/02/09/observatorio-venezolano-de-violencia-trujillo-la-ceiba-entre-los-municipios-mas-violentos-de-venezuela"),
]


@pytest.mark.parametrize(("path", "status"), [
    ("/es/place/VE0703", 200), ("/en/place/VE-F", 200), ("/es/place/VEN", 200), ("/en/place/VE0201", 200),
    ("/es/place/VE9999", 404), ("/en/place/ve-f", 404), ("/es/place/%3Cscript%3E", 404),
    ("/es/place/" + "x" * 3000, 404), ("/es/search", 200), ("/en/search?q=%3Cb%3E", 200),
])
def test_status_codes(client, path, status):
    assert client.get(path).status_code == status


def test_sharing_tags_name_the_place(client):
    page = client.get("/es/place/VE0703").get_data(as_text=True)
    assert '<meta property="og:title" content="El Callao (Bolívar) · Violencia letal en Venezuela">' in page
    description = re.search(r'<meta property="og:description" content="([^"]*)"', page).group(1)
    assert description.startswith("El Callao (Bolívar): 4 cifras publicadas")


def test_el_callao_layout_lists_its_figures_with_sources(client):
    layout = page_layout(client, "/es/place/VE0703")
    assert layout.title.startswith("El Callao (Bolívar)")
    rows = [n for n in layout.nodes("Tr") if n.props.get("data-source-id")]
    assert [(r.props["data-indicator"], int(r.props["data-year"]), r.props["data-source-id"]) for r in rows] == [
        (i, y, s) for i, y, _v, s, _u in EL_CALLAO]
    hrefs = layout.hrefs()
    for *_rest, url in EL_CALLAO:
        assert url in hrefs
    assert "816,9" in rows[0].text and "1.º en la clasificación nacional de municipios de OVV" in rows[0].text
    assert {"/es/place/VE-F", "/es/briefing/VE-F", "/es/map?level=municipality&state=VE-F"} <= set(hrefs)


def test_csv_holds_exactly_the_rows_of_the_table_with_sources():
    text = place_csv(profile("VE0703", "en"), "en")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert comments[0] == "# Published figures for El Callao (Bolívar)"
    assert any(line.startswith("# Source ovv-iav-2017: ") for line in comments)
    assert any("CC BY 4.0" in line for line in comments)
    body = [line for line in text.splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(body))))
    assert list(rows[0]) == CSV_COLUMNS
    assert [(r["indicator"], int(r["year"]), float(r["value"]), r["source_id"], r["locator_url"]) for r in rows] == \
        EL_CALLAO


def test_a_municipality_without_figures_says_so_and_shows_its_state(client):
    layout = page_layout(client, "/en/place/VE0201")  # Alto Orinoco (Amazonas): no row in observations.csv
    ids = layout.ids()
    assert "place-no-figures" in ids and "place-state-figures" in ids
    assert "Alto Orinoco" in layout.by_id("place-no-figures").text
    rows = [n for n in layout.nodes("Tr") if n.props.get("data-source-id")]
    # Amazonas (VE-Z), violent deaths per 100,000 from OVV's 2012 report: 42.
    assert any(r.props["data-year"] == "2012" and r.props["data-source-id"] == "ovv-iav-2012" and "42" in r.text
               for r in rows)


def test_a_state_page_lists_its_municipalities(client):
    layout = page_layout(client, "/es/place/VE-F")
    inside = layout.by_id("place-inside")
    assert "/es/place/VE0703" in layout.hrefs()
    assert "El Callao" in inside.text and "Sifontes" in inside.text


def test_unknown_code_shows_the_not_found_text(client):
    layout = page_layout(client, "/en/place/VE9999")
    assert "place-not-found" in layout.ids()
    assert "“VE9999” is not a place code" in layout.by_id("place-not-found").text


def test_search_page_escapes_and_bounds_the_query(client):
    layout = page_layout(client, "/en/search", "?q=" + "%3Cscript%3E" + "a" * 500)
    summary = layout.by_id("search-summary").text
    assert summary.startswith("No place called “<script>")  # shown as text: Dash escapes it
    assert len(summary) < 140


def test_search_page_lists_every_sucre(client):
    layout = page_layout(client, "/es/search", "?q=sucre")
    assert layout.by_id("search-summary").text == "12 lugares llamados «sucre»: elija uno."
    items = [n.props["data-code"] for n in layout.nodes("Li") if n.props.get("data-code")]
    assert "VE-R" in items and "VE2320" in items


def test_locator_map_fills_only_the_place():
    svg = locator_svg("municipality", "VE0703", "VE-F", "El Callao")
    assert svg.count(f'fill="{PLACE}"') == 1
    assert "<title>El Callao</title>" in svg
    national = locator_svg("state", "VE-F", None, "Bolívar")
    assert national.count(f'fill="{PLACE}"') == 1 and national.count("<path") == 25


def test_csv_link_is_the_csv(client):
    layout = page_layout(client, "/en/place/VE0703")
    href = layout.by_id("place-csv").props["href"]
    assert href.startswith("data:text/csv")
    payload = href.split(",", 1)[1]
    text = base64.b64decode(payload).decode() if ";base64" in href else unquote(payload)
    assert text.lstrip("\ufeff") == place_csv(profile("VE0703", "en"), "en")


def test_every_state_page_renders_and_a_state_without_figures_says_so(client):
    from geo import codes

    for code in ["VEN", *codes.state_iso_codes()]:
        layout = page_layout(client, f"/en/place/{code}")
        assert "place-name" in layout.ids(), code
    layout = page_layout(client, "/en/place/VE-W")  # Dependencias Federales: no row in observations.csv
    assert layout.by_id("place-no-figures").text == (
        "No source in the data package published a figure for Dependencias Federales.")


def test_pages_without_javascript_get_escaped_plain_html(client):
    page = client.get("/en/search?q=%3Cscript%3Ealert(1)%3C/script%3E" + "b" * 300).get_data(as_text=True)
    block = page[page.index("<noscript>"):page.index("</noscript>")]
    assert "<script>" not in block and "&lt;script&gt;alert(1)&lt;/script&gt;" in block
    assert 'maxlength="80"' in block
    place = client.get("/es/place/VE0201").get_data(as_text=True)  # no figure: its state's, said so
    block = place[place.index("<noscript>"):place.index("</noscript>")]
    assert "Ninguna fuente del paquete de datos publicó una cifra para Autónomo Alto Orinoco (Amazonas)." in block
    assert "ovv-iav-2012" in block
    assert "<noscript>" not in client.get("/en/map").get_data(as_text=True)
