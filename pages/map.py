"""Map explorer: state and municipality choropleths a journalist can question, share and download.

The layout is built from the URL (``layout(lang, **params)``), so every view is a link. Geometry
is fetched by the browser once per level from ``/geo/…``; a change of indicator, source or level
sends one selection's values for all years, and the year slider and timeline redraw from them in
the browser (``assets/map.js``) without a server round trip.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import (
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    dash_table,
    dcc,
    html,
)
from dash.exceptions import PreventUpdate

from analysis.labels import indicator_name, unit_label
from analysis.trend_series import producer_series
from components.bilingual_page import register_page_bilingual
from components.choropleth import GRAPH_CONFIG
from components.embed_snippet import embed_action
from components.map_figure import build_figure, frames_for, map_csv, map_filename
from components.share_link import share_link
from components.source_note import source_note
from data import query
from geo import codes
from i18n import DEFAULT_LANGUAGE, is_supported, translator
from i18n.markers import N_
from views.map_view import (
    MEASURE_LABELS,
    MapView,
    map_indicators,
    measures_for,
    normalise,
    sources_for,
)
from web.cache import cache
from web.startup import READINESS

TITLE = N_("Map of lethal violence")
def _options(lang: str, view: MapView) -> dict[str, list[dict[str, str]]]:
    _ = translator(lang)
    return {
        "indicator": [{"label": indicator_name(i, lang), "value": i} for i in map_indicators(view.level)],
        "measure": [{"label": _(MEASURE_LABELS[m]), "value": m} for m in measures_for(view.indicator, view.level)],
        "source": [{"label": query.producer_name(s), "value": s} for s in sources_for(view.indicator, view.measure, view.level)],
    }


def _year_marks(years: list[int]) -> dict[int, str]:
    return {y: (str(y) if len(years) <= 12 or y % 2 == 0 or y == years[-1] else "") for y in years}


def _labelled(label: str, control: Any, control_id: str) -> html.Div:
    return html.Div([dbc.Label(label, html_for=control_id, className="fw-semibold mb-1"), control], className="mb-3")


def state_panel(view: MapView, lang: str) -> list[Any]:
    """The drilled-down state's own figures and trend, beside its municipalities."""
    if not view.state:
        return []
    _ = translator(lang)
    series, _superseded = producer_series("state", view.state, view.indicator, view.unit, view.source)
    national, _superseded = producer_series("country", "VEN", view.indicator, view.unit, view.source)
    figure = go.Figure()
    if len(national):
        figure.add_scatter(x=national["year"], y=national["value"], name=_("Venezuela"), mode="lines+markers",
                           line={"color": "#6c757d", "dash": "dot"})
    if len(series):
        figure.add_scatter(x=series["year"], y=series["value"], name=codes.state_name(view.state),
                           mode="lines+markers", line={"color": "#bd0026"})
    figure.update_layout(height=220, margin={"l": 40, "r": 10, "t": 10, "b": 30}, legend={"orientation": "h", "y": -0.25},
                         xaxis={"dtick": 2}, yaxis={"title": unit_label(view.unit, lang)})
    latest = series[series["year"] == view.year] if len(series) else series
    summary = (
        _("{name}, {year}: {value} {unit}.").format(
            name=codes.state_name(view.state), year=view.year, value=latest["value"].iloc[0], unit=unit_label(view.unit, lang)
        )
        if len(latest)
        else _("No published state-level figure for {year} in this selection.").format(year=view.year)
    )
    return [
        html.H2(codes.state_name(view.state), className="h5"),
        html.P(summary),
        dcc.Graph(figure=figure, config={"displaylogo": False, "responsive": True}, id="map-state-trend")
        if len(series) or len(national)
        else html.P(_("No published series for this state in this selection.")),
        html.Button(_("← Back to all states"), id="map-back", n_clicks=0, className="btn btn-outline-secondary btn-sm"),
    ]


