"""The map figure: our own GeoJSON by URL, a stepped colour layer and a "no published figure" layer.

The figure holds only a geometry URL and per-place values, so changing year, indicator or source
patches a few arrays; the browser fetched and cached the geometry once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from analysis.color_classes import NO_FIGURE_COLOUR, stepped_colorscale

TOPOJSON_URL = "/assets/topojson/"
GRAPH_CONFIG: dict[str, Any] = {
    "topojsonURL": TOPOJSON_URL,
    "displaylogo": False,
    "scrollZoom": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
}
VALUES, NO_FIGURE, LABELS = 0, 1, 2
MAP_HEIGHT = 520


def map_figure(
    geometry_url: str,
    frame: dict[str, list],
    colours: Sequence[str],
    legend_labels: Sequence[str],
    legend_title: str,
    no_figure_label: str,
    tile_labels: dict[str, list] | None = None,
) -> go.Figure:
    """Build the figure for one view; ``frame`` holds the values of the year shown."""
    classes = len(colours)
    figure = go.Figure()
    figure.add_trace(
        go.Choropleth(
            geojson=geometry_url,
            featureidkey="id",
            locations=frame["loc"],
            z=frame["z"],
            text=frame["text"],
            hovertemplate="%{text}<extra></extra>",
            colorscale=stepped_colorscale(colours),
            zmin=-0.5,
            zmax=classes - 0.5,
            marker_line_color="#ffffff",
            marker_line_width=0.6,
            marker_opacity=frame.get("opacity", 1),
            name="values",
            colorbar={
                "title": {"text": legend_title, "side": "top"},
                "tickvals": list(range(classes)),
                "ticktext": list(legend_labels),
                "orientation": "h",
                "y": -0.02,
                "yanchor": "top",
                "thickness": 12,
                "len": 0.9,
            },
        )
    )
    figure.add_trace(
        go.Choropleth(
            geojson=geometry_url,
            featureidkey="id",
            locations=frame["missing"],
            z=[0] * len(frame["missing"]),
            text=frame["missing_text"],
            hovertemplate="%{text}<extra></extra>",
            colorscale=[[0, NO_FIGURE_COLOUR], [1, NO_FIGURE_COLOUR]],
            showscale=False,
            marker_line_color="#ffffff",
            marker_line_width=0.6,
            name=no_figure_label,
        )
    )
    if tile_labels:
        figure.add_trace(
            go.Scattergeo(
                lon=tile_labels["lon"],
                lat=tile_labels["lat"],
                text=tile_labels["text"],
                mode="text",
                textfont={"size": 11, "color": "#111111"},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    figure.update_geos(fitbounds="geojson", visible=False, projection_type="mercator")
    figure.update_layout(
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        height=MAP_HEIGHT,
        dragmode=False,
        clickmode="event",
        paper_bgcolor="rgba(0,0,0,0)",
        geo_bgcolor="rgba(0,0,0,0)",
        uirevision=geometry_url,
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
    )
    return figure
