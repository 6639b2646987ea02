"""How the trend and comparison charts look: colour-blind-safe colours (Okabe & Ito), the shared
plotly layout and the figure that says there is nothing to draw.

Why fixed assignments: a producer or a place keeps its colour from chart to chart, so readers learn it.
Venezuela always gets vermillion and nothing else does on the comparison page.
"""

from __future__ import annotations

import plotly.graph_objects as go

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#000000", "#F0E442", "#D55E00")
VENEZUELA = "#D55E00"
OTHER_PLACE = "#7BA7CC"
REFERENCE = "#555555"
PRODUCER_COLOURS = {
    "ovv": "#D55E00",
    "unodc": "#0072B2",
    "mij": "#009E73",
    "mp": "#CC79A7",
    "ovs": "#56B4E9",
    "cicpc": "#E69F00",
    "ine": "#000000",
    "who": "#56B4E9",
}
DASHES = ("solid", "dash", "dot", "dashdot", "longdash")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon")
# Lines for non-Venezuelan places: Okabe-Ito without vermillion (kept for Venezuela) and yellow (low contrast).
PLACE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#000000")


def producer_colour(producer: str, index: int) -> str:
    return PRODUCER_COLOURS.get(producer, ("#999999", "#8c6d31", "#6b6ecf", "#636363")[index % 4])


def place_colour(index: int) -> str:
    return PLACE_COLOURS[index % len(PLACE_COLOURS)]


GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}

def empty_figure(message: str) -> go.Figure:
    """A figure that says there is nothing to draw, instead of an empty frame or zeros."""
    figure = go.Figure()
    figure.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    figure.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, height=240)
    return figure


def base_layout(figure: go.Figure, y_title: str, height: int = 440) -> go.Figure:
    """Shared look: legend under the chart (it wraps on phones), compact margins, hover by point."""
    figure.update_layout(
        height=height,
        margin={"l": 50, "r": 12, "t": 16, "b": 40},
        legend={"orientation": "h", "y": -0.18, "yanchor": "top", "x": 0, "font": {"size": 11}},
        yaxis={"title": y_title, "rangemode": "tozero", "gridcolor": "#e9ecef"},
        xaxis={"gridcolor": "#f1f3f5"},
        plot_bgcolor="#ffffff",
        hovermode="closest",
        font={"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 12},
    )
    return figure
