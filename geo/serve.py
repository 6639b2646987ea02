"""Serve built geometry to the browser once, as cacheable static files.

Plotly fetches the GeoJSON itself from these URLs, so figures carry only a URL and the values;
the browser caches each file (ETag + max-age) and every later view reuses it. Per-state
municipality files and the tile grid are derived here from the build and kept in memory.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from flask import Blueprint, Response, abort

from geo import codes
from geo.paths import build_dir
from geo.tile_grid import tile_grid
from web.responses import StaticBytes

blueprint = Blueprint("geometry", __name__)

LEVEL_FILES = {"states": "states.geojson", "municipalities": "municipalities.geojson"}
TILE_SIZE = 0.9  # degrees of the pseudo-geography the tile grid is drawn in; 0.1 gap between tiles
MAX_AGE = 86400


def geometry_url(level: str, state: str | None = None) -> str:
    """The URL of the geometry for a view: national states, national municipalities, one state's
    municipalities, or the tile grid."""
    if level == "tiles":
        return "/geo/tiles.geojson"
    if level == "municipalities" and state:
        return f"/geo/municipalities/{state}.geojson"
    return f"/geo/{LEVEL_FILES[level]}"


@cache
def _load(name: str) -> dict[str, Any]:
    with (build_dir() / name).open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def _encoded(key: str) -> StaticBytes:
    """One served file, serialised and compressed once per process."""
    if key == "tiles":
        document = tile_geojson()
    elif key.startswith("municipalities/"):
        state = key.split("/", 1)[1]
        full = _load("municipalities_detail.geojson")
        document = {
            "type": "FeatureCollection",
            "features": [f for f in full["features"] if f["properties"].get("state") == state],
        }
    else:
        document = _load(LEVEL_FILES[key])
    raw = json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()
    return StaticBytes(raw, "application/json", MAX_AGE)


def tile_geojson() -> dict[str, Any]:
    """Equal squares, one per state, laid out by ``geo/tile_grid.csv`` (clockwise rings for plotly)."""
    features = []
    for tile in tile_grid().itertuples():
        west, north = float(tile.col), -float(tile.row)
        east, south = west + TILE_SIZE, north - TILE_SIZE
        ring = [[west, north], [east, north], [east, south], [west, south], [west, north]]
        features.append(
            {
                "type": "Feature",
                "id": tile.iso_code,
                "properties": {"name": tile.name, "short": tile.short},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _send(key: str) -> Response:
    try:
        return _encoded(key).response()
    except FileNotFoundError:
        abort(503, description="geometry has not been built")


@blueprint.route("/geo/<name>.geojson")
def national(name: str) -> Response:
    if name == "tiles":
        return _send("tiles")
    if name not in LEVEL_FILES:
        abort(404)
    return _send(name)


@blueprint.route("/geo/municipalities/<state>.geojson")
def state_municipalities(state: str) -> Response:
    if not codes.is_state(state) or not codes.municipality_pcodes(state):
        abort(404)
    return _send(f"municipalities/{state}")
