"""Home: what the dashboard is for and where each kind of reader should start."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from components.bilingual_page import register_page_bilingual
from i18n import translator
from i18n.markers import N_
from views.navigation import SITE_NAME, page_path

CARDS = (
    (
        "map",
        N_("Explore the map"),
        N_("Violent deaths, homicides and police killings by state and municipality, year by year, with the source of every figure."),
    ),
    (
        "trends",
        N_("Follow the trends"),
        N_("How lethal violence changed since the 2000s, with the observatory, official and UN series side by side."),
    ),
    (
        "compare",
        N_("Compare with the region"),
        N_("Venezuela against Latin American countries and the cities and states that cut homicides."),
    ),
    (
        "briefing",
        N_("Read a briefing"),
        N_("Short, printable summaries for each state, with the key figures and what worked elsewhere."),
    ),
)


def layout(lang: str, **_params: object) -> Component:
    _ = translator(lang)
    cards = [
        dbc.Col(
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H2(_(title), className="h5 card-title"),
                        html.P(_(text), className="card-text"),
                        html.A(_("Open"), href=page_path(lang, slug), className="stretched-link",
                               **{"aria-label": _(title)}),
                    ]
                ),
                className="h-100",
            ),
            xs=12,
            md=6,
            className="mb-3",
        )
        for slug, title, text in CARDS
    ]
    return html.Div(
        [
            html.H1(_(SITE_NAME)),
            html.P(
                _(
                    "Venezuela has had some of the highest homicide rates in the world, most of them "
                    "committed with firearms, and official crime statistics have been scarce since the "
                    "mid-2000s. This dashboard brings together the figures that were published — by the "
                    "Venezuelan Violence Observatory, official bodies and the United Nations — each with "
                    "its source, so that journalists, advocates and decision-makers can work from evidence."
                ),
                className="lead",
            ),
            html.P(
                _(
                    "It is part of the Reengineering of Citizen Security initiative, a community of "
                    "public-security experts, trainers and advocates working to reduce homicides through "
                    "evidence-based policy and regional good practice."
                )
            ),
            dbc.Row(cards, className="mt-4"),
        ]
    )


register_page_bilingual(__name__, "", SITE_NAME, layout, order=0,
                   description=N_("Homicides, violent deaths and firearm deaths in Venezuela, with their sources."))
