"""Find places by what people type: a name, a former name, a code, with or without accents.

Why a search beside the resolver (``geo.names``): the resolver must refuse to guess, because it turns a
name into a code that data is filed under. A reader looking for a place is better served by every
candidate at once: "Sucre" is a state and eleven municipalities, "callao" is part of "El Callao", and
"Calao" is a typo whose nearest names we can offer. The folding and the alias table are the resolver's,
so a name the resolver accepts is always found here.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from geo import codes
from geo.names import _aliases, _fold
from geo.text import normalise

COUNTRY = "VEN"
MAX_QUERY = 80  # characters kept from what was typed; longer input is cut, never an error
MAX_PARTIAL = 40  # places listed whose name only contains the words typed
MAX_SUGGESTIONS = 5
_CODE = re.compile(r"^(VE-[A-Z]|VE\d{2}|VE\d{4}|VEN)$")
_COUNTRY_NAMES = ("Venezuela", "República Bolivariana de Venezuela")


@dataclass(frozen=True)
class Place:
    """One place a search found: its level, code and official name; ``state`` for a municipality."""

    level: str  # country, state or municipality
    code: str  # VEN, an ISO 3166-2 code (VE-F) or a municipality P-code (VE0703)
    name: str
    state: str = ""  # ISO code of the parent state (municipalities only)
    alias: str = ""  # the former or other name that matched, when it was not the official one
    exact: bool = True  # False: the name only contains the words typed


@dataclass(frozen=True)
class SearchResult:
    query: str  # what was searched for, trimmed and bounded
    places: tuple[Place, ...]  # exact matches first, then names containing the words typed
    suggestions: tuple[Place, ...] = ()  # nearest names when nothing matched


def clean_query(text: object) -> str:
    """What was typed, as a bounded single-line string (URL input can be anything)."""
    value = text[0] if isinstance(text, list) and text else text
    if not isinstance(value, str):
        return ""
    printable = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in value[: MAX_QUERY * 4])
    return " ".join(printable.split())[:MAX_QUERY]


@dataclass(frozen=True)
class _Entry:
    keys: tuple[str, ...]
    place: Place


def _place(level: str, code: str, alias: str = "") -> Place:
    if level == "state":
        return Place("state", code, codes.state_name(code), alias=alias)
    if level == "municipality":
        return Place("municipality", code, codes.municipality_name(code), codes.state_of_municipality(code), alias)
    return Place("country", COUNTRY, "Venezuela", alias=alias)


def _keys(name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for k in (_fold(name), normalise(name)) if k))


@cache
def _entries() -> tuple[_Entry, ...]:
    """Every name a place is known by (official, ASCII, alternative, aliases), with its folded keys."""
    entries = [_Entry(_keys(name), _place("country", COUNTRY)) for name in _COUNTRY_NAMES]
    for row in codes.states().itertuples():
        for name in {row.name, row.name_ascii}:
            entries.append(_Entry(_keys(name), _place("state", row.iso_code)))
    for row in codes.municipalities().itertuples():
        for name in {row.name, row.name_display, row.name_ascii, row.name_alt} - {""}:
            entries.append(_Entry(_keys(name), _place("municipality", row.pcode)))
    for row in _aliases().itertuples():
        for code in row.code.split("|"):
            entries.append(_Entry(_keys(row.alias), _place(row.kind, code, alias=row.alias)))
    return tuple(entries)


def _by_code(text: str) -> Place | None:
    upper = text.upper()
    if not _CODE.match(upper):
        return None
    if upper == COUNTRY:
        return _place("country", COUNTRY)
    if codes.is_state(upper):
        return _place("state", upper)
    if codes.is_municipality(upper):
        return _place("municipality", upper)
    state = codes.states()[codes.states().pcode == upper]
    return _place("state", str(state.iso_code.iloc[0])) if len(state) else None


def _order(place: Place) -> tuple:
    level = {"country": 0, "state": 1, "municipality": 2}[place.level]
    state = codes.state_name(place.state) if place.state else ""
    return (not place.exact, level, normalise(place.name), normalise(state))


def _unique(places: list[Place]) -> list[Place]:
    """One row per place; an official-name match wins over an alias match of the same place."""
    best: dict[str, Place] = {}
    for place in places:
        kept = best.get(place.code)
        if kept is None or (kept.alias and not place.alias) or (not kept.exact and place.exact):
            best[place.code] = place
    return sorted(best.values(), key=_order)


def _contains(key: str, query: str) -> bool:
    """True when every word typed starts a word of the name ("callao" in "el callao")."""
    words = key.split()
    return all(any(w.startswith(q) for w in words) for q in query.split())


def search(text: object) -> SearchResult:
    """Every place whose name, former name or code matches ``text``; nearest names when none does."""
    query = clean_query(text)
    folded = {k for k in (_fold(query), normalise(query)) if k}
    if not folded:
        return SearchResult(query, ())
    coded = _by_code(query.strip())
    if coded is not None:
        return SearchResult(query, (coded,))
    exact = [e.place for e in _entries() if folded & set(e.keys)]
    partial = [Place(**{**e.place.__dict__, "exact": False}) for e in _entries()
               if not folded & set(e.keys) and any(_contains(k, q) for k in e.keys for q in folded)]
    found = _unique(exact + partial)
    if found:
        exact_found = [p for p in found if p.exact]
        return SearchResult(query, tuple(exact_found + [p for p in found if not p.exact][:MAX_PARTIAL]))
    return SearchResult(query, (), tuple(nearest(query)))


def nearest(text: str, limit: int = MAX_SUGGESTIONS) -> list[Place]:
    """The places whose names are closest in spelling to ``text`` (for a typo: "Calao" → El Callao)."""
    key = normalise(text)
    by_key: dict[str, list[Place]] = {}
    for entry in _entries():
        for k in entry.keys:
            by_key.setdefault(k, []).append(entry.place)
    close = difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.6)
    places: dict[str, Place] = {}
    for k in close:  # closest spelling first
        for place in sorted(by_key[k], key=_order):
            places.setdefault(place.code, place)
    return list(places.values())[:limit]
