"""Match the geoBoundaries ADM2 polygons (no P-codes) to the official INE municipality P-codes.

The parent state of each source polygon is the official state it overlaps most (an equal-area
spatial join); the file's own ``parentState`` is ignored because it is wrong for four features.
Within that state the polygon is matched by folded name against the official names, then by the
documented table ``geo/manual_matches.csv``. Every official municipality must end with exactly one
polygon or a documented ``no_polygon`` entry; anything else stops the build.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely

from geo.make_crosswalk import MANUAL_MATCHES
from geo.names import _fold
from geo.text import normalise

# Lambert azimuthal equal-area centred on Venezuela, for area comparisons only.
EQUAL_AREA = "+proj=laea +lat_0=7 +lon_0=-66 +datum=WGS84 +units=m +no_defs"
MIN_INSIDE = 0.5  # a source polygon less than half inside the official states is not a data unit


class MatchError(ValueError):
    """The source polygons cannot be matched one-to-one to the official P-codes."""


@dataclass
class MatchResult:
    """Matched polygons (index = P-code) plus the overlay polygons that carry no data."""

    polygons: gpd.GeoDataFrame  # columns: pcode, state_iso, source_name, how, share_in_state, geometry
    overlay: gpd.GeoDataFrame  # columns: name, note, share_in_states, geometry
    no_polygon: dict[str, str]  # pcode -> status (e.g. merged_into:VE0508)


def parent_states(source: gpd.GeoDataFrame, states: gpd.GeoDataFrame) -> pd.DataFrame:
    """For each source polygon: ISO code of the official state it overlaps most, and that share."""
    src = source.to_crs(EQUAL_AREA)
    sts = states.to_crs(EQUAL_AREA)
    tree = shapely.STRtree(sts.geometry.values)
    rows = []
    for i, geom in enumerate(src.geometry.values):
        cand = tree.query(geom, predicate="intersects")
        areas = shapely.area(shapely.intersection(geom, sts.geometry.values[cand]))
        best = int(cand[areas.argmax()]) if len(cand) else -1
        share = float(areas.max() / geom.area) if len(cand) else 0.0
        inside = float(areas.sum() / geom.area) if len(cand) else 0.0
        rows.append({"state_iso": sts.iso_code.iloc[best] if best >= 0 else "",
                     "share_in_state": share, "share_in_states": inside, "pos": i})
    return pd.DataFrame(rows)


def _name_keys(munis: pd.DataFrame) -> dict[tuple[str, str], set[str]]:
    keys: dict[tuple[str, str], set[str]] = {}
    for row in munis.itertuples():
        for name in {row.name, row.name_display, row.name_ascii, row.name_alt} - {""}:
            for key in (_fold(name), normalise(name)):
                keys.setdefault((row.state_iso, key), set()).add(row.pcode)
    return keys


def match(source: gpd.GeoDataFrame, states: gpd.GeoDataFrame, munis: pd.DataFrame) -> MatchResult:
    """Assign a P-code to every source polygon; see the module docstring for the rules."""
    manual = pd.read_csv(MANUAL_MATCHES, dtype=str, keep_default_na=False)
    by_manual = {(r.state_iso, r.source_name): r.pcode for r in manual[manual.kind == "match"].itertuples()}
    overlay_names = {(r.state_iso, r.source_name): r.note for r in manual[manual.kind == "overlay"].itertuples()}
    no_polygon = dict(zip(munis.pcode, munis.polygon_status, strict=True))
    no_polygon = {p: s for p, s in no_polygon.items() if s != "own"}
    keys = _name_keys(munis)
    parents = parent_states(source, states)
    matched, overlay, problems = [], [], []
    for pos, (name, geom) in enumerate(zip(source.shapeName, source.geometry.values, strict=True)):
        par = parents.iloc[pos]
        state = par.state_iso
        if (state, name) in overlay_names or par.share_in_states < MIN_INSIDE:
            if (state, name) not in overlay_names:
                problems.append(f"{name!r}: only {par.share_in_states:.0%} inside official states")
            overlay.append({"name": name, "note": overlay_names.get((state, name), ""),
                            "share_in_states": par.share_in_states, "geometry": geom})
            continue
        hits = keys.get((state, _fold(name))) or keys.get((state, normalise(name))) or set()
        how = "name"
        if (state, name) in by_manual:
            hits, how = {by_manual[(state, name)]}, "manual"
        if len(hits) != 1:
            problems.append(f"{name!r} in {state}: {len(hits)} official candidates {sorted(hits)}")
            continue
        matched.append({"pcode": hits.pop(), "state_iso": state, "source_name": name, "how": how,
                        "share_in_state": par.share_in_state, "geometry": geom})
    table = gpd.GeoDataFrame(matched, geometry="geometry", crs=source.crs)
    dup = table.pcode[table.pcode.duplicated()].tolist()
    problems += [f"P-code {p} matched by several polygons" for p in dup]
    missing = sorted(set(munis.pcode) - set(table.pcode) - set(no_polygon))
    problems += [f"P-code {p} has no polygon and no documented reason" for p in missing]
    extra = sorted(set(table.pcode) & set(no_polygon))
    problems += [f"P-code {p} is documented as {no_polygon[p]} but has a polygon" for p in extra]
    used = set(table.source_name[table.how == "manual"]) | {o["name"] for o in overlay}
    problems += [f"manual row {n!r} ({st}) matched nothing" for (st, n) in by_manual if n not in used]
    if problems:
        raise MatchError("Municipality matching failed:\n  " + "\n  ".join(problems))
    over = gpd.GeoDataFrame(overlay, geometry="geometry", crs=source.crs)
    return MatchResult(table.set_index("pcode", drop=False).sort_index(), over, no_polygon)
