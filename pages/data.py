"""Data and methodology: where the figures come from, how they are checked, how to reuse them."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from components.bilingual_page import register_page_bilingual
from components.page_intro import page_intro
from i18n import translator
from i18n.markers import N_

TITLE = N_("Data, sources and methodology")
INTRO = (
    N_("Every figure in this dashboard was published by an identifiable source: the Venezuelan Violence Observatory (OVV), Venezuelan official bodies, or United Nations agencies. For each one we record the organisation, the document, its address, its date and where in it the figure appears."),
    N_("Sources often disagree: they count different things (homicides only, or all violent deaths including police killings and deaths under investigation) and divide by different population estimates. We keep each source's value side by side and never average them."),
)


def layout(lang: str, **_params: object) -> Component:
    _ = translator(lang)
    return html.Div(
        [
            *page_intro(lang, TITLE, INTRO),
            html.H2(_("Gaps"), className="h4"),
            html.P(_("Where no figure was published for a place and year, we show that no figure was published. We never fill a gap with zero or with an estimate of our own unless it is labelled as ours with its method.")),
            html.H2(_("Licences"), className="h4"),
            html.Ul(
                [
                    html.Li(_("State boundaries: Instituto Nacional de Estadística (INE), published by UN OCHA, CC BY 3.0 IGO.")),
                    html.Li(_("Municipal boundaries: geoBoundaries, from Carlos Efraín Porto Tapiquén (2015), ODbL 1.0.")),
                    html.Li(_("Figures: the terms of each source apply; our compilation is published under CC BY 4.0.")),
                ]
            ),
        ]
    )


register_page_bilingual(__name__, "data", TITLE, layout, order=5)
