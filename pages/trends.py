"""Trends: national series by producer, OVV's categories, population-base sensitivity, states vs country.

The layout is built from the URL (``layout(lang, **params)``); each chart is redrawn by its own
callback, and ``assets/trends.js`` keeps the URL in step with the controls without reloading.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, dcc, html
from dash.development.base_component import Component

from analysis.labels import indicator_name, source_label, unit_label
from analysis.trend_series import indicators_at, national_events
from components.bilingual_page import register_page_bilingual
from components.chart_card import chart_body, chart_card, labelled
from components.page_intro import data_page_pointer
from components.share_link import share_link
from components.trend_charts import composition_chart, national_chart, population_chart, state_chart
from geo import codes
from i18n import translator
from i18n.markers import N_
from views.trends_view import MEASURES, POPULATION_INDICATORS, TREND_CHARTS, common_units, normalise

TITLE = N_("Trends since the 2000s")
INTRO = N_("How lethal violence in Venezuela changed over time, as each source published it. Observatory, official "
           "and United Nations series are drawn side by side and never averaged into one.")
CHARTS = TREND_CHARTS


def _title(lang: str, key: str) -> str:
    return translator(lang)(CHARTS[key])


def _units(lang: str, units: list[str]) -> list[dict[str, str]]:
    return [{"label": unit_label(u, lang), "value": u} for u in units]


def _events_list(lang: str) -> Component:
    _ = translator(lang)
    title, text = ("title_es", "description_es") if lang == "es" else ("title_en", "description_en")
    items = [
        html.Li(
            [html.Strong(f"{r.date} · {getattr(r, title)}"), " ", getattr(r, text), " ",
             html.A(f"{_('Source')}: {source_label(r.source_id)}", href=r.locator_url, target="_blank",
                    rel="noopener noreferrer")],
            id=f"event-{r.event_id}", className="trend-event",
        )
        for r in national_events().itertuples()
    ]
    return html.Details([html.Summary(_("Documented events on the timeline ({count})").format(count=len(items))),
                         html.Ol(items, className="small")], id="trends-events", className="my-2")


def layout(lang: str, **params: object) -> Any:
    _ = translator(lang)
    view, notices = normalise(params, lang)
    national_options = [{"label": indicator_name(i, lang), "value": i} for i in indicators_at("country")]
    state_options = [{"label": indicator_name(i, lang), "value": i} for i in indicators_at("state")]
    state_names = [{"label": codes.state_name(c), "value": c} for c in codes.state_iso_codes()]
    national = chart_card(
        "trends-national", lang, _title(lang, "national"),
        _("Each line is one producer's figures for one indicator; a later report that restates a year replaces "
          "the earlier figure, which stays visible as a hollow circle. Diamonds mark documented events: click one "
          "for its source."),
        [labelled(_("Indicators"), dcc.Dropdown(id="trends-indicators", options=national_options,
                                               value=list(view.indicators), multi=True, clearable=False),
                  "trends-indicators", "22rem"),
         labelled(_("Unit"), dbc.RadioItems(id="trends-unit", options=_units(lang, common_units(list(view.indicators), "country")),
                                            value=view.unit, inline=True), "trends-unit")],
        national_chart(lang, list(view.indicators), view.unit), "venezuela_national_series.csv",
    )
    composition = chart_card(
        "trends-composition", lang, _title(lang, "composition"),
        _("OVV's national count split into homicides, deaths from police intervention, deaths under investigation "
          "and, from 2021, disappearances."),
        [labelled(_("Show"), dbc.RadioItems(id="trends-composition-measure", inline=True, value=view.composition,
                                            options=[{"label": _(v), "value": k} for k, v in MEASURES.items()]),
                  "trends-composition-measure")],
        composition_chart(lang, view.composition), "venezuela_ovv_composition.csv",
    )
    population = chart_card(
        "trends-population", lang, _title(lang, "population"),
        _("After millions of people emigrated, estimates of Venezuela's population differ by several million. "
          "Here one OVV count is divided by every population base published for the same year."),
        [labelled(_("Count"), dcc.Dropdown(id="trends-base-indicator", clearable=False, value=view.base_indicator,
                                           options=[{"label": indicator_name(i, lang), "value": i}
                                                    for i in POPULATION_INDICATORS]), "trends-base-indicator")],
        population_chart(lang, view.base_indicator), "venezuela_rates_by_population_base.csv",
    )
    states = chart_card(
        "trends-states", lang, _title(lang, "states"),
        _("Pick one or more states to draw them against the national series of the same producer. State figures "
          "are scarce: only the years a source published are drawn."),
        [labelled(_("States"), dcc.Dropdown(id="trends-states-select", options=state_names, value=list(view.states),
                                            multi=True), "trends-states-select", "20rem"),
         labelled(_("Indicator"), dcc.Dropdown(id="trends-state-indicator", options=state_options, clearable=False,
                                               value=view.state_indicator), "trends-state-indicator"),
         labelled(_("Unit"), dbc.RadioItems(id="trends-state-unit", inline=True, value=view.state_unit,
                                            options=_units(lang, common_units([view.state_indicator], "state"))),
                  "trends-state-unit")],
        state_chart(lang, list(view.states), view.state_indicator, view.state_unit), "venezuela_states_vs_country.csv",
    )
    national.children.insert(4, _events_list(lang))
    share = share_link(lang, "trends-share-url")
    return html.Div([
        html.H1(_(TITLE)),
        html.P(_(INTRO)),
        html.Div([dbc.Alert(n, color="warning", className="py-2") for n in notices], id="trends-notices", role="status"),
        dcc.Store(id="trends-lang", data=lang),
        html.Div(id="trends-event-focus", hidden=True),
        html.Nav(html.Ul([html.Li(html.A(_(label), href=f"#trends-{key}")) for key, label in CHARTS.items()],
                         className="small"), **{"aria-label": _("Charts on this page")}),
        share,
        national, composition, population, states,
        data_page_pointer(lang),
    ])


@callback(
    Output("trends-national-body", "children"),
    Output("trends-unit", "options"),
    Output("trends-unit", "value"),
    Input("trends-indicators", "value"),
    Input("trends-unit", "value"),
    State("trends-lang", "data"),
    prevent_initial_call=True,
)
def update_national(indicators, unit, lang):
    view, _notices = normalise({"indicators": ",".join(indicators or []), "unit": unit}, lang)
    units = common_units(list(view.indicators), "country")
    return (chart_body("trends-national", _title(lang, "national"),
                       national_chart(lang, list(view.indicators), view.unit), lang, "venezuela_national_series.csv"),
            _units(lang, units), view.unit)


@callback(
    Output("trends-composition-body", "children"),
    Input("trends-composition-measure", "value"),
    State("trends-lang", "data"),
    prevent_initial_call=True,
)
def update_composition(measure, lang):
    view, _notices = normalise({"composition": measure}, lang)
    return chart_body("trends-composition", _title(lang, "composition"),
                      composition_chart(lang, view.composition), lang, "venezuela_ovv_composition.csv")


@callback(
    Output("trends-population-body", "children"),
    Input("trends-base-indicator", "value"),
    State("trends-lang", "data"),
    prevent_initial_call=True,
)
def update_population(indicator, lang):
    view, _notices = normalise({"base_indicator": indicator}, lang)
    return chart_body("trends-population", _title(lang, "population"),
                      population_chart(lang, view.base_indicator), lang, "venezuela_rates_by_population_base.csv")


@callback(
    Output("trends-states-body", "children"),
    Output("trends-state-unit", "options"),
    Output("trends-state-unit", "value"),
    Input("trends-states-select", "value"),
    Input("trends-state-indicator", "value"),
    Input("trends-state-unit", "value"),
    State("trends-lang", "data"),
    prevent_initial_call=True,
)
def update_states(states, indicator, unit, lang):
    params = {"states": ",".join(states or []), "state_indicator": indicator, "state_unit": unit}
    view, _notices = normalise(params, lang)
    chosen = [s for s in view.states if s in (states or [])]
    data = state_chart(lang, chosen, view.state_indicator, view.state_unit)
    return (chart_body("trends-states", _title(lang, "states"), data, lang,
                       "venezuela_states_vs_country.csv"),
            _units(lang, common_units([view.state_indicator], "state")), view.state_unit)


clientside_callback(
    ClientsideFunction(namespace="trends", function_name="syncTrendsUrl"),
    Output("trends-share-url", "value"),
    Input("trends-indicators", "value"),
    Input("trends-unit", "value"),
    Input("trends-composition-measure", "value"),
    Input("trends-base-indicator", "value"),
    Input("trends-states-select", "value"),
    Input("trends-state-indicator", "value"),
    Input("trends-state-unit", "value"),
    State("trends-lang", "data"),
)
clientside_callback(
    ClientsideFunction(namespace="trends", function_name="focusEvent"),
    Output("trends-event-focus", "title"),
    Input("trends-national-graph", "clickData"),
    prevent_initial_call=True,
)

register_page_bilingual(__name__, "trends", TITLE, layout, order=2)
