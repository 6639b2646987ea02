"""Addresses of place pages and search, and the links a place page offers (map, briefing).

Why here: the place page, the search results, the navigation's search box and the server's 404 rule all
need the same addresses; a place's code sits in the path (``/es/place/VE0703``) so a shared link names
the place on its face.
"""

from __future__ import annotations

from urllib.parse import unquote

from analysis.place_profile import COUNTRY, is_place, level_of
from geo import codes
from i18n import is_supported
from views.navigation import page_path
from views.params import page_url

PLACE_SLUG = "place"
SEARCH_SLUG = "search"
SEARCH_PARAM = "q"


def place_path(lang: str, code: str) -> str:
    return page_path(lang, f"{PLACE_SLUG}/{code}")


def search_path(lang: str, query: str = "") -> str:
    return page_url(lang, SEARCH_SLUG, {SEARCH_PARAM: query})


def code_of_path(path: str) -> str | None:
    """The place code of a ``/{lang}/place/{code}`` path (undecoded input is decoded), else None."""
    parts = path.strip("/").split("/", 2)  # a code holding "/" (decoded %2F) is still a (wrong) code
    if len(parts) == 3 and is_supported(parts[0]) and parts[1] == PLACE_SLUG:
        return unquote(parts[2])
    return None


def is_unknown_place_path(path: str) -> bool:
    """True for a place page whose code names no place (the server answers it with status 404)."""
    code = code_of_path(path)
    return code is not None and not is_place(code)


def state_of(code: str) -> str | None:
    """The state a place belongs to or is (None for the country)."""
    level = level_of(code)
    if level == "state":
        return code
    if level == "municipality":
        return codes.state_of_municipality(code)
    return None


def map_link(lang: str, code: str) -> str:
    """The map view showing the place: the national map, or its state's municipalities."""
    state = state_of(code)
    if state is None or not codes.municipality_pcodes(state):
        return page_path(lang, "map")
    return page_url(lang, "map", {"level": "municipality", "state": state})


def briefing_link(lang: str, code: str) -> str:
    """The briefing of the place's state (the national briefing for the country)."""
    return page_path(lang, f"briefing/{state_of(code) or COUNTRY}")
