"""The map explorer's figure and CSV: one implementation for the map page and its embed.

Why here: the embed (``/embed/map``) must draw exactly the view the map page draws for the same
URL parameters, and its CSV must hold exactly the rows shown. Both call these functions (through the
chart registry), so they cannot drift apart.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from analysis.labels import indicator_name, unit_label
from analysis.map_frames import LATEST, selection_frames, tile_labels
from analysis.trend_series import producer_series
from components.chart_style import graph_config, localise
from components.choropleth import GRAPH_CONFIG, map_figure
from components.source_note import file_footer, source_header
from data import query
from data.csv_safe import SafeWriter
from geo import codes
from geo.documents import geometry_url
from i18n import translator
from i18n.markers import N_
from i18n.numbers import format_number
from views.map_view import MapView

MAP_TITLE = N_("Map of lethal violence")
EMPTY_FRAME: dict[str, list] = {"loc": [], "z": [], "text": [], "missing": [], "missing_text": [], "rows": []}


def geometry_for(view: MapView) -> str:
    """The geometry URL a view draws on (tile grid, states, or one state's municipalities)."""
    if view.view == "tiles":
        return geometry_url("tiles")
    return geometry_url("states" if view.level == "state" else "municipalities", view.state)


def frames_for(view: MapView, lang: str) -> dict[str, Any]:
    return selection_frames(view.indicator, view.unit, view.producer, view.level, view.state, lang)


def shown_frame(view: MapView, frames: dict[str, Any]) -> dict[str, Any]:
    """The values on screen: the year's (an empty frame when the year has none), or each place's latest."""
    return frames["frames"].get(LATEST if view.when == "latest" else str(view.year), EMPTY_FRAME)


def build_figure(view: MapView, frames: dict[str, Any], lang: str) -> go.Figure:
    _ = translator(lang)
    return localise(map_figure(
        geometry_for(view),
        shown_frame(view, frames),
        frames["colours"],
        frames["labels"],
        unit_label(view.unit, lang),
        _("No published figure"),
        tile_labels() if view.view == "tiles" else None,
    ), lang)


def _blank(value: object) -> object:
    return "" if value is None else value


def map_caption(view: MapView, frames: dict[str, Any]) -> str:
    """The sentence under the map title: what is shown, for how many places, from whom."""
    frame = shown_frame(view, frames)
    if view.when == "latest":
        return frames["latest_caption"]
    return frames["caption"].replace("{year}", str(view.year)).replace("{count}", str(len(frame["loc"])))


def map_csv(view: MapView, lang: str) -> str:
    """Exactly the rows of the view's table, with the title, sources and licence written into the file."""
    _ = translator(lang)
    rows = shown_frame(view, frames_for(view, lang))["rows"]
    buffer = io.StringIO()
    shown = _("latest published figure of each place") if view.when == "latest" else str(view.year)
    buffer.write(f"# {indicator_name(view.indicator, lang)} · {unit_label(view.unit, lang)} · {shown}\n")
    rows = [{**row, **where} for row, where in zip(rows, where_read(view, rows), strict=True)]
    buffer.write(source_header(rows, sorted({row["source_id"] for row in rows}), lang))
    buffer.write(file_footer(lang))
    writer = SafeWriter(buffer)
    writer.writerow(["code", "place", "year", "value", "unit", "rank_among_published_figures", "published_rank",
                     "published_rank_of", "published_rank_source", "source_id", "caution", "source_note",
                     "read_via", "locator_url", "locator"])
    for row in rows:
        writer.writerow([row["code"], row["place"], row["year"], row["value"], view.unit, _blank(row["rank"]),
                         _blank(row["published_rank"]), _blank(row["published_rank_of"]), row["published_rank_source"],
                         row["source_id"], row["note"], row["source_note"], row["read_via"], row["locator_url"],
                         row["locator"]])
    return buffer.getvalue()


def where_read(view: MapView, rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Where the figure of each map row was read: the press copy (``read_via``), the page and the place on it,
    from the same observation the map draws (the producer's latest release for that place and year)."""
    found: dict[tuple[str, int, str], dict[str, str]] = {}
    for year in sorted({int(r["year"]) for r in rows}):
        frame = query.producer_values(view.indicator, view.unit, view.producer, year, view.level, state=view.state)
        for record in frame.to_dict("records"):
            found[(record["code"], year, record["source_id"])] = {
                key: "" if pd.isna(record[key]) else str(record[key]) for key in ("read_via", "locator_url", "locator")}
    empty = {"read_via": "", "locator_url": "", "locator": ""}
    return [found.get((r["code"], int(r["year"]), r["source_id"]), empty) for r in rows]


@dataclass
class MapDrawing:
    """The map of one view, with what is written around it."""

    title: str
    caption: str
    figure: go.Figure
    config: dict[str, Any]
    source_ids: list[str]
    rows: list[dict[str, Any]]


def draw_map(view: MapView, lang: str) -> MapDrawing:
    """The map explorer's view as the page and its embed draw it."""
    frames = frames_for(view, lang)
    rows = shown_frame(view, frames)["rows"]
    return MapDrawing(map_title(view, lang), map_caption(view, frames), build_figure(view, frames, lang),
                      {**GRAPH_CONFIG, "responsive": True}, sorted({row["source_id"] for row in rows}), rows)


def map_title(view: MapView, lang: str) -> str:
    """"Map of lethal violence", or "…: Bolívar" for a state's municipalities."""
    title = translator(lang)(MAP_TITLE)
    return f"{title}: {codes.state_name(view.state)}" if view.state else title


def state_panel(view: MapView, lang: str) -> list[Any]:
    """The drilled-down state's own figures and trend, beside its municipalities."""
    if not view.state:
        return []
    _ = translator(lang)
    series, _superseded = producer_series("state", view.state, view.indicator, view.unit, view.producer)
    national, _superseded = producer_series("country", "VEN", view.indicator, view.unit, view.producer)
    figure = go.Figure()
    if len(national):
        figure.add_scatter(x=national["year"], y=national["value"], name=_("Venezuela"), mode="lines+markers",
                           line={"color": "#6c757d", "dash": "dot"})
    if len(series):
        figure.add_scatter(x=series["year"], y=series["value"], name=codes.state_name(view.state),
                           mode="lines+markers", line={"color": "#bd0026"})
    figure.update_layout(height=220, margin={"l": 40, "r": 10, "t": 10, "b": 30}, legend={"orientation": "h", "y": -0.25},
                         xaxis={"dtick": 2}, yaxis={"title": unit_label(view.unit, lang)})
    localise(figure, lang)
    latest = series[series["year"] == view.year] if len(series) else series
    summary = (
        _("{name}, {year}: {value} {unit}.").format(
            name=codes.state_name(view.state), year=view.year, value=format_number(float(latest["value"].iloc[0]), lang),
            unit=unit_label(view.unit, lang),
        )
        if len(latest)
        else _("No published state-level figure for {year} in this selection.").format(year=view.year)
    )
    return [
        html.H2(codes.state_name(view.state), className="h5"),
        html.P(summary),
        dcc.Graph(figure=figure, config=graph_config(lang), id="map-state-trend")
        if len(series) or len(national)
        else html.P(_("No published series for this state in this selection.")),
        html.Button(_("← Back to all states"), id="map-back", n_clicks=0, className="btn btn-outline-secondary btn-sm"),
    ]
