"""Trends page (filled by its own issue); until then it states honestly what it will hold."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from components.bilingual_page import register_page_bilingual
from components.page_intro import data_page_pointer, page_intro
from i18n.markers import N_

TITLE = N_("Trends since the 2000s")
INTRO = (
    N_("This page will show how lethal violence in Venezuela changed over time, with the observatory, official and United Nations series side by side, never averaged into one."),
    N_("It will also show how the make-up of violent deaths shifted between homicides, police killings and deaths under investigation, and how much a rate depends on the population estimate used after millions emigrated."),
)


def layout(lang: str, **_params: object) -> Component:
    return html.Div([*page_intro(lang, TITLE, INTRO), data_page_pointer(lang)])


register_page_bilingual(__name__, "trends", TITLE, layout, order=2)
