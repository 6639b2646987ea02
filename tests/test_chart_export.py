"""What a downloaded chart says about itself: file names, image texts (title, subtitle, sources, licence, link)
and CSV source lines, in both languages. Expected values are written out by hand from the data package."""

from __future__ import annotations

import csv
import io
import re

import pytest

from components.chart_registry import CHARTS, chart, embed_content
from components.map_figure import map_csv
from views.export_text import file_stem, slug, sources_line, year_span
from views.map_view import MapView


@pytest.fixture(autouse=True)
def _app_context(dash_app):
    """Map frames are memoized in the app's cache: the app sets it up."""
    with dash_app.server.app_context():
        yield


BOLIVAR_PAGE = "https://caracasaldia.com/los-tres-municipios-de-bolivar-figuran-como-los-mas-violentos-del-pais"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Muertes violentas, Bolívar 2023", "muertes-violentas-bolivar-2023"),
        ("  Año · Peña – 1998–2024 ", "ano-pena-1998-2024"),
        ("Homicidios intencionales (UNODC/OMS)", "homicidios-intencionales-unodc-oms"),
        ("¿?", ""),
    ],
)
def test_slug_keeps_plain_ascii_words(text, expected):
    assert slug(text) == expected


def test_a_long_file_name_is_cut_between_words():
    stem = file_stem(["palabra"] * 20)
    assert len(stem) <= 80 and stem.endswith("palabra") and "--" not in stem
    assert file_stem(["", "¿?"]) == "chart"


def test_year_span():
    assert year_span([2023, 2021, 2022.0, None, "x", True]) == "2021–2023"
    assert year_span([2019]) == "2019"
    assert year_span([]) == ""


def test_sources_line_names_organisations_with_their_years_in_both_languages():
    ids = ["ovv-iav-2023", "ovv-iav-2022", "ovv-iav-2023"]
    assert sources_line(ids, "es") == "Fuente: Observatorio Venezolano de Violencia (OVV), 2022–2023."
    assert sources_line(ids, "en") == "Source: Observatorio Venezolano de Violencia (OVV), 2022–2023."
    both = sources_line(["ovv-iav-2023", "copy-caracasaldia-2024a"], "en")
    assert both == "Sources: Observatorio Venezolano de Violencia (OVV), 2023; Caracas al Día (2024)."
    assert sources_line([], "es") == "Fuente: ninguna cifra publicada en esta selección."


def _bolivar(lang: str, **extra: str) -> MapView:
    view, notices = MapView.from_params({"state": "VE-F", "year": "2023", **extra}, lang)
    assert notices == []
    return view


@pytest.mark.parametrize(
    ("lang", "title", "where", "filename"),
    [
        ("es", "Mapa de la violencia letal: Bolívar", "Bolívar, por municipio", "muertes-violentas-bolivar-2023"),
        ("en", "Map of lethal violence: Bolívar", "Bolívar, by municipality", "violent-deaths-bolivar-2023"),
    ],
)
def test_map_image_texts_follow_the_view_and_language(lang, title, where, filename):
    content = embed_content(chart("map"), {"state": "VE-F", "year": "2023"}, lang)
    texts = content.export
    assert texts["title"] == title
    assert where in texts["subtitle"] and "2023" in texts["subtitle"]
    assert texts["sources"].endswith("Observatorio Venezolano de Violencia (OVV), 2023.")
    assert "CC BY 4.0" in texts["licence"]
    assert texts["path"].startswith(f"/{lang}/map?") and "state=VE-F" in texts["path"] and "year=2023" in texts["path"]
    assert texts["filename"] == filename == content.image_name
    assert content.csv_filename == f"{filename}.csv"


def test_map_file_name_says_measure_level_and_latest_when_not_the_usual():
    view, notices = MapView.from_params({"measure": "count", "level": "municipality", "year": "2016"}, "es")
    assert notices == []
    assert chart("map").file_stem(view, "es") == "muertes-violentas-numero-venezuela-municipios-2016"
    latest = chart("map").export(_bolivar("es", when="latest"), "es", [{"year": 2019}, {"year": 2023}], [])
    assert latest.filename == "muertes-violentas-bolivar-ultima-cifra-2019-2023"
    assert "cifra publicada más reciente de cada lugar · 2019–2023" in latest.subtitle


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_registered_chart_has_texts_and_a_clean_file_name(lang):
    names = set()
    for entry in CHARTS:
        texts = embed_content(entry, {}, lang).export
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", texts["filename"]), entry.name
        assert texts["sources"].startswith(("Fuente", "Source")) and len(texts["sources"]) > 20, entry.name
        assert "CC BY 4.0" in texts["licence"]
        assert texts["path"].startswith(f"/{lang}/")
        assert texts["title"] and texts["subtitle"], entry.name
        names.add(texts["filename"])
    assert len(names) == len(CHARTS)  # no two charts' files share a name


def test_trends_file_names_are_in_the_page_language():
    spanish = embed_content(chart("trends-national"), {"indicators": "violent_deaths"}, "es").export
    english = embed_content(chart("trends-national"), {"indicators": "violent_deaths"}, "en").export
    assert spanish["filename"].startswith("venezuela-muertes-violentas-tasa-")
    assert english["filename"].startswith("venezuela-violent-deaths-rate-")
    assert spanish["title"] == "Series nacionales por fuente" and english["title"] == "National series by source"


def _comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def test_map_csv_names_the_page_each_row_was_read_on():
    text = map_csv(_bolivar("en"), "en")
    comments = _comments(text)
    assert comments[1].startswith("# Source ovv-iav-2023: Observatorio Venezolano de Violencia (OVV)")
    assert f"#   read on {BOLIVAR_PAGE}, a copy by Caracas al Día (rows: 3)" in comments
    rows = list(csv.DictReader(io.StringIO("\n".join(line for line in text.splitlines() if not line.startswith("#")))))
    el_callao = next(r for r in rows if r["place"] == "El Callao")
    assert el_callao["value"] == "424.7"
    assert el_callao["read_via"] == "copy-caracasaldia-2024a" and el_callao["locator_url"] == BOLIVAR_PAGE
    assert el_callao["locator"].startswith("paragraph on municipalities")
    spanish = _comments(map_csv(_bolivar("es"), "es"))
    assert f"#   leído en {BOLIVAR_PAGE}, copia de Caracas al Día (filas: 3)" in spanish


def test_chart_csv_lists_the_pages_its_rows_were_read_on():
    content = embed_content(chart("compare-firearms"), {}, "en")
    comments = _comments(content.csv_text)
    sources = [c for c in comments if c.startswith("# Source ")]
    pages = [c for c in comments if c.startswith("#   read on http")]
    assert sources and pages
    assert len(pages) >= len(sources) - 1  # every published share names the page it was read on


def test_trends_csv_names_the_press_copy_a_national_figure_was_read_on():
    comments = _comments(embed_content(chart("trends-national"), {"indicators": "violent_deaths"}, "es").csv_text)
    at = comments.index(next(c for c in comments if c.startswith("# Fuente ovv-iav-2017: ")))
    assert comments[at + 1] == ("#   leído en https://efectococuyo.com/sucesos/proyecciones-del-ovv-registraron-26-616-"
                                "muertes-violentas-durante-el-2017/, copia de Efecto Cocuyo (filas: 1)")
