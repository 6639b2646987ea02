"""The map explorer's view as a figure and as a CSV: one implementation for the map page and its embed.

Why here: the embed (``/embed/map``) must draw exactly the view the map page draws for the same
URL parameters, and its CSV must hold exactly the rows shown. Both pages call these functions, so
they cannot drift apart.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import plotly.graph_objects as go
from dash import dcc

from analysis.labels import indicator_name, source_record, unit_label
from analysis.map_frames import selection_frames, tile_labels
from components.choropleth import GRAPH_CONFIG, map_figure
from components.embed_frame import EmbedContent
from geo import codes
from geo.serve import geometry_url
from i18n import translator
from i18n.markers import N_
from views.map_view import MapView, normalise

MAP_TITLE = N_("Map of lethal violence")
EMBED_MAP_HEIGHT = 420
LICENCE_LINE = N_("Licence: each source's terms apply; this compilation CC BY 4.0.")
EMPTY_FRAME: dict[str, list] = {"loc": [], "z": [], "text": [], "missing": [], "missing_text": [], "rows": []}


def geometry_for(view: MapView) -> str:
    """The geometry URL a view draws on (tile grid, states, or one state's municipalities)."""
    if view.view == "tiles":
        return geometry_url("tiles")
    return geometry_url("states" if view.level == "state" else "municipalities", view.state)


def frames_for(view: MapView, lang: str) -> dict[str, Any]:
    return selection_frames(view.indicator, view.unit, view.source, view.level, view.state, lang)


def shown_frame(view: MapView, frames: dict[str, Any]) -> dict[str, Any]:
    """The values of the year on screen (an empty frame when the year has none)."""
    return frames["frames"].get(str(view.year), EMPTY_FRAME)


def build_figure(view: MapView, frames: dict[str, Any], lang: str) -> go.Figure:
    _ = translator(lang)
    return map_figure(
        geometry_for(view),
        shown_frame(view, frames),
        frames["colours"],
        frames["labels"],
        unit_label(view.unit, lang),
        _("No published figure"),
        tile_labels() if view.view == "tiles" else None,
    )


def map_caption(view: MapView, frames: dict[str, Any]) -> str:
    """The sentence under the map title: what is shown, for how many places, from whom."""
    frame = shown_frame(view, frames)
    return frames["caption"].replace("{year}", str(view.year)).replace("{count}", str(len(frame["loc"])))


def map_csv(view: MapView, lang: str) -> str:
    """Exactly the rows of the view's table, with the title, sources and licence written into the file."""
    _ = translator(lang)
    rows = shown_frame(view, frames_for(view, lang))["rows"]
    buffer = io.StringIO()
    buffer.write(f"# {indicator_name(view.indicator, lang)} · {unit_label(view.unit, lang)} · {view.year}\n")
    source_word = _("Source")
    for source_id in sorted({row["source_id"] for row in rows}):
        record = source_record(source_id)
        buffer.write(f"# {source_word} {source_id}: {record.get('organisation', '')} — {record.get('title', '')} — "
                     f"{record.get('url', '')}\n")
    buffer.write(f"# {_(LICENCE_LINE)}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["code", "place", "year", "value", "unit", "rank", "source_id", "caution", "source_note"])
    for row in rows:
        writer.writerow([row["code"], row["place"], row["year"], row["value"], view.unit, row["rank"], row["source_id"],
                         row["note"], row["source_note"]])
    return buffer.getvalue()


def map_filename(view: MapView) -> str:
    return f"venezuela_{view.indicator}_{view.level}_{view.year}.csv"


def map_embed(params: Mapping[str, object], lang: str) -> EmbedContent:
    """The map explorer's view for these URL parameters, corrected the same way the page corrects them."""
    _ = translator(lang)
    view, notices = normalise(dict(params), lang)
    frames = frames_for(view, lang)
    figure = build_figure(view, frames, lang)
    figure.update_layout(height=EMBED_MAP_HEIGHT)
    title = _(MAP_TITLE)
    if view.state:
        title = f"{title}: {codes.state_name(view.state)}"
    rows = shown_frame(view, frames)["rows"]
    return EmbedContent(
        title=title,
        subtitle=map_caption(view, frames),
        chart=dcc.Graph(id="embed-graph", figure=figure, config={**GRAPH_CONFIG, "responsive": True},
                        className="embed-graph", style={"height": f"{EMBED_MAP_HEIGHT}px"}),
        source_ids=sorted({row["source_id"] for row in rows}),
        full_view=f"/{lang}/map?{urlencode(view.query_params())}",
        csv_text=map_csv(view, lang),
        csv_filename=map_filename(view),
        image_name=f"venezuela_{view.indicator}_{view.level}_{view.year}",
        notices=notices,
    )
