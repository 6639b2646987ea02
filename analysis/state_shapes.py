"""The 25 states as SVG paths for a small static map (the front page's), projected and simplified once.

Why static paths and not a plotly map: the front page is most people's first visit, and plotly with its
geometry weighs several megabytes; a few kilobytes of outlines, drawn by the browser without a script, are
enough to see where the violence is and to choose a state.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import cache

import numpy as np
import shapely
from shapely.geometry import shape

from geo import documents

WIDTH = 600  # the SVG's viewBox width; its height follows the country's shape
MARGIN = 6
TOLERANCE = 0.8  # simplification in viewBox units: under a pixel at the map's largest size
STATES_FILE = "states.geojson"


@dataclass(frozen=True)
class StateShape:
    code: str
    name: str
    path: str  # SVG path data in viewBox units


@dataclass(frozen=True)
class StateOutlines:
    width: int
    height: int
    shapes: tuple[StateShape, ...]


def _ring_path(coords: list[tuple[float, float]]) -> str:
    """A closed ring in whole viewBox units, each point relative to the previous one (``l`` commands): a
    third of the absolute form's bytes, at under a pixel's error on the largest map. Empty when rounding
    collapses the ring (a rock of an island) to fewer than three points."""
    points: list[tuple[int, int]] = []
    for x, y in coords[:-1]:
        point = (round(x), round(y))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[-1] == points[0]:
        points.pop()
    if len(points) < 3:
        return ""
    steps = " ".join(f"{x - px} {y - py}" for (px, py), (x, y) in itertools.pairwise(points))
    return f"M{points[0][0]} {points[0][1]}l{steps}z"


def _polygon_paths(geometry: shapely.Geometry) -> str:
    parts = geometry.geoms if hasattr(geometry, "geoms") else [geometry]
    rings: list[str] = []
    for polygon in parts:
        if polygon.is_empty or len(polygon.exterior.coords) < 4:
            continue
        rings.append(_ring_path(list(polygon.exterior.coords)))
        rings += [_ring_path(list(hole.coords)) for hole in polygon.interiors if len(hole.coords) >= 4]
    return "".join(rings)


@cache
def state_outlines() -> StateOutlines:
    """Every state in an equirectangular projection scaled by the cosine of the middle latitude (at
    Venezuela's latitudes this keeps shapes true to within a few percent), north up, fitted to ``WIDTH``.
    Raises FileNotFoundError before the geometry is built."""
    features = documents.load(STATES_FILE)["features"]
    geometries = [shape(f["geometry"]) for f in features]
    west, south, east, north = shapely.total_bounds(geometries)
    x_scale = math.cos(math.radians((south + north) / 2))
    scale = (WIDTH - 2 * MARGIN) / ((east - west) * x_scale)
    height = math.ceil((north - south) * scale + 2 * MARGIN)

    def project(xy: np.ndarray) -> np.ndarray:
        return np.column_stack([MARGIN + (xy[:, 0] - west) * x_scale * scale, MARGIN + (north - xy[:, 1]) * scale])

    shapes = []
    for feature, geometry in zip(features, geometries, strict=True):
        projected = shapely.transform(geometry, project)
        simplified = shapely.simplify(projected, TOLERANCE, preserve_topology=True)
        shapes.append(StateShape(str(feature["id"]), str(feature["properties"]["name"]), _polygon_paths(simplified)))
    return StateOutlines(WIDTH, height, tuple(sorted(shapes, key=lambda s: s.code)))
