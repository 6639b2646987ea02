"""Real Chromium: the PNG and SVG a reader downloads from the map, a trends chart and an embed carry the chart's
title, subtitle, the names of the sources drawn, the licence and the link, under a descriptive file name."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

MAP_PATHS = "#map-graph path.choroplethlocation"
SVG = "{http://www.w3.org/2000/svg}"


def download(page, selector: str):
    with page.expect_download(timeout=30_000) as info:
        page.click(selector)
    return info.value


def svg_texts(path: Path) -> tuple[ET.Element, str]:
    """The parsed document (it must be well-formed XML) and all its text, line by line."""
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return root, "\n".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def apparatus(root: ET.Element) -> str:
    """The texts written around the chart (not those of the chart itself), joined the way a reader reads them."""
    lines = []
    for text in root.findall(f"{SVG}text"):
        lines.append(" ".join(span.text or "" for span in text.findall(f"{SVG}tspan")))
    return "\n".join(lines)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_map_svg_carries_title_sources_licence_and_link_and_follows_the_year(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/es/map?state=VE-F&year=2023")
    page.wait_for_selector(MAP_PATHS, timeout=30_000)
    svg = download(page, "#map-download-svg")
    assert svg.suggested_filename == "muertes-violentas-bolivar-2023.svg"
    root, _all_text = svg_texts(Path(svg.path()))
    words = apparatus(root)
    assert "Mapa de la violencia letal: Bolívar" in words
    assert "Muertes violentas (OVV) · tasa por 100.000 · Bolívar, por municipio · 2023" in words
    assert "Fuente: Observatorio Venezolano de Violencia (OVV), 2023." in words
    assert "Licencia: rigen los términos de cada fuente; esta compilación, CC BY 4.0." in words
    link = words.replace("\n", "").replace(" ", "")  # a long link wraps over several lines
    assert f"{live_server}/es/map?indicator=violent_deaths" in link and "state=VE-F" in link
    assert len(root.findall(f".//{SVG}path[@class='choroplethlocation']")) >= 3  # the map itself, as vectors
    # Another year: the file's name and subtitle follow without a server round trip.
    page.focus("#map-year [role=slider]")
    page.keyboard.press("ArrowLeft")
    # Bolívar's municipalities have figures for 2017 and 2023 only: the slider steps back to 2017.
    page.wait_for_function("() => document.querySelector('#map-year [role=slider]').getAttribute('aria-valuenow') "
                           "=== '2017'", timeout=15_000)
    shown = "2017"
    svg = download(page, "#map-download-svg")
    assert svg.suggested_filename == f"muertes-violentas-bolivar-{shown}.svg"
    assert f"Bolívar, por municipio · {shown}" in apparatus(svg_texts(Path(svg.path()))[0])
    assert browser_page.errors == []


def test_map_png_is_a_png_of_sensible_size(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/en/map?year=2023")
    page.wait_for_selector(MAP_PATHS, timeout=30_000)
    png = download(page, "#map-download-png")
    assert png.suggested_filename == "violent-deaths-venezuela-2023.png"
    width, height = png_size(Path(png.path()))
    assert 1_600 <= width <= 4_000 and 1_000 <= height <= 4_000  # at least 800 px drawn at twice the density
    assert Path(png.path()).stat().st_size > 30_000


def test_trends_chart_svg_carries_title_sources_and_licence(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/en/trends?indicators=violent_deaths,homicides")
    page.wait_for_selector("#trends-national .js-plotly-plot .scatterlayer .trace", timeout=30_000)
    svg = download(page, "#trends-national [data-image-format=svg]")
    assert svg.suggested_filename.startswith("venezuela-violent-deaths-homicides-rate-")
    root, all_text = svg_texts(Path(svg.path()))
    words = apparatus(root)
    assert words.startswith("National series by source\nVenezuela · Violent deaths (OVV), Homicides · per 100,000")
    flat = words.replace("\n", " ")
    for organisation in ("Observatorio Venezolano de Violencia (OVV)", "Ministerio Público", "CICPC"):
        assert organisation in flat
    assert "Licence: each source's terms apply; this compilation CC BY 4.0." in words
    assert "#trends-national" in words.replace("\n", "").replace(" ", "")
    assert "OVV · Violent deaths (OVV)" in all_text  # the chart's own legend is inside the same file
    png = download(page, "#trends-national [data-image-format=png]")
    assert png.suggested_filename == svg.suggested_filename.replace(".svg", ".png")
    assert png_size(Path(png.path()))[0] >= 1_600
    assert browser_page.errors == []


def test_phone_width_image_is_drawn_at_a_readable_width(live_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server}/es/compare")
    page.wait_for_selector("#compare-ranking .js-plotly-plot .barlayer", timeout=30_000)
    svg = download(page, "#compare-ranking [data-image-format=svg]")
    root = ET.parse(svg.path()).getroot()
    assert int(float(root.get("width"))) >= 800
    words = apparatus(root)
    assert words.startswith("Países ordenados en un año\nAmérica Latina y el Caribe")
    assert "UNODC" in words and "CC BY 4.0" in words
    assert svg.suggested_filename.startswith("tasa-de-homicidios-america-latina-y-el-caribe-")
    context.close()


def test_embed_image_carries_the_same_apparatus(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/embed/trends-states?lang=es&states=VE-F")
    page.wait_for_selector("#embed-graph .scatterlayer .trace", timeout=30_000)
    svg = download(page, "#embed-download-svg")
    assert svg.suggested_filename.startswith("bolivar-venezuela-muertes-violentas-tasa-")
    words = apparatus(svg_texts(Path(svg.path()))[0])
    assert words.startswith("Estados frente al país\nBolívar y Venezuela · Muertes violentas (OVV)")
    assert "Observatorio Venezolano de Violencia" in words and "CC BY 4.0" in words
    assert browser_page.errors == []


def test_briefing_chart_image_gets_its_title_and_sources(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/es/briefing/VE-F")
    page.wait_for_selector("#briefing-trend-image", timeout=30_000)
    svg = download(page, "[data-chart-scope=briefing-trend] [data-image-format=svg]")
    assert svg.suggested_filename.startswith("bolivar-tendencia-de-la-tasa-")
    words = apparatus(svg_texts(Path(svg.path()))[0])
    assert words.startswith("Evolución de la tasa: Bolívar")
    assert "Fuente: Observatorio Venezolano de Violencia (OVV)" in words and "CC BY 4.0" in words
    assert "/es/briefing/VE-F#briefing-trend" in words
    png = download(page, "[data-chart-scope=briefing-trend] [data-image-format=png]")
    assert png_size(Path(png.path()))[0] >= 1_600
    assert browser_page.errors == []


def test_trends_image_follows_its_control(live_server, browser_page):
    page = browser_page.page
    page.goto(f"{live_server}/en/trends")
    page.locator("#trends-composition").scroll_into_view_if_needed()  # drawn when the reader gets there
    page.wait_for_selector("#trends-composition .js-plotly-plot .main-svg", timeout=30_000)
    page.check("#trends-composition-measure input[value='share']", force=True)
    page.wait_for_url("**composition=share**")
    page.wait_for_function("() => (document.querySelector('#trends-composition [data-export]')"
                           ".getAttribute('data-export') || '').includes('shares')")
    svg = download(page, "#trends-composition [data-image-format=svg]")
    assert svg.suggested_filename.startswith("venezuela-composition-of-violent-deaths-shares-")
    words = apparatus(svg_texts(Path(svg.path()))[0])
    assert "Venezuela · violent deaths counted by OVV, by component · shares ·" in words
    assert "composition=share" in words.replace("\n", "").replace(" ", "")
    assert browser_page.errors == []
