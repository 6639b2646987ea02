"""HTTP behaviour without a browser: redirects, page layouts, status codes, headers, health, errors, compression."""

import json
import re
from pathlib import Path

import pytest

from tests.conftest import BOOM_PATH
from tests.layout_tree import page_layout

SITE = {"es": "Violencia letal en Venezuela", "en": "Lethal violence in Venezuela"}
NAV = {"es": ["Mapa", "Tendencias", "Comparaciones", "Informes", "Datos", "Acerca"],
       "en": ["Map", "Trends", "Comparisons", "Briefings", "Data", "About"]}
NAV_SLUGS = ["map", "trends", "compare", "briefing", "data", "about"]
# slug: heading in each language, ids the page's own layout must hold, links it must offer (lang filled in)
PAGES = {
    "": ({"es": SITE["es"], "en": SITE["en"]}, set(),
         ["/{lang}/map", "/{lang}/trends", "/{lang}/compare", "/{lang}/briefing"]),
    "map": ({"es": "Mapa de la violencia letal", "en": "Map of lethal violence"},
            {"map-graph", "map-year", "map-indicator", "map-measure", "map-source", "map-table", "map-download-csv",
             "map-share-url", "map-frames"}, []),
    "trends": ({"es": "Tendencias desde los años 2000", "en": "Trends since the 2000s"},
               {"trends-national-graph", "trends-composition-graph", "trends-population-graph", "trends-states",
                "trends-indicators", "trends-events", "trends-share-url"}, []),
    "compare": ({"es": "Venezuela y la región", "en": "Venezuela and the region"},
                {"compare-ranking-graph", "compare-lines-graph", "compare-trajectories-graph", "compare-practices",
                 "compare-year", "compare-countries", "practice-medellin-urbanismo-social"}, []),
    "briefing": ({"es": "Informes para quienes toman decisiones", "en": "Briefings for decision-makers"},
                 {"briefing-index"}, ["/{lang}/briefing/VEN", "/{lang}/briefing/VE-A", "/{lang}/briefing/VE-Z"]),
    "data": ({"es": "Datos, fuentes y metodología", "en": "Data, sources and methodology"},
             {"data-coverage", "data-sources"}, ["/download/venezuela-lethal-violence-datapackage.zip"]),
    "about": ({"es": "Acerca de este tablero", "en": "About this dashboard"}, set(), ["/{lang}/data"]),
}
NOT_FOUND = {"es": "Página no encontrada", "en": "Page not found"}
OTHER = {"es": "en", "en": "es"}
DOCUMENT_SLUGS = {"", "briefing", "data", "about"}  # served as finished HTML (web/documents.py); typed, not read
PAGE_CASES = [(slug, lang) for slug in PAGES for lang in ("es", "en")]


def path_of(slug: str, lang: str) -> str:
    return f"/{lang}/{slug}" if slug else f"/{lang}"