def layout(lang: str, **params: object) -> Any:
    _ = translator(lang)
    view, notices = normalise(params, lang)
    if not READINESS.geometry_loaded:
        notices = [_("The map cannot be drawn: the boundary files are missing on this server. "
                     "The figures are still listed in the table below."), *notices]
    frames = frames_for(view, lang)
    options = _options(lang, view)
    rows = frames["frames"].get(str(view.year), {}).get("rows", [])
    controls = html.Div(
        [
            _labelled(_("Indicator"), dcc.Dropdown(id="map-indicator", options=options["indicator"], value=view.indicator,
                                                   clearable=False, searchable=False), "map-indicator"),
            _labelled(_("Measure"), dbc.RadioItems(id="map-measure", options=options["measure"], value=view.measure), "map-measure"),
            _labelled(_("Source"), dcc.Dropdown(id="map-source", options=options["source"], value=view.source,
                                                clearable=False, searchable=False), "map-source"),
            _labelled(_("Level"), dbc.RadioItems(
                id="map-level", value=view.level,
                options=[{"label": _("States"), "value": "state"}, {"label": _("Municipalities"), "value": "municipality"}],
            ), "map-level"),
            _labelled(_("View"), dbc.RadioItems(
                id="map-view", value=view.view,
                options=[{"label": _("Map"), "value": "map"}, {"label": _("Tile grid"), "value": "tiles"}],
            ), "map-view"),
        ],
        className="map-controls",
    )
    years = frames["years"]
    timeline = html.Div(
        [
            html.Button(_("▶ Play"), id="map-play", n_clicks=0, className="btn btn-primary btn-sm me-3",
                        **{"aria-label": _("Play the years one after another")}),
            html.Div(
                dcc.Slider(id="map-year", min=years[0], max=years[-1], step=1, value=view.year,
                           marks=_year_marks(years), included=False),
                className="flex-grow-1",
                **{"aria-label": _("Year")},
            ),
            dcc.Interval(id="map-interval", interval=1400, disabled=True),
        ],
        className="d-flex align-items-center map-timeline",
    )
    table = dash_table.DataTable(
        id="map-table",
        columns=[
            {"name": _("Rank"), "id": "rank", "type": "numeric"},
            {"name": _("Place"), "id": "place"},
            {"name": _("Value"), "id": "value", "type": "numeric"},
            {"name": _("Unit"), "id": "unit"},
            {"name": _("Year"), "id": "year", "type": "numeric"},
            {"name": _("Source"), "id": "source"},
            {"name": _("Note"), "id": "note"},
        ],
        data=rows,
        sort_action="native",
        page_size=30,
        style_table={"overflowX": "auto"},
        style_cell={"fontFamily": "inherit", "fontSize": "0.875rem", "textAlign": "left", "whiteSpace": "normal"},
        style_header={"fontWeight": "600"},
    )
    downloads = html.Div(
        [
            html.Button(_("Download CSV"), id="map-download-csv", n_clicks=0, className="btn btn-outline-primary btn-sm me-2"),
            html.Button(_("Download PNG"), id="map-download-png", n_clicks=0, className="btn btn-outline-primary btn-sm me-2"),
            html.Button(_("Download SVG"), id="map-download-svg", n_clicks=0, className="btn btn-outline-primary btn-sm me-2"),
            dcc.Download(id="map-download"),
            embed_action("map", lang, _(TITLE)),
        ],
        className="my-2",
    )
    share = share_link(lang, "map-share-url")
    return html.Div(
        [
            html.H1(_(TITLE)),
            html.Div([dbc.Alert(n, color="warning", className="py-2") for n in notices], id="map-notices", role="status"),
            dcc.Store(id="map-frames", data=frames),
            dcc.Store(id="map-state", data=view.state),
            dcc.Store(id="map-lang", data=lang),
            dcc.Store(id="map-shown-year", data=view.year),
            html.Div(id="map-url-sync", hidden=True),
            dbc.Row(
                [
                    dbc.Col([controls, share], xs=12, lg=3),
                    dbc.Col(
                        [
                            html.P(id="map-caption", className="map-caption", **{"aria-live": "polite"}),
                            timeline,
                            dcc.Graph(id="map-graph", figure=build_figure(view, frames, lang), config=GRAPH_CONFIG,
                                      className="map-graph"),
                            html.Div(state_panel(view, lang), id="map-state-panel"),
                            downloads,
                            html.H2(_("The figures in the map"), className="h5 mt-3"),
                            table,
                            html.Div(source_note(lang, frames["source_ids"]), id="map-source-note"),
                        ],
                        xs=12,
                        lg=9,
                    ),
                ]
            ),
        ]
    )


@callback(
    Output("map-graph", "figure"),
    Output("map-frames", "data"),
    Output("map-year", "min"),
    Output("map-year", "max"),
    Output("map-year", "marks"),
    Output("map-year", "value", allow_duplicate=True),
    Output("map-indicator", "options"),
    Output("map-indicator", "value"),
    Output("map-measure", "options"),
    Output("map-measure", "value"),
    Output("map-source", "options"),
    Output("map-source", "value"),
    Output("map-state-panel", "children"),
    Output("map-source-note", "children"),
    Input("map-indicator", "value"),
    Input("map-measure", "value"),
    Input("map-source", "value"),
    Input("map-level", "value"),
    Input("map-view", "value"),
    Input("map-state", "data"),
    State("map-year", "value"),
    State("map-lang", "data"),
    prevent_initial_call=True,
)
def update_selection(indicator, measure, source, level, view_kind, state, year, lang):
    """A new selection: rebuild the figure skeleton and send all its years' values once."""
    params = {"indicator": indicator, "measure": measure, "source": source, "level": level,
              "view": view_kind, "state": state, "year": str(year) if year else None}
    lang = lang if is_supported(lang) else DEFAULT_LANGUAGE
    view, _notices = normalise({k: v for k, v in params.items() if isinstance(v, str)}, lang)
    return selection_outputs(view, lang)


