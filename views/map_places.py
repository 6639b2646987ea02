"""The place picker of the map: which places it offers and what picking one does.

Why it exists: shapes on a map cannot be reached with the keyboard, and on a phone a tap is not a
precise way to find a small municipality. The picker lists the states, and the municipalities of the
state on screen, so a keyboard or screen-reader user can drill down (pick a state) or select a
municipality (its panel opens) without pointing at anything.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Literal

from analysis.map_frames import places
from geo import codes
from i18n import translator
from i18n.markers import N_

MUNICIPALITY_OPTION = N_("{municipality} (municipality of {state})")


@cache
def drillable_states() -> tuple[str, ...]:
    """States whose municipalities the map can draw (Dependencias Federales has none)."""
    return tuple(s for s in codes.state_iso_codes() if places("municipality", s))


def place_options(state: str | None, lang: str) -> list[dict[str, str]]:
    """Every state, then the municipalities of ``state`` (the one drilled into), sorted by name."""
    _ = translator(lang)
    states = sorted(codes.state_iso_codes(), key=lambda c: _sort_key(codes.state_name(c)))
    options = [{"label": codes.state_name(c), "value": c} for c in states]
    if state and codes.is_state(state):
        state_name = codes.state_name(state)
        municipalities = sorted(places("municipality", state), key=lambda c: _sort_key(codes.municipality_name(c)))
        options += [{"label": _(MUNICIPALITY_OPTION).format(municipality=codes.municipality_name(c), state=state_name),
                     "value": c} for c in municipalities]
    return options


PickAction = Literal["drill", "select", "ignore"]


def pick_action(code: object, state: str | None) -> PickAction:
    """What picking ``code`` does: a state with municipalities opens them (unless already open); any other
    known place is selected; anything else (a forged value) is ignored."""
    if not isinstance(code, str):
        return "ignore"
    if code in drillable_states():
        return "ignore" if code == state else "drill"
    if codes.is_state(code) or codes.is_municipality(code):
        return "select"
    return "ignore"


def _sort_key(name: str) -> str:
    """Alphabetical order as a Spanish reader expects it (accents do not move a name to the end)."""
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)).casefold()
