"""Generate the committed code lists ``geo/crosswalk/*.csv`` from the official attribute tables.

Run ``python -m geo.make_crosswalk`` after a source change. The CSVs are code lists (no geometry)
so the data package can validate codes without the boundary files. State ISO 3166-2 codes come
from ``pycountry``; the INE P-code of Dependencias Federales is null in the 2021 release and gets the
project code VE25 (the code used by the newer COD-AB v01 release). ``polygon_status`` says whether a
municipality has its own polygon in the geometry source (see ``geo/manual_matches.csv``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pycountry

from geo.paths import CROSSWALK_DIR, PACKAGE_DIR, source_dir
from geo.sources import read_adm1_table, read_adm2_table
from geo.text import ascii_fold, normalise

DEPENDENCIAS_PCODE = "VE25"
DEPENDENCIAS_NOTE = (
    "P-code null in INE/OCHA COD-AB 2021-02-23; project code VE25 taken from the newer COD-AB v01 "
    "release. No municipalities."
)
MANUAL_MATCHES = PACKAGE_DIR / "manual_matches.csv"
# The INE attribute field truncated or misspelt these names; ``name`` keeps the official string,
# ``name_display`` (what the map shows) restores the full name.
DISPLAY_FIXES = {
    "VE1410": "Julio César Salas",
    "VE1611": "Santa Bárbara",
    "VE1806": "Monseñor José Vicente de Unda",
    "VE2107": "José Felipe Márquez Cañizales",
}


def _iso_by_name() -> dict[str, str]:
    """Map normalised subdivision names from pycountry to ISO 3166-2 codes."""
    return {normalise(s.name): s.code for s in pycountry.subdivisions.get(country_code="VE")}


def state_table(adm1: pd.DataFrame) -> pd.DataFrame:
    """One row per official state with ISO code, P-code and names."""
    iso = _iso_by_name()
    rows = []
    for rec in adm1.itertuples():
        name = str(rec.ADM1_ES)
        code = iso.get(normalise(name))
        if code is None:
            raise ValueError(f"ADM1 row {rec.Index}: state {name!r} has no ISO 3166-2 code in pycountry")
        pcode = rec.ADM1_PCODE if isinstance(rec.ADM1_PCODE, str) and rec.ADM1_PCODE else None
        note = ""
        if pcode is None:
            if code != "VE-W":
                raise ValueError(f"ADM1 row {rec.Index}: {name!r} has no P-code")
            pcode, note = DEPENDENCIAS_PCODE, DEPENDENCIAS_NOTE
        sub = pycountry.subdivisions.get(code=code)
        rows.append({
            "iso_code": code, "pcode": pcode, "name": name, "name_ascii": ascii_fold(name),
            "iso_type": sub.type, "pcode_source": "project" if note else "INE/OCHA COD-AB 2021-02-23",
            "note": note,
        })
    out = pd.DataFrame(rows).sort_values("pcode").reset_index(drop=True)
    if len(out) != 25 or out.iso_code.duplicated().any() or out.pcode.duplicated().any():
        raise ValueError("ADM1 table must give 25 states with unique ISO codes and P-codes")
    return out


def _no_polygon() -> dict[str, tuple[str, str]]:
    """P-code → (status, note) for municipalities without an own polygon, from the manual table."""
    table = pd.read_csv(MANUAL_MATCHES, dtype=str, keep_default_na=False)
    out = {}
    for rec in table[table.kind == "no_polygon"].itertuples():
        status, _, note = rec.note.partition(" — ")
        out[rec.pcode] = (status, note)
    return out


def municipality_table(adm2: pd.DataFrame, states: pd.DataFrame) -> pd.DataFrame:
    """One row per official municipality with names, parent state codes and polygon status."""
    iso_of = dict(zip(states.pcode, states.iso_code, strict=True))
    name_of = dict(zip(states.pcode, states.name, strict=True))
    missing = _no_polygon()
    rows = []
    for rec in adm2.itertuples():
        pcode, name, parent = str(rec.ADM2_PCODE), str(rec.ADM2_ES), str(rec.ADM1_PCODE)
        if not pcode.startswith(parent) or parent not in iso_of:
            raise ValueError(f"ADM2 row {rec.Index}: {pcode} has inconsistent parent {parent}")
        ref = rec.ADM2_REF if isinstance(rec.ADM2_REF, str) and rec.ADM2_REF else ascii_fold(name)
        alt = rec.ADM2ALT1ES if isinstance(rec.ADM2ALT1ES, str) else ""
        status, note = missing.get(pcode, ("own", ""))
        display = DISPLAY_FIXES.get(pcode, name)
        if display != name:
            note = f"INE attribute reads {name!r}; display name restores {display!r}. {note}".strip()
        rows.append({
            "pcode": pcode, "name": name, "name_display": display, "name_ascii": ref,
            "name_alt": alt, "state_iso": iso_of[parent], "state_pcode": parent,
            "state_name": name_of[parent], "polygon_status": status, "note": note,
        })
    out = pd.DataFrame(rows).sort_values("pcode").reset_index(drop=True)
    if out.pcode.duplicated().any():
        raise ValueError("ADM2 table has duplicate P-codes")
    return out


def write(source: Path | None = None, out_dir: Path = CROSSWALK_DIR) -> tuple[Path, Path]:
    """Write ``states.csv`` and ``municipalities.csv``; return their paths."""
    src = source or source_dir()
    states = state_table(read_adm1_table(src))
    munis = municipality_table(read_adm2_table(src), states)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = out_dir / "states.csv", out_dir / "municipalities.csv"
    states.to_csv(paths[0], index=False, lineterminator="\n")
    munis.to_csv(paths[1], index=False, lineterminator="\n")
    return paths


if __name__ == "__main__":
    for p in write():
        print(f"wrote {p}")
