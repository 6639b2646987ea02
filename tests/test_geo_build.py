"""Tests of the geometry build: counts, codes, nesting, coverage quality, sizes and errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo import build as geo_build
from geo import codes, sources
from geo.build import GeoSourceError
from geo.paths import source_dir
from geo.sources import BUILD_SOURCES

SRC = source_dir()
pytestmark = pytest.mark.skipif(not (SRC / sources.ADM1_SHP.relpath).is_file(),
                                reason=f"geo sources not present in {SRC}")
NEST_SHARE = 0.95  # each municipality must lie at least this much inside its parent state
GAP_TOLERANCE_DEG2 = 1e-6  # no new gap or overlap above ~0.01 km² after simplification


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """Build once into a temporary folder for the whole session."""
    out = tmp_path_factory.mktemp("geo_build")
    return out, geo_build.build(SRC, out)


def _layer(built: tuple[Path, dict], name: str) -> gpd.GeoDataFrame:
    out, _ = built
    raw = json.loads((out / f"{name}.geojson").read_text(encoding="utf-8"))
    frame = gpd.GeoDataFrame.from_features(raw["features"], crs=4326)
    frame["id"] = [f["id"] for f in raw["features"]]
    return frame


def test_manifest_records_sources_and_layers(built: tuple[Path, dict]) -> None:
    out, manifest = built
    assert manifest["sources"] == {s.relpath: s.sha256 for s in BUILD_SOURCES}
    assert manifest["build_seconds"] < 60
    for key in ("states", "states_detail", "municipalities", "municipalities_detail"):
        stats = manifest["layers"][key]
        assert (out / stats["file"]).stat().st_size == stats["bytes"]
        assert stats["vertices"] > 0 and stats["bytes_gzip"] < stats["bytes"]
    assert json.loads((out / "manifest.json").read_text()) == manifest


@pytest.mark.parametrize("name", ["states", "states_detail"])
def test_25_states_with_unique_iso_codes(built: tuple[Path, dict], name: str) -> None:
    states = _layer(built, name)
    assert len(states) == 25
    assert states.id.is_unique
    assert sorted(states.id) == sorted(codes.state_iso_codes())
    assert states.pcode.is_unique and set(states.pcode) == {f"VE{i:02d}" for i in range(1, 26)}
    assert states.set_index("id").loc["VE-W", "pcode"] == "VE25"


@pytest.mark.parametrize("name", ["municipalities", "municipalities_detail"])
def test_every_official_pcode_accounted_for(built: tuple[Path, dict], name: str) -> None:
    munis = _layer(built, name)
    _, manifest = built
    without = {m["pcode"]: m["status"] for m in manifest["municipalities_without_own_polygon"]}
    assert munis.id.is_unique
    assert set(munis.id) | set(without) == set(codes.municipality_pcodes())
    assert not set(munis.id) & set(without)
    assert without == {"VE0518": "merged_into:VE0508"}
    host = munis.set_index("id").loc["VE0508"]
    assert list(host["includes"]) == ["VE0518"]
    assert (munis.state == munis.id.map(codes.state_of_municipality)).all()


@pytest.fixture(scope="session")
def official_states() -> gpd.GeoSeries:
    """Unsimplified official INE/OCHA state polygons in an equal-area CRS, by ISO code."""
    adm1, _ = geo_build._read(SRC)
    return adm1.geometry.to_crs(geo_build.match.EQUAL_AREA)


def _share_inside(munis: gpd.GeoDataFrame, states: gpd.GeoSeries) -> pd.Series:
    munis = munis.to_crs(geo_build.match.EQUAL_AREA)
    parent = states.loc[munis.state].values
    share = shapely.area(shapely.intersection(munis.geometry.values, parent)) / munis.area.values
    return pd.Series(share, index=munis.id.values).sort_values()


def test_municipalities_inside_official_parent_state(built: tuple[Path, dict],
                                                     official_states: gpd.GeoSeries) -> None:
    share = _share_inside(_layer(built, "municipalities_detail"), official_states)
    assert share.iloc[0] > NEST_SHARE, share.head()


def test_national_municipalities_inside_parent_state(built: tuple[Path, dict],
                                                     official_states: gpd.GeoSeries) -> None:
    munis = _layer(built, "municipalities")
    own = _share_inside(munis, _layer(built, "states").set_index("id").geometry.to_crs(
        geo_build.match.EQUAL_AREA))
    assert own.iloc[0] > 0.999  # national states are the union of national municipalities
    # Against the unsimplified official outline, coarse simplification of the coast can push a
    # tiny coastal municipality (Diego Bautista Urbaneja/Lechería, ~13 km²) below 95%.
    official = _share_inside(munis, official_states)
    small = munis.set_index("id").to_crs(geo_build.match.EQUAL_AREA).area < 100e6
    assert official[~small.loc[official.index].values].iloc[0] > NEST_SHARE, official.head()
    assert official.iloc[0] > 0.85, official.head()


@pytest.mark.parametrize("name", ["states", "states_detail", "municipalities", "municipalities_detail"])
def test_simplified_layers_form_valid_coverage(built: tuple[Path, dict], name: str) -> None:
    layer = _layer(built, name)
    geoms = layer.geometry.values
    assert shapely.is_valid(geoms).all()
    assert shapely.coverage_is_valid(geoms)  # no overlaps and identical shared edges
    overlap = shapely.area(geoms).sum() - shapely.union_all(geoms).area
    assert overlap < GAP_TOLERANCE_DEG2


def test_no_new_gaps_between_neighbours(built: tuple[Path, dict]) -> None:
    _, manifest = built
    for key, quality in manifest["coverage_quality"].items():
        assert quality["valid_coverage"], key
        assert quality["gap_area_deg2"] < GAP_TOLERANCE_DEG2, key
        assert quality["overlap_area_deg2"] < GAP_TOLERANCE_DEG2, key


def test_size_budget_and_rounding(built: tuple[Path, dict]) -> None:
    out, manifest = built
    assert manifest["layers"]["states"]["bytes"] < 150_000
    assert manifest["layers"]["municipalities"]["bytes"] < 400_000
    assert manifest["layers"]["municipalities"]["bytes_gzip"] < 120_000
    text = (out / "municipalities.geojson").read_text()
    coords = json.loads(text)["features"][0]["geometry"]["coordinates"]
    first = coords[0][0] if isinstance(coords[0][0][0], float) else coords[0][0][0]
    assert all(len(str(v).split(".")[-1]) <= 4 for v in first)


@pytest.mark.parametrize("name", ["states", "municipalities"])
def test_rings_oriented_for_plotly(built: tuple[Path, dict], name: str) -> None:
    for geom in _layer(built, name).geometry.values:
        for poly in shapely.get_parts(geom):
            assert not poly.exterior.is_ccw  # exterior clockwise
            assert all(ring.is_ccw for ring in poly.interiors)


def test_features_carry_minimal_properties(built: tuple[Path, dict]) -> None:
    out, _ = built
    state = json.loads((out / "states.geojson").read_text())["features"][0]
    muni = json.loads((out / "municipalities.geojson").read_text())["features"][0]
    assert set(state["properties"]) == {"name", "pcode"}
    assert set(muni["properties"]) <= {"name", "state", "includes"}


def test_esequibo_is_an_overlay_outside_the_data_units(built: tuple[Path, dict]) -> None:
    overlay = _layer(built, "overlay_esequibo")
    states = _layer(built, "states_detail")
    assert len(overlay) == 1 and bool(overlay.carries_data.iloc[0]) is False
    zone = overlay.geometry.iloc[0]
    assert zone.area > 10  # roughly 159,000 km², about 13 square degrees
    assert shapely.intersection(zone, shapely.union_all(states.geometry.values)).area < 0.01 * zone.area
    assert overlay.id.iloc[0] not in set(codes.state_iso_codes()) | set(codes.municipality_pcodes())


def test_labels_inside_polygons_and_bboxes(built: tuple[Path, dict]) -> None:
    out, _ = built
    labels = json.loads((out / "labels.json").read_text())
    states = _layer(built, "states_detail").set_index("id")
    munis = _layer(built, "municipalities_detail").set_index("id")
    assert set(labels["states"]) == set(codes.state_iso_codes())
    assert set(labels["municipalities"]) == set(codes.municipality_pcodes())
    for key, layer in (("states", states), ("municipalities", munis)):
        for code, geom in layer.geometry.items():
            entry = labels[key][code]
            assert geom.buffer(1e-4).contains(shapely.Point(entry["label"])), code
            x0, y0, x1, y1 = entry["bbox"]
            gx0, gy0, gx1, gy1 = geom.bounds
            assert x0 <= gx0 and y0 <= gy0 and x1 >= gx1 and y1 >= gy1
    assert labels["municipalities"]["VE0518"]["polygon_status"] == "merged_into:VE0508"


def test_ensure_built_reuses_a_current_build(built: tuple[Path, dict]) -> None:
    out, manifest = built
    assert geo_build.ensure_built(SRC, out) == manifest


def _copy_sources(tmp_path: Path) -> Path:
    dest = tmp_path / "src"
    for src in BUILD_SOURCES:
        target = dest / src.relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SRC / src.relpath, target)
    return dest


def test_missing_source_fails_with_one_clear_message(tmp_path: Path) -> None:
    src = _copy_sources(tmp_path)
    (src / sources.GB_ADM2.relpath).unlink()
    with pytest.raises(GeoSourceError, match=r"missing: .*ven-adm2\.geojson"):
        geo_build.build(src, tmp_path / "out")
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_corrupted_source_fails_with_one_clear_message(tmp_path: Path) -> None:
    src = _copy_sources(tmp_path)
    path = src / sources.ADM2_DBF.relpath
    data = bytearray(path.read_bytes())
    data[500] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(GeoSourceError, match=r"corrupted: .*ven_admbnda_adm2_ine_20210223\.dbf"):
        geo_build.build(src, tmp_path / "out")


def test_cli_reports_counts_vertices_and_bytes(built: tuple[Path, dict], capsys: pytest.CaptureFixture) -> None:
    out, _ = built
    assert geo_build.main(["--source", str(SRC), "--out", str(out), "--if-needed"]) == 0
    printed = capsys.readouterr().out
    assert "municipalities" in printed and "vertices" in printed and "gzip" in printed
    assert geo_build.main(["--source", str(out / "nowhere"), "--out", str(out / "x")]) == 1
    assert "missing" in capsys.readouterr().out
