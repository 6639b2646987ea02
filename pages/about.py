"""About: who makes the dashboard, why, and how to reuse or correct it."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from components.bilingual_page import register_page_bilingual
from components.page_intro import data_page_pointer, page_intro
from i18n import translator
from i18n.markers import N_

TITLE = N_("About this dashboard")
INTRO = (
    N_("The dashboard is a project of the Reengineering of Citizen Security initiative, a knowledge community of public-security experts, trainers and advocates who work to reduce homicides in Venezuela by replacing heavy-handed, short-term measures with evidence-based public policy and regional good practice."),
    N_("It gathers figures that are otherwise scattered across reports, press releases and statistical databases. We do not produce new counts: we compile published ones, keep each source's value beside the others when they disagree, and say where every number was read."),
)


def layout(lang: str, **_params: object) -> Component:
    _ = translator(lang)
    return html.Div(
        [
            *page_intro(lang, TITLE, INTRO),
            html.H2(_("Reuse and corrections"), className="h4"),
            html.P(_("Charts can be embedded in other sites and the data downloaded, with attribution. If you find a figure that is wrong or missing, tell us with the source where it was published and we will check it.")),
            html.H2(_("Accessibility"), className="h4"),
            html.P(_("Every map has a table with the same figures, colours are chosen to be readable with colour-blindness, and all controls work with a keyboard.")),
            data_page_pointer(lang),
        ]
    )


register_page_bilingual(__name__, "about", TITLE, layout, order=6, document=True)
