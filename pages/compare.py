"""Venezuela and the region: ranked countries for a year, lines over time with reference lines, and
good-practice trajectories aligned and indexed, with the practice cards they link to.

The layout is built from the URL; the charts are the registry's entries for this page.
Only the first chart is drawn with the page; the others when the reader scrolls near them
(``components/deferred.py``), in slots that keep their height.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, clientside_callback, dcc, html
from dash.development.base_component import Component

from analysis.benchmark_series import country_rates, place_names
from components.benchmark_cards import practice_cards
from components.bilingual_page import register_page_bilingual
from components.chart_card import chart_card, labelled
from components.chart_registry import on_page
from components.dropdown import dropdown
from components.page_intro import data_page_pointer
from components.radio import radio_group
from components.share_link import share_link
from i18n import translator
from i18n.markers import N_
from pages.view_callbacks import keep_url_in_step, redraw_on_controls
from views.compare_view import ALIGNMENTS, DISTRIBUTOR_LABELS, CompareView

TITLE = N_("Venezuela and the region")
INTRO = N_("Venezuela's homicide rate beside the other Latin American and Caribbean countries, and beside the "
           "cities and states that cut homicides, with what they did and how it was measured.")
CHARTS = on_page("compare")


def _controls(view: CompareView, lang: str) -> dict[str, list[Component]]:
    """Each chart's own controls; the distributor's choice sits with the ranking and applies to all three."""
    _ = translator(lang)
    names = place_names(lang)
    countries = sorted((p for p in country_rates(view.distributor)["place_id"].unique() if p != "VEN"),
                       key=lambda p: names.get(p, p))
    source_control = labelled(_("UNODC copy"), radio_group(
        id="compare-source", value=view.distributor, inline=True,
        options=[{"label": _(label), "value": key} for key, label in DISTRIBUTOR_LABELS.items()]), "compare-source")
    return {
        "compare-ranking": [
            labelled(_("Year"), dropdown(lang, id="compare-year", options=view.options("year", lang), value=view.year,
                                             clearable=False), "compare-year", "8rem"),
            source_control],
        "compare-lines": [
            labelled(_("Countries"), dropdown(lang, id="compare-countries", multi=True, value=list(view.countries),
                                                  placeholder=_("Choose countries to compare with Venezuela"),
                                                  options=[{"label": names.get(p, p), "value": p} for p in countries]),
                     "compare-countries", "22rem")],
        "compare-firearms": [],
        "compare-trajectories": [
            labelled(_("Align"), radio_group(id="compare-align", value=view.align, inline=True,
                                                options=[{"label": _(v), "value": k} for k, v in ALIGNMENTS.items()]),
                     "compare-align")],
    }


def layout(lang: str, **params: object) -> Any:
    _ = translator(lang)
    view, notices = CompareView.from_params(params, lang)
    controls = _controls(view, lang)
    return html.Div([
        html.H1(_(TITLE)),
        html.P(_(INTRO)),
        html.Div([dbc.Alert(n, color="warning", className="py-2") for n in notices], id="compare-notices",
                 role="status"),
        dcc.Store(id="compare-lang", data=lang),
        html.Div(id="compare-practice-focus", hidden=True),
        html.Nav(html.Ul([*(html.Li(html.A(_(c.title), href=f"#{c.name}")) for c in CHARTS),
                          html.Li(html.A(_("Good-practice cards"), href="#compare-practices"))], className="small"),
                 **{"aria-label": _("Charts on this page")}),
        share_link(lang, CompareView),
        *[chart_card(c, view, lang, controls[c.name], graph_later=i > 0) for i, c in enumerate(CHARTS)],
        html.Section([html.H2(_("Good-practice cards"), className="h4 mt-4"),
                      html.P(_("What each place did, the outcome that was measured, the evaluation behind it and "
                               "the caveats."), className="text-body-secondary"),
                      dbc.Row(practice_cards(lang))], id="compare-practices"),
        data_page_pointer(lang),
    ])


for _chart in CHARTS:
    redraw_on_controls(_chart, "compare-lang")
keep_url_in_step(CompareView)
clientside_callback(
    ClientsideFunction(namespace="trends", function_name="focusPractice"),
    Output("compare-practice-focus", "title"),
    Input("compare-trajectories-graph", "clickData"),
    prevent_initial_call=True,
)

register_page_bilingual(__name__, "compare", TITLE, layout, order=3, view=CompareView, first_view=True)
