"""Map explorer: state and municipality choropleths a journalist can question, share and download.

The layout is built from the URL (``layout(lang, **params)``), so every view is a link. Geometry
is fetched by the browser once per level from ``/geo/…``; a change of indicator, source or level
sends one selection's values for all years, and the year slider and timeline redraw from them in
the browser (``assets/map.js``) without a server round trip.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dash_bootstrap_components as dbc
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

from components.bilingual_page import register_page_bilingual
from components.chart_registry import chart
from components.chart_style import graph_config
from components.choropleth import GRAPH_CONFIG
from components.dropdown import dropdown
from components.embed_snippet import embed_action
from components.map_figure import build_figure, frames_for, map_csv, shown_frame, state_panel
from components.share_link import share_link
from components.source_note import source_note
from geo import codes
from i18n import DEFAULT_LANGUAGE, is_supported, translator
from i18n.markers import N_
from pages.view_callbacks import keep_url_in_step
from views.map_view import MapView
from web.services import geometry_loaded, memoize

TITLE = N_("Map of lethal violence")
CHART = chart("map")


def _year_marks(years: list[int]) -> dict[int, str]:
    return {y: (str(y) if len(years) <= 12 or y % 2 == 0 or y == years[-1] else "") for y in years}


def _labelled(label: str, control: Any, control_id: str) -> html.Div:
    return html.Div([dbc.Label(label, html_for=control_id, className="fw-semibold mb-1"), control], className="mb-3")


def layout(lang: str, **params: object) -> Any:
    _ = translator(lang)
    view, notices = MapView.from_params(params, lang)
    if not geometry_loaded():
        notices = [_("The map cannot be drawn: the boundary files are missing on this server. "
                     "The figures are still listed in the table below."), *notices]
    frames = selection_frames(view, lang)
    rows = shown_frame(view, frames)["rows"]
    controls = html.Div(
        [
            _labelled(_("Indicator"), dropdown(lang, id="map-indicator", options=view.options("indicator", lang), value=view.indicator,
                                                   clearable=False, searchable=False), "map-indicator"),
            _labelled(_("Measure"), dbc.RadioItems(id="map-measure", options=view.options("measure", lang), value=view.measure), "map-measure"),
            _labelled(_("Source"), dropdown(lang, id="map-source", options=view.options("source", lang), value=view.producer,
                                                clearable=False, searchable=False), "map-source"),
            _labelled(_("Show"), dbc.RadioItems(
                id="map-when", value=view.when,
                options=[{"label": _("One year"), "value": "year"},
                         {"label": _("The latest figure of each place"), "value": "latest"}],
            ), "map-when"),
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
            {"name": _("Rank"), "id": "rank_label"},
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
            *[html.Button(label, id=f"map-download-{kind}", type="button", className="btn btn-outline-primary btn-sm me-2",
                          **{"data-image-format": kind, "data-image-name": CHART.file_stem(view)})
              for kind, label in (("png", _("Download PNG")), ("svg", _("Download SVG")))],
            dcc.Download(id="map-download"),
            embed_action(CHART.name, lang, _(CHART.title)),
        ],
        className="my-2",
    )
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
                    dbc.Col([controls, share_link(lang, MapView)], xs=12, lg=3),
                    dbc.Col(
                        html.Div([
                            html.P(id="map-caption", className="map-caption", **{"aria-live": "polite"}),
                            timeline,
                            dcc.Graph(id="map-graph", figure=build_figure(view, frames, lang), config=graph_config(lang, GRAPH_CONFIG),
                                      className="map-graph"),
                            html.Div(state_panel(view, lang), id="map-state-panel"),
                            downloads,
                            html.H2(_("The figures in the map"), className="h5 mt-3"),
                            table,
                            html.Div(source_note(lang, frames["source_ids"]), id="map-source-note"),
                        ], id=CHART.name, **{"data-chart-scope": CHART.name}),
                        xs=12,
                        lg=9,
                    ),
                ]
            ),
        ]
    )


def selection_frames(view: MapView, lang: str) -> dict[str, Any]:
    """The selection's values for every year, and the name its image downloads take (``{year}`` filled in
    by the browser as the year changes)."""
    return {**frames_for(view, lang), "file_stem": CHART.file_stem(replace(view, year="{year}", when="year"))}


SELECTION_CONTROLS = ("indicator", "measure", "source", "level", "view", "state")


@callback(
    output={
        "figure": Output("map-graph", "figure"),
        "frames": Output("map-frames", "data"),
        "year_min": Output("map-year", "min"),
        "year_max": Output("map-year", "max"),
        "year_marks": Output("map-year", "marks"),
        "year": Output("map-year", "value", allow_duplicate=True),
        **{f"{param}_options": Output(MapView.CONTROLS[param][0], "options") for param in MapView.DEPENDENT},
        **{param: Output(*MapView.CONTROLS[param]) for param in MapView.DEPENDENT},
        "state_panel": Output("map-state-panel", "children"),
        "source_note": Output("map-source-note", "children"),
    },
    inputs={param: Input(*MapView.CONTROLS[param]) for param in SELECTION_CONTROLS},
    state={"year": State(*MapView.CONTROLS["year"]), "lang": State("map-lang", "data")},
    prevent_initial_call=True,
)
def update_selection(lang: object, **controls: object) -> dict[str, Any]:
    """A new selection: rebuild the figure skeleton and send all its years' values once."""
    lang = lang if is_supported(lang) else DEFAULT_LANGUAGE
    return selection_outputs(MapView.from_controls(controls, lang), lang)


@memoize
def selection_outputs(view: MapView, lang: str) -> dict[str, Any]:
    """Everything a selection change sends, computed once per valid view and shared by all workers."""
    frames = selection_frames(view, lang)
    years = frames["years"]
    return {
        "figure": build_figure(view, frames, lang), "frames": frames, "year_min": years[0], "year_max": years[-1],
        "year_marks": _year_marks(years), "year": view.year,
        **{f"{param}_options": view.options(param, lang) for param in MapView.DEPENDENT},
        **{param: value for param, value in view.to_params().items() if param in MapView.DEPENDENT},
        "state_panel": state_panel(view, lang), "source_note": source_note(lang, frames["source_ids"]),
    }


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
    State("map-when", "value"),
    State("map-lang", "data"),
    prevent_initial_call=True,
)
def download_csv(clicks, indicator, measure, source, level, state, year, when, lang):
    """Exactly the rows of the table, with the source and licence written into the file."""
    if not clicks:
        raise PreventUpdate
    lang = lang if is_supported(lang) else DEFAULT_LANGUAGE
    view = MapView.from_controls({"indicator": indicator, "measure": measure, "source": source, "level": level,
                                  "state": state, "year": year, "when": when}, lang)
    return dcc.send_string(map_csv(view, lang), filename=f"{CHART.file_stem(view)}.csv")


clientside_callback(
    ClientsideFunction(namespace="map", function_name="showYear"),
    Output("map-graph", "figure", allow_duplicate=True),
    Output("map-table", "data"),
    Output("map-caption", "children"),
    Output("map-year", "value", allow_duplicate=True),
    Output("map-shown-year", "data"),
    Output("map-year", "disabled"),
    Output("map-play", "disabled"),
    Input("map-year", "value"),
    Input("map-frames", "data"),
    Input("map-when", "value"),
    State("map-shown-year", "data"),
    prevent_initial_call="initial_duplicate",
)
keep_url_in_step(MapView)
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

register_page_bilingual(__name__, "map", TITLE, layout, order=1)
