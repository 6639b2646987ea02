"""Resolve the names people write to state ISO codes and municipality P-codes.

Matching is exact on a folded key (see ``geo.text.normalise``): accents, case, punctuation and
prefixes such as "Municipio", "Estado" or "Autónomo" are ignored, and old names and spellings come
from the documented table ``geo/aliases.csv``. There is no fuzzy matching: an unknown name raises
``UnknownName`` and a name with several candidates raises ``AmbiguousName`` listing them. A
municipality name is only resolved within its state (there are seven "Libertador").
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from functools import cache

import pandas as pd

from geo import codes
from geo.paths import PACKAGE_DIR
from geo.text import ascii_fold, normalise

__all__ = ["AmbiguousName", "UnknownName", "normalise", "resolve_municipality", "resolve_state"]

ALIASES = PACKAGE_DIR / "aliases.csv"
_ISO = re.compile(r"^VE-[A-Z]$")
_STATE_PCODE = re.compile(r"^VE\d{2}$")
_MUNI_PCODE = re.compile(r"^VE\d{4}$")
_GENERIC = re.compile(r"^(?:(?:municipio|mcpio|mun|estado|edo)\s+)+")

Index = dict[str, set[str]]


class UnknownName(ValueError):  # noqa: N818 - name fixed by the team interface
    """The name matches no state or municipality (it is never guessed)."""


class AmbiguousName(ValueError):  # noqa: N818 - name fixed by the team interface
    """The name matches several codes; the message lists the candidates."""


def _fold(text: str) -> str:
    """Looser-than-exact key: accents, case, punctuation and generic words only."""
    key = re.sub(r"[^0-9a-z]+", " ", ascii_fold(str(text)).lower()).strip()
    return _GENERIC.sub("", key) or key


@cache
def _aliases() -> pd.DataFrame:
    return pd.read_csv(ALIASES, dtype=str, keep_default_na=False)


def _add(indexes: tuple[Index, Index], name: str, codes_: set[str]) -> None:
    if name:
        indexes[0][_fold(name)] |= codes_
        indexes[1][normalise(name)] |= codes_


@cache
def _state_index() -> tuple[Index, Index]:
    idx: tuple[Index, Index] = (defaultdict(set), defaultdict(set))
    for row in codes.states().itertuples():
        for name in (row.name, row.name_ascii):
            _add(idx, name, {row.iso_code})
    for row in _aliases()[lambda t: t.kind == "state"].itertuples():
        _add(idx, row.alias, set(row.code.split("|")))
    return idx


@cache
def _muni_index(state_iso: str) -> tuple[Index, Index]:
    idx: tuple[Index, Index] = (defaultdict(set), defaultdict(set))
    table = codes.municipalities()
    for row in table[table.state_iso == state_iso].itertuples():
        for name in (row.name, row.name_display, row.name_ascii, row.name_alt):
            _add(idx, name, {row.pcode})
    aliases = _aliases()
    for row in aliases[(aliases.kind == "municipality") & (aliases.state_iso == state_iso)].itertuples():
        _add(idx, row.alias, set(row.code.split("|")))
    return idx


def _lookup(idx: tuple[Index, Index], text: str) -> set[str]:
    """Exact folded key first (so full official names win), then the prefix-stripped key."""
    hit = idx[0].get(_fold(text))
    if hit:
        return hit
    return idx[1].get(normalise(text), set())


def _describe_state(iso: str) -> str:
    return f"{codes.state_name(iso)} ({iso})"


def _describe_muni(pcode: str) -> str:
    state = codes.state_name(codes.state_of_municipality(pcode))
    return f"{codes.municipality_name(pcode)} ({state}, {pcode})"


def _suggest(text: str, names: list[str]) -> str:
    close = difflib.get_close_matches(normalise(text), [normalise(n) for n in names], n=3)
    return f" Similar official names (not used): {', '.join(close)}." if close else ""


def resolve_state(text: str) -> str:
    """Return the ISO 3166-2 code for a state name, ISO code or INE P-code."""
    raw = str(text).strip()
    upper = raw.upper()
    if _ISO.match(upper) and codes.is_state(upper):
        return upper
    if _STATE_PCODE.match(upper):
        match = codes.states()[codes.states().pcode == upper]
        if len(match) == 1:
            return str(match.iso_code.iloc[0])
    hits = _lookup(_state_index(), raw)
    if len(hits) == 1:
        return next(iter(hits))
    if hits:
        listed = "; ".join(_describe_state(c) for c in sorted(hits))
        raise AmbiguousName(f"State name {text!r} is ambiguous: {listed}.")
    names = codes.states().name.tolist()
    raise UnknownName(f"Unknown state name {text!r}.{_suggest(raw, names)}")


def municipality_candidates(text: str) -> list[str]:
    """P-codes in any state whose name matches ``text`` (for messages and review, not resolution)."""
    found: set[str] = set()
    for iso in codes.state_iso_codes():
        found |= _lookup(_muni_index(iso), text)
    return sorted(found)


def resolve_municipality(text: str, state: str | None) -> str:
    """Return the P-code of municipality ``text`` in ``state`` (a state name, ISO code or P-code).

    Without a state the name is refused (``AmbiguousName`` lists the candidates across states).
    """
    raw = str(text).strip()
    if not state:
        found = municipality_candidates(raw)
        if not found:
            raise UnknownName(f"Unknown municipality name {text!r} (no state given).")
        listed = "; ".join(_describe_muni(c) for c in found)
        raise AmbiguousName(f"Municipality {text!r} needs its state; candidates: {listed}.")
    iso = resolve_state(state)
    upper = raw.upper()
    if _MUNI_PCODE.match(upper) and codes.is_municipality(upper):
        if codes.state_of_municipality(upper) != iso:
            raise UnknownName(f"Municipality {upper} is not in {_describe_state(iso)}.")
        return upper
    hits = _lookup(_muni_index(iso), raw)
    if len(hits) == 1:
        return next(iter(hits))
    if hits:
        listed = "; ".join(_describe_muni(c) for c in sorted(hits))
        raise AmbiguousName(f"Municipality {text!r} in {_describe_state(iso)} is ambiguous: {listed}.")
    table = codes.municipalities()
    names = table[table.state_iso == iso].name_display.tolist()
    elsewhere = municipality_candidates(raw)
    where = (
        f" It exists in other states: {'; '.join(_describe_muni(c) for c in elsewhere)}."
        if elsewhere else ""
    )
    raise UnknownName(
        f"Unknown municipality name {text!r} in {_describe_state(iso)}.{where}{_suggest(raw, names)}"
    )
