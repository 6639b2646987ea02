"""Dropdowns that speak the page's language.

Why a wrapper: Dash's ``dcc.Dropdown`` writes its own words in English ("3 selected", "Select All",
"Search", "No options found", "Clear selection") unless it is given ``labels``; a page that forgets
them shows English inside the Spanish interface. Every page builds its dropdowns here.
"""

from __future__ import annotations

from typing import Any

from dash import dcc

from i18n import translator
from i18n.markers import N_

LABELS = {
    "select_all": N_("Select all"),
    "deselect_all": N_("Deselect all"),
    "selected_count": N_("{num_selected} selected"),  # Dash replaces {num_selected} with the count
    "search": N_("Search"),
    "clear_search": N_("Clear search"),
    "clear_selection": N_("Clear selection"),
    "no_options_found": N_("No options found"),
}
PLACEHOLDER = N_("Choose…")


def dropdown_labels(lang: str) -> dict[str, str]:
    _ = translator(lang)
    return {key: _(text) for key, text in LABELS.items()}


def dropdown(lang: str, id: str, options: list[Any], value: Any, **kwargs: Any) -> dcc.Dropdown:
    """``dcc.Dropdown`` with its built-in texts and a placeholder in ``lang`` (``placeholder=`` overrides it)."""
    kwargs.setdefault("placeholder", translator(lang)(PLACEHOLDER))
    return dcc.Dropdown(id=id, options=options, value=value, labels=dropdown_labels(lang), **kwargs)