def test_root_redirects_to_spanish(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/es")


@pytest.mark.parametrize(("slug", "lang"), PAGE_CASES)
def test_page_layout_is_the_pages_own_content_in_its_language(client, slug, lang):
    """The layout the browser receives for the page: its heading, title, controls and links, translated."""
    headings, ids, links = PAGES[slug]
    layout = page_layout(client, path_of(slug, lang))
    main = layout.by_id("main")
    main_headings = [node.text.strip() for node in layout.nodes("H1")]
    assert main_headings == [headings[lang]]
    assert headings[lang] in main.text
    assert layout.title == (SITE[lang] if slug == "" else f"{headings[lang]} · {SITE[lang]}")
    assert ids <= layout.ids(), sorted(ids - layout.ids())
    for link in links:
        assert link.format(lang=lang) in layout.hrefs(), link
    # The frame around it is in the same language and switches to the same page in the other one.
    nav_links = [node for node in layout.nodes("A") if "nav-link" in str(node.props.get("className", ""))]
    assert [node.text for node in nav_links] == NAV[lang]
    assert [node.props["href"] for node in nav_links] == [f"/{lang}/{s}" for s in NAV_SLUGS]
    current = [node.props["href"] for node in nav_links if node.props.get("aria-current") == "page"]
    assert current == ([f"/{lang}/{slug}"] if slug in NAV_SLUGS else [])
    assert layout.by_id("language-switch").props["href"] == path_of(slug, OTHER[lang])
    assert NOT_FOUND[lang] not in main.text


@pytest.mark.parametrize(("slug", "lang"), PAGE_CASES)
def test_page_address_answers_its_document_or_the_app_shell_with_the_pages_preview_title(client, slug, lang):
    """Document pages (home, briefings, data, about) answer finished HTML with their heading and no Dash
    client; the interactive pages the app shell. Both name the page in their link-preview title."""
    response = client.get(path_of(slug, lang))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    headings, _ids, _links = PAGES[slug]
    if slug in DOCUMENT_SLUGS:
        assert 'id="react-entry-point"' not in html and "dash_renderer" not in html
        assert re.search(r"<main[^>]*>.*?<h1>([^<]*)</h1>", html, re.S)[1] == headings[lang]
        assert f'<html lang="{lang}"' in html
    else:
        assert 'id="react-entry-point"' in html
    title = SITE[lang] if slug == "" else f"{headings[lang]} · {SITE[lang]}"
    assert re.search(r'property="og:title" content="([^"]*)"', html)[1] == title


@pytest.mark.parametrize("path", ["/fr", "/fr/map", "/es/nope", "/en/nope", "/es/map/extra", "/xx/../etc/passwd",
                                  "/embed/"])
def test_unknown_paths_answer_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"Traceback" not in response.data


@pytest.mark.parametrize(("path", "lang"), [("/es/nope", "es"), ("/en/nope", "en"), ("/en/map/extra", "en"),
                                            ("/fr/map", "es"), ("/embed/", "es")])
def test_unknown_paths_get_the_translated_not_found_layout(client, path, lang):
    layout = page_layout(client, path)
    assert [node.text.strip() for node in layout.nodes("H1")] == [NOT_FOUND[lang]]
    assert f"/{lang}" in layout.hrefs()
    assert "map-graph" not in layout.ids()


def test_healthz_reports_version_and_readiness(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    import tomllib

    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
    package = json.loads((Path(__file__).resolve().parent.parent / "data" / "datapackage.json").read_text())
    assert body == {"status": "ok", "version": project["version"], "data_loaded": True, "geometry_loaded": True,
                    "problems": [], "data_version": package["version"], "data_date": package["created"][:10]}


@pytest.mark.parametrize(("path", "apology"), [(BOOM_PATH, "Algo salió mal"), ("/en" + BOOM_PATH, "Something went wrong")])
def test_server_error_is_an_apology_without_traceback(client, path, apology):
    response = client.get(path)
    assert response.status_code == 500
    apology = apology.encode()
    assert apology in response.data
    assert b"Traceback" not in response.data
    assert b"RuntimeError" not in response.data


def test_forced_error_is_logged(client, caplog):
    with caplog.at_level("ERROR"):
        assert client.get(BOOM_PATH).status_code == 500
    assert any("unhandled error" in r.message for r in caplog.records)


def test_scripts_are_served_locally_and_compressed(client):
    html = client.get("/es/map").data.decode()
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()
    assert "bootstrap-5.3.8.min.css" in html
    script = next(s for s in html.split('src="')[1:] if "dash_renderer" in s).split('"')[0]
    response = client.get(script, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers.get("Content-Encoding") == "gzip"


def test_debug_is_off(dash_app):
    assert dash_app.settings.debug is False
    assert dash_app.app.server.debug is False


def test_data_package_download_is_the_published_package(client):
    import io
    import json
    import zipfile

    response = client.get("/download/venezuela-lethal-violence-datapackage.zip")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = set(archive.namelist())
    # Exactly the repository's package, byte for byte: its descriptor and README, and every table and
    # schema the descriptor names (read from data/, not from the download).
    data = Path(__file__).resolve().parent.parent / "data"
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    resources = descriptor["resources"]
    assert {"sources", "observations", "population", "events", "benchmarks", "practices"} <= {r["name"] for r in resources}
    expected = ["datapackage.json", "README.md", *(r["path"] for r in resources),
                *(r["schema"] for r in resources if isinstance(r.get("schema"), str))]
    assert names == {f"venezuela-lethal-violence/{name}" for name in expected}
    for name in expected:
        assert archive.read(f"venezuela-lethal-violence/{name}") == (data / name).read_bytes(), name
