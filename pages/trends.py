"""Trends: national series by producer, OVV's categories, population-base sensitivity, states vs country.

The layout is built from the URL (``layout(lang, **params)``); the charts are the registry's entries
for this page, each redrawn by the callback its entry gives it (``pages/view_callbacks.py``).
Only the first chart is drawn with the page; the others when the reader scrolls near them
(``components/deferred.py``), in slots that keep their height.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, clientside_callback, dcc, html
from dash.development.base_component import Component

from analysis.labels import indicator_name, source_label
from analysis.trend_series import indicators_at, national_events
from components.bilingual_page import register_page_bilingual
from components.chart_card import chart_card, labelled
from components.chart_registry import on_page
from components.dropdown import dropdown
from components.page_intro import data_page_pointer
from components.radio import radio_group
from components.share_link import share_link
from geo import codes
from i18n import translator
from i18n.markers import N_
from pages.view_callbacks import keep_url_in_step, redraw_on_controls
from views.trends_view import MEASURES, POPULATION_INDICATORS, TrendView

TITLE = N_("Trends since the 2000s")
INTRO = N_("How lethal violence in Venezuela changed over time, as each source published it. Observatory, official "
           "and United Nations series are drawn side by side and never averaged into one.")
CHARTS = on_page("trends")


def _events_list(lang: str) -> Component:
    _ = translator(lang)
    title, text = ("title_es", "description_es") if lang == "es" else ("title_en", "description_en")
    items = [
        html.Li(
            [html.Strong(f"{r.date} · {getattr(r, title)}"), " ", getattr(r, text), " ",
             html.A(f"{_('Source')}: {source_label(r.source_id, lang)}", href=r.locator_url, target="_blank",
                    rel="noopener noreferrer")],
            id=f"event-{r.event_id}", className="trend-event",
        )
        for r in national_events().itertuples()
    ]
    return html.Details([html.Summary(_("Documented events on the timeline ({count})").format(count=len(items))),
                         html.Ol(items, className="small")], id="trends-events", className="my-2")


def _controls(view: TrendView, lang: str) -> dict[str, list[Component]]:
    """Each chart's own controls (the registry says which URL parameters they set)."""
    _ = translator(lang)
    national_options = [{"label": indicator_name(i, lang), "value": i} for i in indicators_at("country")]
    state_options = [{"label": indicator_name(i, lang), "value": i} for i in indicators_at("state")]
    state_names = [{"label": codes.state_name(c), "value": c} for c in codes.state_iso_codes()]
    return {
        "trends-national": [
            labelled(_("Indicators"), dropdown(lang, id="trends-indicators", options=national_options,
                                                   value=list(view.indicators), multi=True, clearable=False),
                     "trends-indicators", "22rem"),
            labelled(_("Unit"), radio_group(id="trends-unit", options=view.options("unit", lang), value=view.unit,
                                               inline=True), "trends-unit")],
        "trends-composition": [
            labelled(_("Show"), radio_group(id="trends-composition-measure", inline=True, value=view.composition,
                                               options=[{"label": _(v), "value": k} for k, v in MEASURES.items()]),
                     "trends-composition-measure")],
        "trends-population": [
            labelled(_("Count"), dropdown(lang, id="trends-base-indicator", clearable=False, value=view.base_indicator,
                                              options=[{"label": indicator_name(i, lang), "value": i}
                                                       for i in POPULATION_INDICATORS]), "trends-base-indicator")],
        "trends-states": [
            labelled(_("States"), dropdown(lang, id="trends-states-select", options=state_names, value=list(view.states),
                                               multi=True, placeholder=_("Choose one or more states")), "trends-states-select", "20rem"),
            labelled(_("Indicator"), dropdown(lang, id="trends-state-indicator", options=state_options, clearable=False,
                                                  value=view.state_indicator), "trends-state-indicator"),
            labelled(_("Unit"), radio_group(id="trends-state-unit", inline=True, value=view.state_unit,
                                               options=view.options("state_unit", lang)), "trends-state-unit")],
    }


def layout(lang: str, **params: object) -> Any:
    _ = translator(lang)
    view, notices = TrendView.from_params(params, lang)
    controls = _controls(view, lang)
    extras = {"trends-national": [_events_list(lang)]}
    return html.Div([
        html.H1(_(TITLE)),
        html.P(_(INTRO)),
        html.Div([dbc.Alert(n, color="warning", className="py-2") for n in notices], id="trends-notices", role="status"),
        dcc.Store(id="trends-lang", data=lang),
        html.Div(id="trends-event-focus", hidden=True),
        html.Nav(html.Ul([html.Li(html.A(_(c.title), href=f"#{c.name}")) for c in CHARTS], className="small"),
                 **{"aria-label": _("Charts on this page")}),
        share_link(lang, TrendView),
        *[chart_card(c, view, lang, controls[c.name], extras.get(c.name, []), graph_later=i > 0)
          for i, c in enumerate(CHARTS)],
        data_page_pointer(lang),
    ])


for _chart in CHARTS:
    redraw_on_controls(_chart, "trends-lang")
keep_url_in_step(TrendView)
clientside_callback(
    ClientsideFunction(namespace="trends", function_name="focusEvent"),
    Output("trends-event-focus", "title"),
    Input("trends-national-graph", "clickData"),
    prevent_initial_call=True,
)

register_page_bilingual(__name__, "trends", TITLE, layout, order=2, view=TrendView, first_view=True)
