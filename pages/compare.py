"""Comparisons page (filled by its own issue); until then it states honestly what it will hold."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from components.bilingual_page import register_page_bilingual
from components.page_intro import data_page_pointer, page_intro
from i18n.markers import N_

TITLE = N_("Venezuela and the region")
INTRO = (
    N_("This page will compare Venezuela’s homicide rate with other Latin American and Caribbean countries, and with the cities and states that achieved lasting reductions."),
    N_("Each good-practice case will describe what was done, the measured outcome and the evaluation it comes from."),
)


def layout(lang: str, **_params: object) -> Component:
    return html.Div([*page_intro(lang, TITLE, INTRO), data_page_pointer(lang)])


register_page_bilingual(__name__, "compare", TITLE, layout, order=3)
