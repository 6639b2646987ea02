"""Which states border which, computed once from the built state geometry.

Why from geometry: the boundaries are built with shared edges (no gaps or slivers), so two states
are neighbours exactly when their polygons touch; no hand-made list can drift from the map. Island
states (Nueva Esparta, Dependencias Federales) have no land neighbours and are compared with the
nearest states instead, which the briefing says.
"""

from __future__ import annotations

import json
from functools import cache

import shapely
from shapely.geometry import shape

from geo.paths import build_dir

NEAREST = 3
TOUCH_TOLERANCE = 1e-6  # degrees: shared edges after rounding to the built precision


@cache
def _shapes() -> dict[str, shapely.Geometry]:
    """State polygons by ISO code (empty when the geometry has not been built)."""
    path = build_dir() / "states.geojson"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        collection = json.load(handle)
    return {str(f["id"]): shapely.make_valid(shape(f["geometry"])) for f in collection["features"]}


@cache
def land_neighbours(code: str) -> tuple[str, ...]:
    shapes = _shapes()
    own = shapes.get(code)
    if own is None:
        return ()
    grown = own.buffer(TOUCH_TOLERANCE)
    return tuple(other for other, geom in shapes.items() if other != code and grown.intersects(geom))


@cache
def nearest(code: str, count: int = NEAREST) -> tuple[str, ...]:
    shapes = _shapes()
    own = shapes.get(code)
    if own is None:
        return ()
    ranked = sorted((other for other in shapes if other != code), key=lambda other: own.distance(shapes[other]))
    return tuple(ranked[:count])


def neighbours(code: str) -> tuple[str, ...]:
    """Land neighbours, or the nearest states for islands."""
    return land_neighbours(code) or nearest(code)


def is_island(code: str) -> bool:
    return bool(_shapes().get(code)) and not land_neighbours(code)