@cache.memoize()
def selection_outputs(view: MapView, lang: str) -> tuple:
    """Everything a selection change sends, computed once per valid view and shared by all workers."""
    frames = frames_for(view, lang)
    options = _options(lang, view)
    years = frames["years"]
    return (
        build_figure(view, frames, lang), frames, years[0], years[-1], _year_marks(years), view.year,
        options["indicator"], view.indicator, options["measure"], view.measure, options["source"], view.source,
        state_panel(view, lang), source_note(lang, frames["source_ids"]),
    )


@callback(
    Output("map-state", "data"),
    Output("map-level", "value"),
    Output("map-view", "value"),
    Input("map-graph", "clickData"),
    State("map-level", "value"),
    State("map-state", "data"),
    prevent_initial_call=True,
)
def drill_down(click, level, state):
    """Clicking a state (on the map or a tile) opens its municipalities."""
    point = (click or {}).get("points", [{}])[0]
    code = point.get("location")
    if state or level != "state" or not code or not codes.is_state(code) or not codes.municipality_pcodes(code):
        raise PreventUpdate
    return code, "municipality", "map"


@callback(
    Output("map-state", "data", allow_duplicate=True),
    Output("map-level", "value", allow_duplicate=True),
    Input("map-back", "n_clicks"),
    prevent_initial_call=True,
)
def back_to_states(clicks):
    if not clicks:
        raise PreventUpdate
    return None, "state"


@callback(
    Output("map-download", "data"),
    Input("map-download-csv", "n_clicks"),
    State("map-indicator", "value"),
    State("map-measure", "value"),
    State("map-source", "value"),
    State("map-level", "value"),
    State("map-state", "data"),
    State("map-year", "value"),
    State("map-lang", "data"),
    prevent_initial_call=True,
)
def download_csv(clicks, indicator, measure, source, level, state, year, lang):
    """Exactly the rows of the table, with the source and licence written into the file."""
    if not clicks:
        raise PreventUpdate
    params = {"indicator": indicator, "measure": measure, "source": source, "level": level, "state": state,
              "year": str(year)}
    view, _notices = normalise({k: v for k, v in params.items() if isinstance(v, str)}, lang)
    return dcc.send_string(map_csv(view, lang), filename=map_filename(view))


clientside_callback(
    ClientsideFunction(namespace="map", function_name="showYear"),
    Output("map-graph", "figure", allow_duplicate=True),
    Output("map-table", "data"),
    Output("map-caption", "children"),
    Output("map-year", "value", allow_duplicate=True),
    Output("map-shown-year", "data"),
    Input("map-year", "value"),
    Input("map-frames", "data"),
    State("map-shown-year", "data"),
    prevent_initial_call="initial_duplicate",
)
clientside_callback(
    ClientsideFunction(namespace="map", function_name="syncUrl"),
    Output("map-share-url", "value"),
    Input("map-indicator", "value"),
    Input("map-measure", "value"),
    Input("map-source", "value"),
    Input("map-year", "value"),
    Input("map-level", "value"),
    Input("map-state", "data"),
    Input("map-view", "value"),
    State("map-lang", "data"),
)
clientside_callback(
    ClientsideFunction(namespace="map", function_name="togglePlay"),
    Output("map-interval", "disabled"),
    Output("map-play", "children"),
    Input("map-play", "n_clicks"),
    State("map-interval", "disabled"),
    State("map-lang", "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="map", function_name="nextYear"),
    Output("map-year", "value"),
    Output("map-interval", "disabled", allow_duplicate=True),
    Output("map-play", "children", allow_duplicate=True),
    Input("map-interval", "n_intervals"),
    State("map-year", "value"),
    State("map-frames", "data"),
    State("map-lang", "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="map", function_name="downloadImage"),
    Output("map-download-png", "title"),
    Input("map-download-png", "n_clicks"),
    Input("map-download-svg", "n_clicks"),
    prevent_initial_call=True,
)

register_page_bilingual(__name__, "map", TITLE, layout, order=1)
