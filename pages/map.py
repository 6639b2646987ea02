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
    ctx,
    dcc,
    html,
)
from dash.exceptions import PreventUpdate

from analysis.labels import indicator_name
from analysis.map_frames import LATEST
from components.bilingual_page import register_page_bilingual
from components.chart_card import export_texts
from components.chart_registry import chart
from components.chart_style import graph_config
from components.choropleth import GRAPH_CONFIG
from components.data_table import table_disclosure
from components.dropdown import dropdown
from components.embed_snippet import embed_action
from components.map_figure import (
    build_figure,
    frames_for,
    map_caption,
    map_csv,
    map_title,
    shown_frame,
    state_panel,
)
from components.map_selection import controls_toggle, place_picker, selection_panel, year_marks
from components.radio import radio_group
from components.share_link import share_link
from components.source_note import source_note
from i18n import DEFAULT_LANGUAGE, is_supported, translator
from i18n.markers import N_
from pages.view_callbacks import keep_url_in_step
from views.map_places import drillable_states, pick_action, place_options
from views.map_view import MapView
from views.tables import Table, map_table
from web.services import geometry_loaded, memoize

TITLE = N_("Map of lethal violence")
CHART = chart("map")


def _labelled(label: str, control: Any, control_id: str) -> html.Div:
    return html.Div([dbc.Label(label, html_for=control_id, className="fw-semibold mb-1"), control], className="mb-3")


def layout(lang: str, **params: object) -> Any:
    _ = translator(lang)
    view, notices = MapView.from_params(params, lang)
    if not geometry_loaded():
        notices = [_("The map cannot be drawn: the boundary files are missing on this server. "
                     "The figures are still listed in the table below."), *notices]
    frames = selection_frames(view, lang)
    export = frames["exports"][LATEST if view.when == "latest" else str(view.year)]
    controls = html.Div(
        [
            place_picker(lang, place_options(view.state, lang), view.state),
            _labelled(_("Indicator"), dropdown(lang, id="map-indicator", options=view.options("indicator", lang), value=view.indicator,
                                                   clearable=False, searchable=False), "map-indicator"),
            _labelled(_("Measure"), radio_group(id="map-measure", options=view.options("measure", lang), value=view.measure), "map-measure"),
            _labelled(_("Source"), dropdown(lang, id="map-source", options=view.options("source", lang), value=view.producer,
                                                clearable=False, searchable=False), "map-source"),
            _labelled(_("Show"), radio_group(
                id="map-when", value=view.when,
                options=[{"label": _("One year"), "value": "year"},
                         {"label": _("The latest figure of each place"), "value": "latest"}],
            ), "map-when"),
            _labelled(_("Level"), radio_group(
                id="map-level", value=view.level,
                options=[{"label": _("States"), "value": "state"}, {"label": _("Municipalities"), "value": "municipality"}],
            ), "map-level"),
            _labelled(_("View"), radio_group(
                id="map-view", value=view.view,
                options=[{"label": _("Map"), "value": "map"}, {"label": _("Tile grid"), "value": "tiles"}],
            ), "map-view"),
        ],
        className="map-controls",
    )
    years = frames["years"]
    timeline = html.Div(
        [
            html.Button(_("▶ Play"), id="map-play", n_clicks=0, className="btn btn-primary btn-sm me-2 map-play",
                        **{"aria-label": _("Play the years one after another")}),
            html.Div(
                dcc.Slider(id="map-year", min=years[0], max=years[-1], step=1, value=view.year,
                           marks=year_marks(years), included=False),
                className="flex-grow-1 map-year",
                role="group",
                **{"aria-label": _("Year"), "data-year-label": _("Year")},
            ),
            dcc.Interval(id="map-interval", interval=1400, disabled=True),
        ],
        className="d-flex align-items-center map-timeline",
    )
    shown = shown_frame(view, frames).get("table") or map_table([], view.unit, lang, _table_caption(view, lang),
                                                                view.when == "latest", None).store()
    table = table_disclosure("map-table", Table.from_store(shown), lang, _("Show the figures in the map as a table"),
                             class_name="my-2")
    downloads = html.Div(
        [
            html.Button(_("Download CSV"), id="map-download-csv", n_clicks=0, className="btn btn-outline-primary btn-sm me-2"),
            *[html.Button(label, id=f"map-download-{kind}", type="button", className="btn btn-outline-primary btn-sm me-2",
                          **{"data-image-format": kind, "data-image-name": export["filename"]})
              for kind, label in (("png", _("Download PNG")), ("svg", _("Download SVG")))],
            dcc.Download(id="map-download"),
            export_texts(export, element_id="map-export"),
            embed_action(CHART.name, lang, _(CHART.title)),
        ],
        className="my-2",
    )
    return html.Div(
        [
            html.H1(_(TITLE)),
            html.Div([dbc.Alert(n, color="warning", className="py-2") for n in notices], id="map-notices", role="status"),
            dcc.Store(id="map-frames", data=frames),
            # "" rather than None for "no state" and "nothing selected": a store holding None reports a change
            # when it mounts, which sent the whole selection to the server again and redrew the map on every visit.
            dcc.Store(id="map-state", data=view.state or ""),
            dcc.Store(id="map-lang", data=lang),
            dcc.Store(id="map-shown-year", data=view.year),
            dcc.Store(id="map-selected", data=""),
            dcc.Store(id="map-drillable", data=list(drillable_states())),
            html.Div(id="map-url-sync", hidden=True),
            dbc.Row(
                [
                    dbc.Col([
                        controls_toggle(lang),
                        dbc.Collapse([controls, share_link(lang, MapView)], id="map-controls-collapse", is_open=False,
                                     className="map-controls-collapse"),
                    ], xs=12, lg=3),
                    dbc.Col(
                        html.Div([
                            # Written now, not only by map.showYear: a line filled in late pushed the map down.
                            html.P(map_caption(view, frames), id="map-caption", className="map-caption",
                                   **{"aria-live": "polite"}),
                            timeline,
                            html.Div([
                                html.Div(dcc.Graph(id="map-graph", figure=page_figure(view, frames, lang),
                                                   config=graph_config(lang, GRAPH_CONFIG), className="map-graph",
                                                   responsive=True),
                                         className="map-graph-box"),
                                selection_panel(lang),
                            ], className="map-stage"),
                            html.Div(state_panel(view, lang), id="map-state-panel"),
                            downloads,
                            html.H2(_("The figures in the map"), className="h5 mt-3"),
                            table,
                            html.Div(source_note(lang, frames["source_ids"], key="map-sources"), id="map-source-note"),
                        ], id=CHART.name, **{"data-chart-scope": CHART.name}),
                        xs=12,
                        lg=9,
                    ),
                ]
            ),
        ]
    )


