"""Build the app's geometry from the boundary sources: ``python -m geo.build``.

Reads the official INE/OCHA states and municipality P-code table plus the geoBoundaries municipal
polygons, matches the polygons to P-codes (``geo.match``), nests them exactly into the official
state outlines, simplifies both levels as coverages, and writes compact GeoJSON, label points and a
manifest into ``build_dir()``. See ``geo/README.md`` for the decisions behind each step.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import codes, coverage, make_crosswalk, match, sources, writer
from geo.paths import build_dir, source_dir
from geo.sources import GeoSourceError

__all__ = ["GeoSourceError", "build", "ensure_built", "main"]

BUILD_VERSION = 1  # bump when the output format or the algorithm changes
# Tolerances in degrees for shapely.coverage_simplify (about sqrt of the triangle area removed).
# States are the union of their simplified municipalities, so both levels share borders exactly.
TOL_MUNIS = 0.012
TOL_DETAIL = 0.0025
DIGITS = 4  # 1e-4 degree is about 11 m
DIGITS_DETAIL = 5
FILES = {
    "states": "states.geojson",
    "states_detail": "states_detail.geojson",
    "municipalities": "municipalities.geojson",
    "municipalities_detail": "municipalities_detail.geojson",
    "overlay_esequibo": "overlay_esequibo.geojson",
}
ATTRIBUTION = [
    "Estados: INE Venezuela / OCHA COD-AB (2021-02-23), CC BY 3.0 IGO.",
    "Municipios: geoBoundaries ADM2 (Runfola et al.), fuente C. E. Porto Tapiquén, "
    "Orogénesis Soluciones Geográficas (2015), ODbL 1.0; códigos P: INE/OCHA COD-AB (2021-02-23).",
]


def _check_crosswalk(adm1: pd.DataFrame, adm2: pd.DataFrame) -> pd.DataFrame:
    """Rebuild the code tables from the sources and insist they equal the committed CSVs."""
    fresh_states = make_crosswalk.state_table(adm1)
    fresh_munis = make_crosswalk.municipality_table(adm2, fresh_states)
    for fresh, committed, name in ((fresh_states, codes.states(), "states.csv"),
                                   (fresh_munis, codes.municipalities(), "municipalities.csv")):
        if not fresh.fillna("").astype(str).equals(committed.astype(str)):
            raise GeoSourceError(
                f"geo/crosswalk/{name} does not match the source attribute tables; "
                "run `python -m geo.make_crosswalk` and review the diff."
            )
    return fresh_states


def _read(src: Path) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Official states (with iso_code) and geoBoundaries municipal polygons, repaired, EPSG:4326."""
    adm1 = sources.read_adm1(src)
    states = _check_crosswalk(adm1.drop(columns="geometry"), sources.read_adm2_table(src))
    adm1["iso_code"] = adm1.ADM1_ES.map(dict(zip(states.name, states.iso_code, strict=True)))
    gb = sources.read_gb_adm2(src)
    out = []
    for layer in (adm1, gb):
        if layer.crs is None:
            raise GeoSourceError(f"Geo source layer without CRS: {layer.columns.tolist()}")
        layer = layer.to_crs(4326) if layer.crs.to_epsg() != 4326 else layer
        layer = layer.set_geometry(coverage.repair(layer.geometry.values), crs=4326)
        out.append(layer)
    return out[0].set_index("iso_code", drop=False).loc[codes.state_iso_codes()], out[1]


def _nest_municipalities(adm1: gpd.GeoDataFrame, matched: gpd.GeoDataFrame) -> tuple[pd.Series, dict]:
    """Municipal polygons clipped and gap-filled so each state's municipalities tile it exactly."""
    geoms: dict[str, shapely.Geometry] = {}
    gained: dict[str, float] = {}
    for iso, group in matched.groupby("state_iso"):
        pieces, extra = coverage.nest(list(group.geometry.values), adm1.geometry[iso])
        geoms.update(zip(group.pcode, pieces, strict=True))
        gained.update(zip(group.pcode, extra, strict=True))
    series = pd.Series(geoms).sort_index()
    cleaned = shapely.coverage_clean(series.values)
    if not shapely.coverage_is_valid(cleaned):
        raise RuntimeError("Municipal coverage is not valid after nesting into the official states")
    return pd.Series(cleaned, index=series.index), gained


