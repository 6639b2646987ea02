"""HTTP behaviour without a browser: redirects, status codes, headers, health, errors, compression."""

import pytest

from tests.conftest import BOOM_PATH

PAGES = ["/es", "/en", "/es/map", "/en/map", "/es/trends", "/en/compare", "/es/briefing", "/en/data", "/es/about"]


def test_root_redirects_to_spanish(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/es")


@pytest.mark.parametrize("path", PAGES)
def test_pages_answer_200(client, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/fr", "/fr/map", "/es/nope", "/es/map/extra", "/xx/../etc/passwd"])
def test_unknown_paths_answer_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"Traceback" not in response.data


def test_healthz_reports_version_and_readiness(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["version"]
    assert set(body) >= {"data_loaded", "geometry_loaded"}


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
    html = client.get("/es").data.decode()
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
    descriptor = json.loads(archive.read("venezuela-lethal-violence/datapackage.json"))
    for resource in descriptor["resources"]:
        assert f"venezuela-lethal-violence/{resource['path']}" in names
