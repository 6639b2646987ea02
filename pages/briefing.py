"""Briefings page (filled by its own issue); until then it states honestly what it will hold."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from components.bilingual_page import register_page_bilingual
from components.page_intro import data_page_pointer, page_intro
from i18n.markers import N_

TITLE = N_("Briefings for decision-makers")
INTRO = (
    N_("Briefings are short, printable summaries: a national one and one for each state, with the latest figures and their sources, how they changed, and two or three good practices from the region."),
    N_("They are generated from the same data as the rest of the dashboard and cite every figure."),
)


def layout(lang: str, **_params: object) -> Component:
    return html.Div([*page_intro(lang, TITLE, INTRO), data_page_pointer(lang)])


register_page_bilingual(__name__, "briefing", TITLE, layout, order=4)