def _dissolve(munis: pd.Series, state_of: dict[str, str], extra: dict[str, Any]) -> pd.Series:
    """State outlines as the union of their (already simplified) municipalities."""
    out = dict(extra)
    for iso, group in munis.groupby(lambda p: state_of[p]):
        out[iso] = shapely.coverage_union_all(group.values)
    series = pd.Series(out).loc[codes.state_iso_codes()]
    return pd.Series(shapely.orient_polygons(series.values, exterior_cw=True), index=series.index)


def _features(level: str, geoms: pd.Series, digits: int, merged: dict[str, list[str]]) -> list[dict]:
    feats = []
    for code, geom in geoms.items():
        if level == "states":
            props: dict[str, Any] = {"name": codes.state_name(code), "pcode": codes.state_pcode(code)}
        else:
            props = {"name": codes.municipality_name(code), "state": codes.state_of_municipality(code)}
            if code in merged:
                props["includes"] = merged[code]
        feats.append(writer.feature(str(code), props, geom, digits))
    return feats


def _labels(states: pd.Series, munis: pd.Series, no_polygon: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {"states": {}, "municipalities": {}}
    for iso, geom in states.items():
        out["states"][iso] = {"name": codes.state_name(iso), "label": coverage.label_point(geom),
                              "bbox": coverage.bbox(geom)}
    for pcode in codes.municipality_pcodes():
        entry: dict[str, Any] = {"name": codes.municipality_name(pcode),
                                 "state": codes.state_of_municipality(pcode)}
        if pcode in munis.index:
            entry |= {"label": coverage.label_point(munis[pcode]), "bbox": coverage.bbox(munis[pcode])}
        else:
            entry |= {"label": None, "bbox": None, "polygon_status": no_polygon[pcode]}
        out["municipalities"][pcode] = entry
    return out


def build(source: Path | None = None, out_dir: Path | None = None) -> dict[str, Any]:
    """Build every layer from ``source`` into ``out_dir`` and return the manifest."""
    started = time.perf_counter()
    src, out = Path(source or source_dir()), Path(out_dir or build_dir())
    checksums = sources.verify_all(src)
    adm1, gb = _read(src)
    result = match.match(gb, adm1, codes.municipalities())
    nested, gained = _nest_municipalities(adm1, result.polygons)
    state_of = {p: codes.state_of_municipality(p) for p in nested.index}
    merged: dict[str, list[str]] = {}
    for pcode, status in result.no_polygon.items():
        merged.setdefault(status.partition(":")[2], []).append(pcode)

    munis = pd.Series(coverage.simplify(nested.values, TOL_MUNIS, 10.0**-DIGITS), index=nested.index)
    munis_d = pd.Series(coverage.simplify(nested.values, TOL_DETAIL, 10.0**-DIGITS_DETAIL),
                        index=nested.index)
    dep = np.array([adm1.geometry["VE-W"]])  # Dependencias Federales: islands, no municipalities
    states = _dissolve(munis, state_of, {"VE-W": coverage.simplify(dep, TOL_MUNIS, 10.0**-DIGITS)[0]})
    states_d = _dissolve(munis_d, state_of,
                         {"VE-W": coverage.simplify(dep, TOL_DETAIL, 10.0**-DIGITS_DETAIL)[0]})
    zone = coverage.polygons_only(shapely.difference(
        shapely.union_all(result.overlay.geometry.values), shapely.union_all(adm1.geometry.values)))
    zone = coverage.simplify(np.array([zone]), TOL_MUNIS, 10.0**-DIGITS)[0]

    layers = {
        "states": (_features("states", states, DIGITS, merged), states),
        "states_detail": (_features("states", states_d, DIGITS_DETAIL, merged), states_d),
        "municipalities": (_features("municipalities", munis, DIGITS, merged), munis),
        "municipalities_detail": (_features("municipalities", munis_d, DIGITS_DETAIL, merged), munis_d),
        "overlay_esequibo": ([writer.feature("ESEQUIBO", {
            "name": "Zona en Reclamación (Guayana Esequiba)", "overlay": True, "carries_data": False,
            "note": "Territorio en reclamación; no es unidad de datos. / Claimed territory; not a data unit.",
        }, zone, DIGITS)], pd.Series([zone])),
    }
    stats = {}
    for key, (feats, geoms) in layers.items():
        path = out / FILES[key]
        writer.write_collection(path, feats)
        stats[key] = {"file": FILES[key], **writer.measure(path, list(geoms.values))}
    writer.write_json(out / "labels.json", _labels(states_d, munis_d, result.no_polygon))

    quality = {
        "municipalities": coverage.coverage_quality(munis.values, nested.values, TOL_MUNIS),
        "municipalities_detail": coverage.coverage_quality(munis_d.values, nested.values, TOL_DETAIL),
        "states": coverage.coverage_quality(states.values, adm1.geometry.values, TOL_MUNIS),
    }
    table = codes.municipalities()
    manifest = {
        "build_version": BUILD_VERSION,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "build_seconds": round(time.perf_counter() - started, 2),
        "sources": checksums,
        "layers": stats,
        "tolerances_deg": {"national": TOL_MUNIS, "detail": TOL_DETAIL},
        "municipalities_without_own_polygon": [
            {"pcode": p, "name": codes.municipality_name(p), "status": s,
             "note": table.set_index("pcode").note[p]} for p, s in result.no_polygon.items()
        ],
        "matching": result.polygons.how.value_counts().to_dict(),
        "gap_fill_area_deg2": {p: round(a, 6) for p, a in gained.items() if a > 1e-4},
        "coverage_quality": quality,
        "attribution": ATTRIBUTION,
    }
    manifest["build_seconds"] = round(time.perf_counter() - started, 2)
    writer.write_json(out / "manifest.json", manifest)
    return manifest


def _current(out: Path) -> dict[str, Any] | None:
    """The existing manifest if it matches this code and the pinned source checksums."""
    path = out / "manifest.json"
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    expected = {s.relpath: s.sha256 for s in sources.BUILD_SOURCES}
    complete = all((out / name).is_file() for name in [*FILES.values(), "labels.json"])
    if manifest.get("build_version") == BUILD_VERSION and manifest.get("sources") == expected and complete:
        return manifest
    return None


def ensure_built(source: Path | None = None, out_dir: Path | None = None) -> dict[str, Any]:
    """Return the manifest, building first if it is missing, outdated or incomplete."""
    out = Path(out_dir or build_dir())
    return _current(out) or build(source, out)


def _report(manifest: dict[str, Any], out: Path) -> str:
    lines = [f"geo build -> {out} in {manifest['build_seconds']} s",
             f"{'layer':24} {'features':>8} {'vertices':>9} {'bytes':>10} {'gzip':>9}"]
    for key, s in manifest["layers"].items():
        lines.append(f"{key:24} {s['features']:>8} {s['vertices']:>9} {s['bytes']:>10} {s['bytes_gzip']:>9}")
    for item in manifest["municipalities_without_own_polygon"]:
        lines.append(f"no own polygon: {item['pcode']} {item['name']} ({item['status']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m geo.build [--source DIR] [--out DIR] [--if-needed]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=None, help="boundary source folder")
    parser.add_argument("--out", type=Path, default=None, help="output folder")
    parser.add_argument("--if-needed", action="store_true",
                        help="only build if the manifest is missing or outdated (see ensure_built)")
    args = parser.parse_args(argv)
    out = args.out or build_dir()
    try:
        manifest = ensure_built(args.source, out) if args.if_needed else build(args.source, out)
    except GeoSourceError as exc:
        print(f"error: {exc}")
        return 1
    print(_report(manifest, out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