def page_figure(view: MapView, frames: dict[str, Any], lang: str) -> Any:
    """The map as the page draws it: its height follows the screen (``.map-graph`` in ``assets/site.css``,
    shorter on a phone so the selected place's panel is near), where an embed or an image keeps a fixed one."""
    return build_figure(view, frames, lang).update_layout(height=None, autosize=True)


def selection_frames(view: MapView, lang: str) -> dict[str, Any]:
    """The selection's values for every year as the browser draws them: each frame carries its table (the
    rows themselves stay on the server, which writes the CSV from them), and for each year (and the
    latest-figure view) the texts its PNG and SVG carry and the name its files take; the browser picks the
    one shown as the year changes (``assets/map.js``)."""
    frames = frames_for(view, lang)
    years = frames["years"]
    exports = {str(year): map_export(replace(view, year=year, when="year"), frames, lang) for year in years}
    exports[LATEST] = map_export(replace(view, when="latest"), frames, lang)
    caption = _table_caption(view, lang)
    shown = {}
    for key, frame in frames["frames"].items():
        latest = key == LATEST
        base = None if latest or int(key) == years[0] else years[years.index(int(key)) - 1]
        table = map_table(frame["rows"], view.unit, lang, caption, latest, base)
        shown[key] = {**{k: v for k, v in frame.items() if k != "rows"}, "table": table.store(),
                      "panel": _panel_rows(frame["rows"], frames["source_urls"])}
    return {**frames, "frames": shown, "exports": exports}


def map_export(view: MapView, frames: dict[str, Any], lang: str) -> dict[str, str]:
    """The apparatus of the map's image for one view: the sources are those of the rows it draws."""
    rows = shown_frame(view, frames)["rows"]
    return CHART.export(view, lang, rows, sorted({r["source_id"] for r in rows}), title=map_title(view, lang)).as_dict()


