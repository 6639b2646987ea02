"""Map logic without a browser: colour classes, view correction, frames, CSV, geometry routes."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.color_classes import class_breaks, class_labels, class_of, palette_for
from geo import codes
from i18n.numbers import format_number
from views.map_view import MapView


def test_class_breaks_are_quantiles_rounded_to_two_figures():
    values = list(range(1, 101))  # 1..100
    assert class_breaks(values, classes=4) == [26, 50, 75]
    assert class_breaks([5.0], classes=4) == []


def test_values_on_a_break_belong_to_the_upper_class():
    breaks = [10.0, 20.0]
    assert [class_of(v, breaks) for v in (9.99, 10.0, 19.9, 20.0, 500)] == [0, 1, 1, 2, 2]


def test_labels_and_numbers_follow_the_language():
    assert class_labels([1500.0, 20.5], "es") == ["< 1.500", "1.500–20,5", "≥ 20,5"]
    assert class_labels([1500.0, 20.5], "en") == ["< 1,500", "1,500–20.5", "≥ 20.5"]
    assert format_number(1234.5, "es") == "1.234,5"
    assert len(palette_for([1, 2])) == 3


def test_default_view_is_ovv_violent_death_rate_by_state():
    view, notices = MapView.from_params({}, "es")
    assert (view.indicator, view.measure, view.level, view.view, view.producer) == (
        "violent_deaths", "rate", "state", "map", "ovv"
    )
    assert view.year == 2023 and notices == []


@pytest.mark.parametrize(
    ("params", "field", "expected"),
    [
        ({"indicator": "bogus"}, "indicator", "violent_deaths"),
        ({"year": "1900"}, "year", 2012),
        ({"year": "<script>"}, "year", 2023),
        ({"year": "2014"}, "year", 2016),  # no state rate 2013-2015: 2012 and 2016 are equally near, the later wins
        ({"state": "VE-QQ"}, "state", None),
        ({"state": "VE-W"}, "state", None),  # Dependencias Federales has no municipalities
        ({"level": "planet"}, "level", "state"),
        ({"measure": "ratio"}, "measure", "rate"),
        ({"source": "nobody"}, "producer", "ovv"),
        ({"view": "3d"}, "view", "map"),
        ({"view": "tiles", "state": "VE-F"}, "view", "map"),
    ],
)
def test_invalid_values_are_corrected_with_a_notice(params, field, expected):
    view, notices = MapView.from_params(params, "en")
    assert getattr(view, field) == expected
    assert len(notices) == 1


def test_notice_echo_is_truncated_and_translated():
    _view, notices = MapView.from_params({"indicator": "x" * 500}, "es")
    assert "no es un valor válido" in notices[0]
    assert len(notices[0]) < 200


def test_repeated_parameters_use_the_first():
    view, _ = MapView.from_params({"year": ["2020", "2018"]}, "en")
    assert view.year == 2020


def test_state_implies_municipal_level():
    view, notices = MapView.from_params({"state": "VE-F"}, "en")
    assert view.level == "municipality" and view.state == "VE-F" and notices == []


def test_frames_hold_published_figures_with_rank_and_source(dash_app):
    from analysis.map_frames import selection_frames

    with dash_app.server.app_context():
        frames = selection_frames("violent_deaths", "rate_per_100k", "ovv", "state", None, "en")
    frame = frames["frames"]["2023"]
    first = frame["rows"][0]
    assert (first["place"], first["value"], first["rank"], first["source_id"]) == (
        "Distrito Capital", 50.8, 1, "ovv-iav-2023"
    )
    assert first["rank_text"] == "1st in OVV's ranking of the states"  # OVV's 2023 top ten (round 2)
    aragua = next(r for r in frame["rows"] if r["code"] == "VE-D")
    assert aragua["rank_text"] == "8th in OVV's ranking of the states"
    assert "8th in OVV's ranking of the states" in next(text for text in frame["text"] if "Aragua" in text)
    assert len(frame["loc"]) + len(frame["missing"]) == 25
    assert set(frame["loc"]).isdisjoint(frame["missing"])
    assert "No published figure for 2023" in frame["missing_text"][0]
    assert frames["years"][0] == 2012 and len(frames["colours"]) == len(frames["breaks"]) + 1


TABLES = Path(__file__).resolve().parent.parent / "data" / "tables"
PACKAGE = json.loads((TABLES.parent / "datapackage.json").read_text(encoding="utf-8"))


def published(level: str, indicator: str, unit: str, source_id: str, year: int, code_prefix: str = "") -> pd.DataFrame:
    """The package's own rows for one map view, read straight from observations.csv."""
    rows = pd.read_csv(TABLES / "observations.csv", dtype=str, keep_default_na=False)
    return rows[(rows["level"] == level) & (rows["indicator"] == indicator) & (rows["unit"] == unit)
                & (rows["source_id"] == source_id) & (rows["year"] == str(year)) & (rows["period"] == "")
                & rows["code"].str.startswith(code_prefix)]


def source_line(word: str, source_id: str) -> str:
    sources = pd.read_csv(TABLES / "sources.csv", dtype=str, keep_default_na=False).set_index("source_id")
    record = sources.loc[source_id]
    return f"# {word} {source_id}: {record['organisation']} — {record['title']} — {record['url']}"


def csv_parts(text: str) -> tuple[list[str], list[dict[str, str]]]:
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("#")]
    return comments, list(csv.DictReader(io.StringIO("\n".join(line for line in lines if not line.startswith("#")))))


