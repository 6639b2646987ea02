"""Outlines for a place's locator map, projected to SVG path data once on the server.

Why here and not in the browser: a locator map is a small, fixed picture ("where is El Callao?"), so it is
drawn as a static SVG that needs no script and no geometry download. The projection is equirectangular
with the x axis scaled by the cosine of the middle latitude, which keeps Venezuela's shapes true enough at
this size. A state is shown among all states; a municipality among its state's municipalities, with the
state's outline in a small national inset.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from geo import codes
from geo.documents import load

Ring = Sequence[Sequence[float]]
MIN_STEP = 2  # SVG units (pixels at the drawn size) between two kept points of an outline


@dataclass(frozen=True)
class Shape:
    code: str
    path: str  # SVG path data in the frame's units
    box: tuple[float, float, float, float] = (0, 0, 0, 0)  # x0, y0, x1, y1 of the outline


@dataclass(frozen=True)
class Frame:
    """Shapes projected into a ``width`` × ``height`` box (SVG units, y downwards)."""

    width: float
    height: float
    shapes: tuple[Shape, ...]


def _rings(geometry: dict[str, Any]) -> Iterable[Ring]:
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


@cache
def _features(level: str) -> dict[str, dict[str, Any]]:
    name = "states.geojson" if level == "state" else "municipalities.geojson"
    return {str(f["id"]): f for f in load(name)["features"]}


def available() -> bool:
    """Whether the built geometry can be read (the app starts without maps when it cannot)."""
    try:
        _features("state")
        _features("municipality")
    except (OSError, ValueError, KeyError):
        return False
    return True


def _project(features: Sequence[dict[str, Any]], width: float, pad: float = 4) -> Frame:
    rings = [(str(f["id"]), list(_rings(f["geometry"]))) for f in features]
    points = [pt for _code, rs in rings for ring in rs for pt in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    squeeze = math.cos(math.radians((south + north) / 2))
    span_x, span_y = max((east - west) * squeeze, 1e-6), max(north - south, 1e-6)
    scale = (width - 2 * pad) / span_x
    height = span_y * scale + 2 * pad
    shapes = []
    for code, rs in rings:
        parts, xs, ys = [], [], []
        for ring in rs:
            xy = [(round((lon - west) * squeeze * scale + pad), round((north - lat) * scale + pad))
                  for lon, lat, *_ in ring]
            kept = [xy[0]]
            for pt in xy[1:]:  # drop points within a couple of pixels of the last one kept
                if abs(pt[0] - kept[-1][0]) + abs(pt[1] - kept[-1][1]) >= MIN_STEP:
                    kept.append(pt)
            if len(kept) >= 3:
                parts.append("M" + "L".join(f"{x},{y}" for x, y in kept) + "Z")
            xs += [x for x, _y in xy]
            ys += [y for _x, y in xy]
        shapes.append(Shape(code, "".join(parts), (min(xs), min(ys), max(xs), max(ys))))
    return Frame(width, round(height, 1), tuple(shapes))


@cache
def states_frame(width: float = 360) -> Frame:
    """All 25 states."""
    return _project(list(_features("state").values()), width)


@cache
def municipalities_frame(state: str, width: float = 360) -> Frame:
    """The municipalities of one state (those with a polygon of their own)."""
    if not codes.is_state(state):
        raise KeyError(f"Unknown state ISO code {state!r}")
    features = [f for f in _features("municipality").values() if f["properties"].get("state") == state]
    if not features:  # a state whose municipalities have no polygons: its own outline
        features = [_features("state")[state]]
    return _project(features, width)
