"""Code lists for states and municipalities, read from the committed crosswalk CSVs.

Never touches the boundary files, so the data package can validate codes in any environment.
States are keyed by ISO 3166-2:VE (``VE-A``) and carry the INE P-code (``VE01``); municipalities
are keyed by INE P-code (``VE0101``) and carry their parent state.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from geo.paths import CROSSWALK_DIR


@cache
def states() -> pd.DataFrame:
    """All 25 states (23 estados, Distrito Capital, Dependencias Federales), ordered by P-code."""
    return pd.read_csv(CROSSWALK_DIR / "states.csv", dtype=str, keep_default_na=False)


@cache
def municipalities() -> pd.DataFrame:
    """All 335 official municipalities, ordered by P-code."""
    return pd.read_csv(CROSSWALK_DIR / "municipalities.csv", dtype=str, keep_default_na=False)


@cache
def _state_by_iso() -> dict[str, pd.Series]:
    return {row.iso_code: row for _, row in states().iterrows()}


@cache
def _muni_by_pcode() -> dict[str, pd.Series]:
    return {row.pcode: row for _, row in municipalities().iterrows()}


def state_iso_codes() -> list[str]:
    """ISO 3166-2 codes of all states, in P-code order."""
    return states().iso_code.tolist()


def municipality_pcodes(state_iso: str | None = None) -> list[str]:
    """P-codes of all municipalities, or of one state's (given its ISO code)."""
    table = municipalities()
    if state_iso is not None:
        if not is_state(state_iso):
            raise KeyError(f"Unknown state ISO code {state_iso!r}")
        table = table[table.state_iso == state_iso]
    return table.pcode.tolist()


def is_state(code: str) -> bool:
    """True if ``code`` is a state ISO 3166-2 code of this crosswalk."""
    return code in _state_by_iso()


def is_municipality(code: str) -> bool:
    """True if ``code`` is an official municipality P-code."""
    return code in _muni_by_pcode()


def state_name(iso: str) -> str:
    """Official name of a state given its ISO code (``KeyError`` if unknown)."""
    try:
        return str(_state_by_iso()[iso]["name"])
    except KeyError:
        raise KeyError(f"Unknown state ISO code {iso!r}") from None


def state_pcode(iso: str) -> str:
    """INE P-code of a state given its ISO code (VE25 is the project code of Dependencias Federales)."""
    try:
        return str(_state_by_iso()[iso]["pcode"])
    except KeyError:
        raise KeyError(f"Unknown state ISO code {iso!r}") from None


def municipality_name(pcode: str) -> str:
    """Display name of a municipality (the INE name, with truncations restored)."""
    try:
        return str(_muni_by_pcode()[pcode]["name_display"])
    except KeyError:
        raise KeyError(f"Unknown municipality P-code {pcode!r}") from None


def state_of_municipality(pcode: str) -> str:
    """ISO code of the state a municipality belongs to."""
    try:
        return str(_muni_by_pcode()[pcode]["state_iso"])
    except KeyError:
        raise KeyError(f"Unknown municipality P-code {pcode!r}") from None
