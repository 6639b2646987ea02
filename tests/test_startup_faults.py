"""Start-up faults: the app starts degraded with a clear notice, or refuses with one line to fix."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The map page's layout as the browser asks for it (the pages router), then /healthz, then the layout's status.
PROBE = (
    "import json, app; from tests.layout_tree import routing_body; c = app.server.test_client(); "
    "r = c.post('/_dash-update-component', data=routing_body('/en/map'), content_type='application/json'); "
    "print('map notice:', 'boundary files are missing' in r.get_data(as_text=True)); "
    "print(json.dumps(c.get('/healthz').get_json())); print(r.status_code)"
)


def run_app(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    full = {**os.environ, "CACHE_DIR": str(tmp_path / "cache"), **env}
    return subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=full, capture_output=True, text=True,
                          timeout=120)


def test_missing_boundary_sources_start_degraded(tmp_path):
    result = run_app({"GEO_SOURCE_DIR": str(tmp_path / "nowhere"), "GEO_BUILD_DIR": str(tmp_path / "geo")}, tmp_path)
    assert result.returncode == 0, result.stderr
    health, status = result.stdout.strip().splitlines()[-2:]
    assert '"geometry_loaded": false' in health and '"data_loaded": true' in health
    assert "ven_admbnda_adm1_ine_20210223.shp" in health and "GEO_SOURCE_DIR" in health
    assert status == "200"
    assert "map notice: True" in result.stdout


def test_corrupted_boundary_source_starts_degraded(tmp_path):
    source = tmp_path / "geo-src"
    shutil.copytree(ROOT.parent / "shared" / "geo", source)
    shp = source / "cod-ab_ine_20210223" / "ven_admbnda_adm1_ine_20210223.shp"
    shp.write_bytes(shp.read_bytes()[:1000])
    result = run_app({"GEO_SOURCE_DIR": str(source), "GEO_BUILD_DIR": str(tmp_path / "geo")}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"geometry_loaded": false' in result.stdout
    assert "ven_admbnda_adm1_ine_20210223.shp" in result.stdout


def test_corrupted_data_file_refuses_to_start_naming_file_and_row(tmp_path):
    package = tmp_path / "data"
    shutil.copytree(ROOT / "data", package, ignore=shutil.ignore_patterns("*.py", "__pycache__", "curation"))
    observations = package / "tables" / "observations.csv"
    lines = observations.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace(",VEN,", ",VE-XX,", 1) if ",VEN," in lines[4] else lines[4].replace(",VE-", ",XX-", 1)
    observations.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_app({"DATA_PACKAGE_DIR": str(package)}, tmp_path)
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("refusing to start: data package invalid:")
    assert "observations.csv, row 5" in last
    assert "Traceback" not in result.stderr


def test_bad_setting_refuses_to_start_naming_the_variable(tmp_path):
    result = run_app({"PORT": "eighty"}, tmp_path)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == "refusing to start: PORT='eighty' is not a whole number"


def test_unreachable_redis_falls_back_to_filesystem_cache(tmp_path):
    result = run_app({"REDIS_URL": "redis://127.0.0.1:9/0"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "REDIS_URL unreachable" in result.stdout and "filesystem cache" in result.stdout
    assert "REDIS_URL unreachable" in result.stderr  # logged too
    assert result.stdout.strip().splitlines()[-1] == "200"


@pytest.mark.parametrize("url", ["not-a-url", "redis://127.0.0.1:notaport"])
def test_malformed_redis_url_also_falls_back(tmp_path, url):
    result = run_app({"REDIS_URL": url}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "REDIS_URL unreachable" in result.stdout
