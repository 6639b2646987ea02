"""Briefings for decision-makers: an index, a national briefing and one per state, in both languages.

``/es/briefing`` lists them; ``/es/briefing/VEN`` is the national briefing and ``/es/briefing/VE-F``
a state's. Figures, charts and the sentences around them are generated from the data package
(``components/briefing_*``). The page prints as a document (``assets/print.css``): "Download PDF"
opens the browser's print dialog, where the reader saves it as PDF.
"""

from __future__ import annotations

from urllib.parse import unquote

import dash
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, clientside_callback, html
from dash.development.base_component import Component

from analysis.briefing_figures import COUNTRY, briefing, is_briefing_place, place_name
from analysis.briefing_text import lead, publication_date
from components.bilingual_page import page_title, register_page_bilingual, with_site_name
from components.briefing_sections import (
    Citations,
    compare_section,
    data_date,
    figures_section,
    municipalities_section,
    practices_section,
    sources_section,
    trend_section,
)
from components.page_intro import page_intro
from components.shell import page_frame
from geo import codes
from i18n import LANGUAGES, gettext, translator
from i18n.markers import N_
from views.navigation import page_path

TITLE = N_("Briefings for decision-makers")
INTRO = (
    N_("Briefings are short, printable summaries: a national one and one for each state, with the latest figures and their sources, how they changed, and two or three good practices from the region."),
    N_("They are generated from the same data as the rest of the dashboard and cite every figure."),
)
NATIONAL_HEADING = N_("Venezuela: national briefing")
STATE_HEADING = N_("{place}: state briefing")


def heading(code: str, lang: str) -> str:
    if code == COUNTRY:
        return gettext(lang, NATIONAL_HEADING)
    return gettext(lang, STATE_HEADING).format(place=place_name(code))


def briefing_path(lang: str, code: str) -> str:
    return page_path(lang, f"briefing/{code}")


def index(lang: str, **_params: object) -> Component:
    _ = translator(lang)
    states = [
        html.Li(html.A(codes.state_name(code), href=briefing_path(lang, code)), className="briefing-index-item")
        for code in sorted(codes.state_iso_codes(), key=lambda c: codes.state_name(c))
    ]
    return html.Div(
        [
            *page_intro(lang, TITLE, INTRO),
            html.H2(_("National briefing"), className="h4 mt-4"),
            html.P(html.A(heading(COUNTRY, lang), href=briefing_path(lang, COUNTRY), className="fw-semibold")),
            html.H2(_("State briefings"), className="h4 mt-4"),
            html.P(_("One for each of the 23 states, the Capital District and the Federal Dependencies. Where a state "
                     "has few published figures, its briefing says what is missing."), className="small"),
            html.Ul(states, className="briefing-index", id="briefing-index"),
        ]
    )


def actions(lang: str) -> Component:
    _ = translator(lang)
    return html.Div(
        [
            html.A(_("← All briefings"), href=page_path(lang, "briefing"), className="btn btn-link btn-sm ps-0"),
            html.Button(_("Download PDF"), id="briefing-print", n_clicks=0, type="button",
                        className="btn btn-primary btn-sm",
                        title=_("Opens the print dialog: choose “Save as PDF” as the destination")),
            html.Span(_("Opens the print dialog: choose “Save as PDF” as the destination."),
                      className="small text-body-secondary"),
        ],
        className="briefing-actions d-flex flex-wrap gap-2 align-items-center mb-2 no-print",
    )


def not_found(lang: str, code: str) -> Component:
    _ = translator(lang)
    shown = code if len(code) <= 40 else code[:39] + "…"
    return html.Div(
        [
            html.H1(_("No briefing for this place")),
            html.Div(dbc.Alert(_("“{value}” is not a state code. Briefings exist for Venezuela (VEN) and each state "
                                 "(for example VE-F for Bolívar).").format(value=shown), color="warning"), role="status"),
            html.P(html.A(_("See all briefings"), href=page_path(lang, "briefing"))),
        ]
    )


def place_briefing(lang: str, code: str) -> Component:
    _ = translator(lang)
    b = briefing(code)
    cite = Citations()
    opening = lead(b, lang, cite)
    sections = [
        figures_section(b, lang, cite),
        compare_section(b, lang, cite),
        municipalities_section(b, lang, cite),
        trend_section(b, lang, cite),
        practices_section(b, lang, cite),
    ]
    latest = data_date(cite)
    dateline = _("Data as of {date} (the most recent publication cited) · {site}").format(
        date=publication_date(latest, lang) if latest else "—", site=gettext(lang, "Lethal violence in Venezuela"))
    return html.Article(
        [
            actions(lang),
            html.H1(heading(code, lang)),
            html.P(dateline, className="briefing-dateline text-body-secondary"),
            html.P(opening, className="lead briefing-lead"),
            *sections,
            sources_section(lang, cite),
        ],
        className="briefing",
        id="briefing",
        **{"data-place": code},
    )


def _place_layout(lang: str):
    def layout(code: str = "", pathname: object = "", **_params: object) -> Component:
        # Dash lets a query parameter override a path variable (``?code=VE-F``): the place is read from
        # the path alone, and a briefing reads no query parameter.
        code = unquote(pathname.split("/briefing/", 1)[-1] if isinstance(pathname, str) and pathname else code)
        content = place_briefing(lang, code) if is_briefing_place(code) else not_found(lang, code)
        return page_frame(lang, "briefing", content, {})

    layout.__name__ = f"briefing_place_{lang}"
    return layout


def _place_title(lang: str):
    def title(code: str = "", **_params: object) -> str:
        code = unquote(code)
        return with_site_name(lang, heading(code, lang)) if is_briefing_place(code) else page_title(lang, TITLE)

    return title


register_page_bilingual(__name__, "briefing", TITLE, index, order=4)
for _lang in LANGUAGES:
    dash.register_page(
        f"{__name__}.place.{_lang}",
        path_template=f"/{_lang}/briefing/<code>",
        path=briefing_path(_lang, COUNTRY),
        name=heading(COUNTRY, _lang),
        title=_place_title(_lang),
        layout=_place_layout(_lang),
        order=48 + LANGUAGES.index(_lang),
    )

clientside_callback(
    ClientsideFunction(namespace="briefing", function_name="print"),
    Output("briefing-print", "title"),
    Input("briefing-print", "n_clicks"),
    prevent_initial_call=True,
)