def _panel_rows(rows: list[dict[str, Any]], source_urls: dict[str, str]) -> dict[str, list[Any]]:
    """What the selected place's panel shows, by place code: name, value, unit, published rank, year, source,
    the page the figure was read on (else the source's own page) and note (read by ``map.showSelection``)."""
    return {row["code"]: [row["place"], row["value_text"], row["unit"], row.get("rank_label") or "", row["year"],
                          row["source"], row.get("locator_url") or source_urls.get(row["source_id"], ""),
                          row.get("note") or ""]
            for row in rows}


def _table_caption(view: MapView, lang: str) -> str:
    _ = translator(lang)
    return _("{indicator} by place, as drawn on the map").format(indicator=indicator_name(view.indicator, lang))


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
        "figure": page_figure(view, frames, lang), "frames": frames, "year_min": years[0], "year_max": years[-1],
        "year_marks": year_marks(years), "year": view.year,
        **{f"{param}_options": view.options(param, lang) for param in MapView.DEPENDENT},
        **{param: value for param, value in view.to_params().items() if param in MapView.DEPENDENT},
        "state_panel": state_panel(view, lang), "source_note": source_note(lang, frames["source_ids"], key="map-sources"),
    }


@callback(
    Output("map-state", "data"),
    Output("map-level", "value"),
    Output("map-view", "value"),
    Input("map-drill", "n_clicks"),
    Input("map-place", "value"),
    State("map-selected", "data"),
    State("map-level", "value"),
    State("map-state", "data"),
    prevent_initial_call=True,
)
def drill_down(clicks, picked, selected, level, state):
    """Open a state's municipalities: the panel's "see its municipalities" button for the selected state
    (a tap or click only selects), or a state picked in the place picker (keyboard)."""
    if ctx.triggered_id == "map-drill":
        if not clicks or level != "state" or state or pick_action(selected, state) != "drill":
            raise PreventUpdate
        return selected, "municipality", "map"
    if pick_action(picked, state) != "drill":
        raise PreventUpdate
    return picked, "municipality", "map"


@callback(
    Output("map-place", "options"),
    Output("map-place", "value"),
    Input("map-state", "data"),
    State("map-lang", "data"),
    prevent_initial_call=True,
)
def picker_follows_state(state, lang):
    """The picker offers the municipalities of the state on screen, and shows that state as picked."""
    lang = lang if is_supported(lang) else DEFAULT_LANGUAGE
    state = state if isinstance(state, str) and state in drillable_states() else None
    return place_options(state, lang), state


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
    name = map_export(view, frames_for(view, lang), lang)["filename"]
    return dcc.send_string(map_csv(view, lang), filename=f"{name}.csv")


clientside_callback(
    ClientsideFunction(namespace="map", function_name="showYear"),
    Output("map-graph", "figure", allow_duplicate=True),
    Output({"type": "table-data", "table": "map-table"}, "data"),
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
    ClientsideFunction(namespace="map", function_name="selectPlace"),
    Output("map-selected", "data"),
    Input("map-graph", "clickData"),
    Input("map-unselect", "n_clicks"),
    Input("map-place", "value"),
    Input("map-state", "data"),
    Input("map-level", "value"),
    State("map-drillable", "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="map", function_name="showSelection"),
    Output("map-selection", "hidden"),
    Output("map-selection-name", "children"),
    Output("map-selection-value", "children"),
    Output("map-selection-fields", "hidden"),
    Output("map-selection-rank", "children"),
    Output("map-selection-year", "children"),
    Output("map-selection-source", "children"),
    Output("map-selection-source", "href"),
    Output("map-selection-note", "children"),
    Output("map-drill", "hidden"),
    Input("map-selected", "data"),
    Input("map-shown-year", "data"),
    Input("map-frames", "data"),
    Input("map-when", "value"),
    State("map-level", "value"),
    State("map-state", "data"),
    State("map-drillable", "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="map", function_name="toggleControls"),
    Output("map-controls-collapse", "is_open"),
    Output("map-controls-toggle", "aria-expanded"),
    Input("map-controls-toggle", "n_clicks"),
    State("map-controls-collapse", "is_open"),
    prevent_initial_call=True,
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

register_page_bilingual(__name__, "map", TITLE, layout, order=1, view=MapView, first_view=True)
