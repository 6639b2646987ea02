"""Polygon coverage operations: nest municipalities into official states, simplify, finish.

A coverage is a set of polygons that do not overlap and share identical edges. Keeping the states
and municipalities as coverages, and simplifying them with ``shapely.coverage_simplify``, is what
keeps neighbouring borders identical after simplification (no gaps, no slivers).
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely import Geometry

GRID = 1e-7  # working precision for overlays, in degrees (about 1 cm)


def polygons_only(geom: Geometry) -> Geometry:
    """Drop points and lines that overlay operations can leave behind; return a (Multi)Polygon."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    return shapely.multipolygons(parts) if len(parts) != 1 else parts[0]


def repair(geoms: np.ndarray) -> np.ndarray:
    """Make geometries valid and snap them to the working grid."""
    fixed = shapely.make_valid(geoms)
    return np.array([polygons_only(g) for g in shapely.set_precision(fixed, GRID)], dtype=object)


def nest(pieces: list[Geometry], container: Geometry) -> tuple[list[Geometry], list[float]]:
    """Clip ``pieces`` to ``container`` and give every uncovered bit of it to a piece.

    Each gap (e.g. a coastline drawn differently by the two sources, or an island missing from
    the municipal source) goes to the piece with the longest shared border, or the nearest piece
    if it touches none. Returns the new pieces and the area each one gained (in square degrees).
    """
    clipped = [polygons_only(shapely.intersection(p, container, grid_size=GRID)) for p in pieces]
    covered = shapely.union_all(clipped, grid_size=GRID)
    gaps = polygons_only(shapely.difference(container, covered, grid_size=GRID))
    extra: list[list[Geometry]] = [[] for _ in clipped]
    for gap in shapely.get_parts(gaps):
        shared = shapely.length(shapely.intersection(gap.boundary, np.array(clipped, dtype=object)))
        if shared.max() > 0:
            target = int(shared.argmax())
        else:
            target = int(shapely.distance(gap, np.array(clipped, dtype=object)).argmin())
        extra[target].append(gap)
    out, gained = [], []
    for piece, more in zip(clipped, extra, strict=True):
        merged = shapely.union_all([piece, *more], grid_size=GRID) if more else piece
        out.append(polygons_only(merged))
        gained.append(float(sum(g.area for g in more)))
    return out, gained


def simplify(geoms: np.ndarray, tolerance: float, grid: float) -> np.ndarray:
    """Coverage-simplify, round to ``grid`` and orient rings for plotly (exterior clockwise)."""
    simple = shapely.coverage_simplify(geoms, tolerance, simplify_boundary=True)
    rounded = shapely.set_precision(simple, grid)
    return shapely.orient_polygons(rounded, exterior_cw=True)


def label_point(geom: Geometry) -> tuple[float, float]:
    """A point well inside the largest part (centre of its maximum inscribed circle)."""
    parts = shapely.get_parts(geom)
    largest = parts[int(shapely.area(parts).argmax())]
    tol = max(1e-4, np.sqrt(largest.area) / 200)
    point = shapely.get_point(shapely.maximum_inscribed_circle(largest, tol), 0)
    if not largest.contains(point):
        point = largest.point_on_surface()
    return round(point.x, 4), round(point.y, 4)


def bbox(geom: Geometry) -> list[float]:
    """[min_lon, min_lat, max_lon, max_lat], rounded to 1e-4 outward."""
    x0, y0, x1, y1 = geom.bounds
    return [np.floor(x0 * 1e4) / 1e4, np.floor(y0 * 1e4) / 1e4,
            np.ceil(x1 * 1e4) / 1e4, np.ceil(y1 * 1e4) / 1e4]


def holes(geoms: np.ndarray) -> Geometry:
    """Interior holes of the union of a coverage (e.g. Lago de Valencia, which no state covers)."""
    union = shapely.union_all(geoms)
    rings = [shapely.Polygon(r) for p in shapely.get_parts(union) for r in p.interiors]
    return shapely.union_all(rings) if rings else shapely.Polygon()


def coverage_quality(geoms: np.ndarray, reference: np.ndarray, tolerance: float) -> dict[str, float]:
    """Overlap area and new gap area of a simplified coverage, in square degrees.

    A gap is a hole in the union that is not within ``tolerance`` of a hole the unsimplified
    ``reference`` coverage already had (lakes are holes on purpose).
    """
    overlap = float(shapely.area(geoms).sum() - shapely.union_all(geoms).area)
    allowed = shapely.buffer(holes(reference), tolerance)
    gap = float(shapely.difference(holes(geoms), allowed).area)
    return {"valid_coverage": bool(shapely.coverage_is_valid(geoms)),
            "overlap_area_deg2": max(overlap, 0.0), "gap_area_deg2": gap}
