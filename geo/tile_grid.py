"""Tile-grid layout of the 25 states for the tile-map view (one square per state).

Rows run north to south and columns west to east, so the grid keeps the country's shape:
Zulia and Táchira west; Falcón, La Guaira, Dependencias Federales and Nueva Esparta on the top row;
Distrito Capital between La Guaira and Aragua; Sucre, Monagas and Delta Amacuro east; Bolívar
south-east and Amazonas at the bottom. The layout lives in ``geo/tile_grid.csv``.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from geo import codes
from geo.paths import PACKAGE_DIR

TILE_GRID_CSV = PACKAGE_DIR / "tile_grid.csv"


@cache
def tile_grid() -> pd.DataFrame:
    """One row per state: iso_code, row, col, short (2–4 letters), name. Validated on load."""
    grid = pd.read_csv(TILE_GRID_CSV, dtype={"iso_code": str, "short": str})
    problems = []
    if sorted(grid.iso_code) != sorted(codes.state_iso_codes()):
        problems.append("iso_code must list each of the 25 states exactly once")
    if grid.duplicated(["row", "col"]).any():
        problems.append("two states share a tile")
    if grid.short.duplicated().any() or not grid.short.str.fullmatch(r"[A-Z]{2,4}").all():
        problems.append("short labels must be unique, 2-4 capital letters")
    if problems:
        raise ValueError(f"{TILE_GRID_CSV}: " + "; ".join(problems))
    grid["name"] = grid.iso_code.map(codes.state_name)
    return grid.sort_values(["row", "col"]).reset_index(drop=True)
