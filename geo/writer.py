"""Write compact GeoJSON/JSON files atomically and measure them."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import shapely
from shapely import Geometry


def _round(obj: Any, ndigits: int) -> Any:
    if isinstance(obj, float):
        value = round(obj, ndigits)
        return int(value) if value.is_integer() else value
    if isinstance(obj, list):
        return [_round(v, ndigits) for v in obj]
    return obj


def feature(fid: str, props: dict[str, Any], geom: Geometry, ndigits: int) -> dict[str, Any]:
    """A GeoJSON feature with top-level ``id`` and coordinates rounded to ``ndigits``."""
    gj = json.loads(shapely.to_geojson(geom))
    gj["coordinates"] = _round(gj["coordinates"], ndigits)
    return {"type": "Feature", "id": fid, "properties": props, "geometry": gj}


def write_json(path: Path, obj: Any) -> None:
    """Write minified JSON via a temporary file and an atomic rename (safe for parallel starts)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)  # mkstemp creates 0600; the files are served to other users
    os.replace(tmp, path)


def write_collection(path: Path, features: list[dict[str, Any]]) -> None:
    """Write a GeoJSON FeatureCollection."""
    write_json(path, {"type": "FeatureCollection", "features": features})


def measure(path: Path, geoms: list[Geometry]) -> dict[str, int]:
    """Feature count, vertices, raw bytes and gzip bytes of a written layer."""
    raw = path.read_bytes()
    return {
        "features": len(geoms),
        "vertices": int(sum(shapely.get_num_coordinates(g) for g in geoms)),
        "bytes": len(raw),
        "bytes_gzip": len(gzip.compress(raw, compresslevel=9)),
    }