def map_view(params: dict, lang: str) -> MapView:
    """The corrected view for URL parameters."""
    return MapView.from_params(params, lang)[0]


def test_state_csv_holds_the_packages_figures_with_source_and_licence(dash_app):
    from components.map_figure import map_csv

    view = map_view({"year": "2023"}, "en")
    with dash_app.server.app_context():
        comments, rows = csv_parts(map_csv(view, "en"))
    pages = [c for c in comments if c.startswith("#   read on ")]
    assert [c for c in comments if c not in pages] == [
        "# Violent deaths (OVV) · per 100,000 inhabitants · 2023",
        source_line("Source", "ovv-iav-2023"),
        "# Licence: each source's terms apply; this compilation CC BY 4.0.",
        f"# Data package version {PACKAGE['version']} ({PACKAGE['created'][:10]}).",
    ]
    # Under the report, the page each row was read on, with how many rows: every row is counted once.
    assert sum(int(re.search(r"\(rows: (\d+)\)$", c).group(1)) for c in pages) == len(rows)
    assert {r["locator_url"] for r in rows} == {re.match(r"#   read on (\S+?),? ", c).group(1) for c in pages}
    expected = published("state", "violent_deaths", "rate_per_100k", "ovv-iav-2023", 2023)
    assert len(expected) == 14  # OVV published 2023 rates for 14 states
    assert {r["code"]: float(r["value"]) for r in rows} == dict(
        zip(expected["code"], expected["value"].astype(float), strict=True))
    assert {r["code"]: r["source_note"] for r in rows} == dict(zip(expected["code"], expected["note"], strict=True))
    assert {(r["year"], r["unit"], r["source_id"]) for r in rows} == {("2023", "rate_per_100k", "ovv-iav-2023")}
    # Highest rate first, ranked 1..n.
    assert [float(r["value"]) for r in rows] == sorted(expected["value"].astype(float), reverse=True)
    assert [r["rank_among_published_figures"] for r in rows] == [str(n) for n in range(1, 15)]
    assert (rows[0]["code"], rows[0]["place"], rows[0]["value"]) == ("VE-A", "Distrito Capital", "50.8")
    # OVV's own rank, where it published one, beside the position among the 14 figures we hold.
    aragua = next(r for r in rows if r["code"] == "VE-D")
    assert (aragua["value"], aragua["published_rank"], aragua["published_rank_of"],
            aragua["published_rank_source"]) == ("27.2", "8", "", "ovv-iav-2023")
    assert {r["code"]: r["published_rank"] for r in rows if r["published_rank"]} == {
        "VE-A": "1", "VE-M": "2", "VE-F": "3", "VE-X": "4", "VE-Z": "5", "VE-U": "6", "VE-Y": "7", "VE-D": "8",
        "VE-J": "9", "VE-I": "10", "VE-N": "19", "VE-R": "14"}
    assert (rows[-1]["code"], rows[-1]["place"], rows[-1]["value"]) == ("VE-S", "Táchira", "11.3")


def test_municipal_csv_of_one_state_holds_the_packages_figures_in_spanish(dash_app):
    from components.map_figure import map_csv

    view = map_view({"year": "2018", "state": "VE-D"}, "es")
    with dash_app.server.app_context():
        comments, rows = csv_parts(map_csv(view, "es"))
    assert comments[0] == "# Muertes violentas (OVV) · por cada 100.000 habitantes · 2018"
    assert comments[1] == source_line("Fuente", "ovv-iav-2018")
    assert "CC BY 4.0" in comments[-2] and comments[-2].startswith("# Licencia")
    assert comments[-1] == f"# Paquete de datos, versión {PACKAGE['version']} ({PACKAGE['created'][:10]})."
    expected = published("municipality", "violent_deaths", "rate_per_100k", "ovv-iav-2018", 2018, "VE05")  # Aragua
    assert len(expected) == 8
    assert {r["code"]: float(r["value"]) for r in rows} == dict(
        zip(expected["code"], expected["value"].astype(float), strict=True))
    assert (rows[0]["code"], rows[0]["place"], rows[0]["value"], rows[0]["rank_among_published_figures"]) == (
        "VE0512", "Santos Michelena", "445.0", "1")


def test_geometry_is_served_compressed_cacheable_and_revalidated(client):
    response = client.get("/geo/states.geojson", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "max-age" in response.headers["Cache-Control"]
    document = json.loads(gzip.decompress(response.data))
    assert len(document["features"]) == 25
    etag = response.headers["ETag"]
    assert client.get("/geo/states.geojson", headers={"If-None-Match": etag}).status_code == 304


def test_state_municipalities_and_tiles(client):
    document = client.get("/geo/municipalities/VE-F.geojson").get_json()
    assert {f["id"] for f in document["features"]} == set(codes.municipality_pcodes("VE-F"))
    tiles = client.get("/geo/tiles.geojson").get_json()
    assert sorted(f["id"] for f in tiles["features"]) == sorted(codes.state_iso_codes())


@pytest.mark.parametrize("path", ["/geo/nothing.geojson", "/geo/municipalities/VE-W.geojson",
                                  "/geo/municipalities/..%2F..%2Fetc.geojson", "/geo/../app.py"])
def test_unknown_geometry_is_404(client, path):
    assert client.get(path).status_code == 404
