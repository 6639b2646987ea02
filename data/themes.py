"""The controlled vocabulary of practice themes: what kind of problem a documented practice addresses.

Why: a briefing must be able to match options to a state's profile *by rule* (a high share of deaths
by police intervention points to ``police_use_of_force``; a high firearm share to ``firearms``; no
official figures to ``official_data``). Free-text tags cannot be matched reliably, so every theme is
one of the ids below. ``practices.csv`` lists a practice's themes in its ``themes`` cell, separated
by ``|``; the Table Schema enforces the same list with a pattern (``THEMES_PATTERN``), and the domain
check names the unknown theme. ``data/README.md`` documents each theme.
"""

from __future__ import annotations

SEPARATOR = "|"

# id -> what a practice tagged with it does (English; the README gives the same list).
THEMES: dict[str, str] = {
    "firearms": "restricts carrying, owning or buying guns, or takes them out of circulation",
    "police_use_of_force": "limits, records or holds to account lethal force by police or the military",
    "impunity_investigation": "solves and prosecutes more homicides",
    "official_data": "produces, reconciles or publishes homicide statistics and uses them to steer policy",
    "urban_social_programmes": "invests in neighbourhoods, public services or youth programmes where violence concentrates",
    "focused_deterrence": "sets homicide targets and concentrates resources on the places or groups that drive them",
    "community_policing": "assigns officers to stable beats and links them with residents",
    "alcohol_regulation": "restricts the hours or places where alcohol is sold",
    "prison_control": "regains control of prisons or changes who is imprisoned",
    "organised_crime": "targets gangs, extortion or drug-trafficking groups",
}

_ONE = "(" + "|".join(THEMES) + ")"
THEMES_PATTERN = _ONE + r"(\|" + _ONE + ")*"


def split(cell: str) -> list[str]:
    """The themes in a ``themes`` cell, in their order (an empty cell has none)."""
    return [t for t in (cell or "").split(SEPARATOR) if t]


def unknown(cell: str) -> list[str]:
    """Themes in ``cell`` that are not in the vocabulary."""
    return [t for t in split(cell) if t not in THEMES]
