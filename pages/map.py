"""Map page (filled by its own issue); until then it states honestly what it will hold."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from components.bilingual_page import register_page_bilingual
from components.page_intro import data_page_pointer, page_intro
from i18n.markers import N_

TITLE = N_("Map of lethal violence")
INTRO = (
    N_("This page will show Venezuela’s states and municipalities coloured by the published rate or count of violent deaths, homicides, deaths from police intervention and deaths under investigation, year by year and source by source."),
    N_("Places with no published figure will be drawn as such, never as zero, and every value will be available as a table and a download."),
)


def layout(lang: str, **_params: object) -> Component:
    return html.Div([*page_intro(lang, TITLE, INTRO), data_page_pointer(lang)])


register_page_bilingual(__name__, "map", TITLE, layout, order=1)
