"""Home: the latest figures first, so a reader who goes no further still leaves with a number, its year and
who published it; then the states on a small map, what changed most, what was added, and the briefings.

Why no plotly here: the front page is most people's first visit, often on a phone; the map is a static SVG
and everything else is text, so the page costs no more than the site's shell.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from analysis.home_figures import (
    COUNTRY,
    Figure,
    biggest_changes,
    latest_national,
    newest_additions,
    oldest_year_shown,
    state_map,
)
from analysis.labels import indicator_name, unit_label
from analysis.state_shapes import state_outlines
from components.bilingual_page import register_page_bilingual
from components.home_map import state_label
from components.home_map import state_map as map_figure
from components.home_sections import additions_list, briefing_links, changes_list, figure_group
from components.source_note import source_note
from data import query
from geo import codes
from i18n import translator
from i18n.markers import N_
from views.briefing_view import BriefingView
from views.map_view import MapView
from views.navigation import SITE_NAME, page_path

GROUP_TEXTS = {
    "rates": (
        N_("Homicide and violent-death rates"),
        N_("Each producer's latest national figure, from {year} or later. They count different things and are "
           "never averaged: OVV's violent deaths add deaths from police intervention and deaths under "
           "investigation to homicides."),
    ),
    "state_killings": (
        N_("Killings by state security forces"),
        N_("Each producer's latest national count, from {year} or later; human-rights monitors count only the "
           "cases they could document."),
    ),
}
SECTIONS = (
    ("map", N_("Explore the map")),
    ("trends", N_("Follow the trends")),
    ("compare", N_("Compare with the region")),
    ("data", N_("Download the data")),
)


def _briefing_href(lang: str, code: str) -> str:
    return BriefingView(code).url(lang)


def _place(figure: Figure) -> str:
    return "Venezuela" if figure.code == COUNTRY else codes.state_name(figure.code)


def _figures(lang: str) -> Component:
    _ = translator(lang)
    groups = []
    for key, (title, intro) in GROUP_TEXTS.items():
        headlines = latest_national(key)
        if headlines:
            groups.append(figure_group(_(title), _(intro).format(year=oldest_year_shown(key)), headlines, lang,
                                       f"home-{key}"))
    return html.Section([html.H2(_("Latest national figures"), className="h4"), *groups], id="home-figures")


def _map(lang: str) -> Component:
    _ = translator(lang)
    view = MapView.from_params({}, lang)[0]
    try:
        outlines = state_outlines()
    except FileNotFoundError:
        outlines = None
    if outlines is None or view.year is None:
        return html.P(_("The map is not available: the boundary files have not been built."), className="small")
    figures = state_map(view.indicator, view.unit, view.producer, view.year)
    unit_text = unit_label(view.unit, lang)
    action = _("Open its briefing")

    def label_of(code: str) -> str:
        figure = figures.values.get(code)
        return state_label(codes.state_name(code), None if figure is None else figure.value, unit_text, lang, action)

    what = _("{indicator} {unit} in {year}, according to {producer}.").format(
        indicator=indicator_name(view.indicator, lang), unit=unit_text, year=view.year,
        producer=query.producer_name(view.producer, lang))
    caption = [
        what, " ",
        _("{count} of {total} states have a published figure; grey: none published. Choose a state for its "
          "briefing.").format(count=len(figures.values), total=len(codes.state_iso_codes())),
        " ", html.A(_("Open this map in the explorer"), href=view.url(lang), id="home-map-explore"),
    ]
    return html.Section(
        [
            html.H2(_("The states"), className="h4"),
            map_figure(outlines, figures, lang, lambda code: _briefing_href(lang, code), label_of,
                       _("Map of the states of Venezuela: {what}").format(what=what), caption),
            source_note(lang, figures.source_ids),
        ],
        id="home-map-section",
    )


def _changes(lang: str) -> Component:
    _ = translator(lang)
    return html.Section(
        [
            html.H2(_("Biggest changes"), className="h4"),
            html.P(_("The largest rises and falls, in rate points, between the last two consecutive years a "
                     "producer published for the country or a state. Each compares a producer's figures with "
                     "its own."), className="small"),
            changes_list(biggest_changes(), _place, lambda f: _briefing_href(lang, f.code), lang),
        ],
        id="home-changes-section",
    )


def _additions(lang: str) -> Component:
    _ = translator(lang)
    return html.Section(
        [html.H2(_("Newest data"), className="h4"),
         additions_list(newest_additions(), lang, page_path(lang, "data") + "#whats-new")],
        id="home-additions-section",
    )


def _briefings(lang: str) -> Component:
    _ = translator(lang)
    states = sorted(codes.state_iso_codes(), key=codes.state_name)
    links = [("Venezuela", _briefing_href(lang, COUNTRY))]
    links += [(codes.state_name(code), _briefing_href(lang, code)) for code in states]
    return html.Section(
        [html.H2(_("Briefings"), className="h4"),
         html.P(_("Short, printable summaries for the country and each state, with the key figures and what "
                  "worked elsewhere."), className="small"),
         briefing_links(links, lang)],
        id="home-briefings-section",
    )


def layout(lang: str, **_params: object) -> Component:
    _ = translator(lang)
    explore = [html.A(_(label), href=page_path(lang, slug), className="btn btn-outline-primary btn-sm me-2 mb-2")
               for slug, label in SECTIONS]
    return html.Div(
        [
            html.H1(_(SITE_NAME)),
            html.P(_("Homicides, violent deaths and killings by security forces in Venezuela, as each source "
                     "published them, with the source of every figure."), className="lead home-lead"),
            dbc.Row(
                [dbc.Col(_figures(lang), lg=8, className="mb-3"), dbc.Col(_map(lang), lg=4, className="mb-3")],
            ),
            dbc.Row(
                [dbc.Col(_changes(lang), lg=7, className="mb-3"), dbc.Col(_additions(lang), lg=5, className="mb-3")],
            ),
            _briefings(lang),
            html.Section(
                [
                    html.H2(_("About this dashboard"), className="h4 mt-4"),
                    html.P(_(
                        "Venezuela has had some of the highest homicide rates in the world, most of them "
                        "committed with firearms, and official crime statistics have been scarce since the "
                        "mid-2000s. This dashboard brings together the figures that were published — by the "
                        "Venezuelan Violence Observatory, official bodies and the United Nations — each with "
                        "its source, so that journalists, advocates and decision-makers can work from evidence."
                    )),
                    html.P(_(
                        "It is part of the Reengineering of Citizen Security initiative, a community of "
                        "public-security experts, trainers and advocates working to reduce homicides through "
                        "evidence-based policy and regional good practice."
                    )),
                    html.Nav(explore, **{"aria-label": _("Sections")}),
                ],
                id="home-about",
            ),
        ]
    )


register_page_bilingual(__name__, "", SITE_NAME, layout, order=0, document=True,
                   description=N_("Homicides, violent deaths and firearm deaths in Venezuela, with their sources."))
