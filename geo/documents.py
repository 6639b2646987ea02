"""The geometry documents the browser fetches, and their URLs.

Plotly fetches the GeoJSON itself from these URLs, so figures carry only a URL and the values; the
server (``web/geometry.py``) answers them as cacheable static files. Per-state municipality files and
the tile grid are derived here from the build; each document is serialised once per process.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from geo import codes
from geo.paths import build_dir
from geo.tile_grid import tile_grid

LEVEL_FILES = {"states": "states.geojson", "municipalities": "municipalities.geojson"}
TILE_SIZE = 0.9  # degrees of the pseudo-geography the tile grid is drawn in; 0.1 gap between tiles


def geometry_url(level: str, state: str | None = None) -> str:
    """The URL of the geometry for a view: national states, national municipalities, one state's
    municipalities, or the tile grid."""
    if level == "tiles":
        return "/geo/tiles.geojson"
    if level == "municipalities" and state:
        return f"/geo/municipalities/{state}.geojson"
    return f"/geo/{LEVEL_FILES[level]}"


@cache
def load(name: str) -> dict[str, Any]:
    with (build_dir() / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def document_key(name: str, state: str | None = None) -> str | None:
    """The key of a served document from its URL parts, or None when there is no such document."""
    if state is not None:
        return f"municipalities/{state}" if codes.is_state(state) and codes.municipality_pcodes(state) else None
    return name if name == "tiles" or name in LEVEL_FILES else None


@cache
def encoded(key: str) -> bytes:
    """One document as compact JSON, serialised once per process (FileNotFoundError before a build)."""
    if key == "tiles":
        document = tile_geojson()
    elif key.startswith("municipalities/"):
        state = key.split("/", 1)[1]
        full = load("municipalities_detail.geojson")
        document = {
            "type": "FeatureCollection",
            "features": [f for f in full["features"] if f["properties"].get("state") == state],
        }
    else:
        document = load(LEVEL_FILES[key])
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


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
