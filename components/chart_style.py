"""How the trend and comparison charts look: colour-blind-safe colours (Okabe & Ito), the shared
plotly layout and the figure that says there is nothing to draw.

Why fixed assignments: a producer or a place keeps its colour from chart to chart, so readers learn it.
Venezuela always gets vermillion and nothing else does on the comparison page.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from i18n.numbers import plotly_separators

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


# For charts with many series (the national trends draw up to a dozen): Okabe & Ito without yellow, then
# Paul Tol's colour-blind-safe "muted" scheme. Each series also gets its own marker, so colour is never
# the only cue.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000",
                  "#882255", "#44AA99", "#999933", "#332288", "#AA4499", "#117733", "#88CCEE", "#DDCC77")
# Markers and the glyph that stands for each in a line-end label. No diamond: it marks events.
SERIES_MARKERS = (("circle", "●"), ("square", "■"), ("triangle-up", "▲"), ("x", "✕"), ("star", "★"),
                  ("triangle-down", "▼"), ("hexagon", "⬢"), ("cross", "✚"), ("pentagon", "⬟"),
                  ("triangle-left", "◀"), ("triangle-right", "▶"), ("hourglass", "⧗"), ("bowtie", "⋈"))
HOVER_WIDTH = 56  # characters per hover line, so a long source title does not run off a phone screen


@dataclass(frozen=True)
class SeriesStyle:
    colour: str
    symbol: str
    glyph: str


def series_styles(producers: Sequence[str]) -> list[SeriesStyle]:
    """A distinct colour and marker for each series of one chart, given each series' producer.

    A producer's first series keeps the producer's own colour (readers learn it from chart to chart);
    its other series, and producers without a colour of their own, take the next colour that neither a
    series of the chart uses nor another producer of the chart owns. Markers follow the series order, so
    two series never share one.
    """
    owned = {PRODUCER_COLOURS[p] for p in producers if p in PRODUCER_COLOURS}
    used: set[str] = set()
    styles = []
    for index, producer in enumerate(producers):
        colour = PRODUCER_COLOURS.get(producer)
        if colour is None or colour in used:
            free = [c for c in SERIES_COLOURS if c not in used and c not in owned]
            free = free or [c for c in SERIES_COLOURS if c not in used]
            colour = free[0] if free else SERIES_COLOURS[index % len(SERIES_COLOURS)]
        used.add(colour)
        symbol, glyph = SERIES_MARKERS[index % len(SERIES_MARKERS)]
        styles.append(SeriesStyle(colour, symbol, glyph))
    return styles


def spread_labels(values: Sequence[float], gap: float, floor: float | None = None) -> list[float]:
    """Positions for labels of ``values`` (same order), as close to them as possible and at least ``gap``
    apart: labels that would overlap are stacked as a group centred on their values' mean (merged until
    no group overlaps the next); with ``floor``, no label goes below it."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    groups: list[list[int]] = []  # each a run of label indexes, in value order

    def placed(group: list[int]) -> float:  # position of the group's lowest label
        low = sum(values[i] for i in group) / len(group) - gap * (len(group) - 1) / 2
        return low if floor is None else max(low, floor)

    for index in order:
        groups.append([index])
        while len(groups) > 1 and placed(groups[-2]) + gap * len(groups[-2]) > placed(groups[-1]):
            last = groups.pop()
            groups[-1].extend(last)
    positions = [0.0] * len(values)
    for group in groups:
        low = placed(group)
        for step, index in enumerate(group):
            positions[index] = low + step * gap
    return positions


def hover_lines(*lines: str) -> str:
    """Hover text from plain lines: escaped for plotly's HTML, each wrapped at ``HOVER_WIDTH``."""
    wrapped = [html.escape(part) for line in lines if line for part in textwrap.wrap(line, HOVER_WIDTH)]
    return "<br>".join(wrapped)


def end_label_groups(xs: Sequence[float], window: float) -> list[list[int]]:
    """Indexes of line ends grouped when their x lie within ``window`` of the group's first, in x order:
    the labels of one group share a column (the group's last x) and are spread apart there."""
    groups: list[list[int]] = []
    for index in sorted(range(len(xs)), key=lambda i: xs[i]):
        if groups and xs[index] - xs[groups[-1][0]] <= window:
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def label_line_ends(figure: go.Figure, ends: Sequence[tuple[float, float, str, str]], gap: float,
                    window: float = 3) -> None:
    """Label each line where it ends (x, y, text, colour). Lines ending within ``window`` (x units) of each
    other share a column of labels at the last of their x, spread apart so none overlaps, each joined to
    its point by a thin stroke of its colour. The x axis is fixed to the data so labels do not widen it."""
    for group in end_label_groups([x for x, _y, _t, _c in ends], window):
        column = max(ends[i][0] for i in group) + 0.35
        positions = spread_labels([ends[i][1] for i in group], gap, floor=0.0)
        for index, label_y in zip(group, positions, strict=True):
            x, y, text, colour = ends[index]
            figure.add_annotation(x=x, y=y, ax=column, ay=label_y, axref="x", ayref="y", text=text,
                                  xanchor="left", showarrow=True, arrowhead=0, arrowwidth=1, arrowcolor=colour,
                                  standoff=5, font={"size": 11, "color": colour}, bgcolor="rgba(255,255,255,0.85)")
    if ends:
        xs = [x for trace in figure.data for x in (trace.x or []) if isinstance(x, int | float)]
        figure.update_xaxes(range=[min(xs) - 0.5, max(xs) + 0.5], autorange=False)


def producer_colour(producer: str, index: int) -> str:
    return PRODUCER_COLOURS.get(producer, ("#999999", "#8c6d31", "#6b6ecf", "#636363")[index % 4])


def place_colour(index: int) -> str:
    return PLACE_COLOURS[index % len(PLACE_COLOURS)]


GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


def graph_config(lang: str, base: dict[str, Any] | None = None) -> dict[str, Any]:
    """A graph's config in the page's language: plotly's toolbar, dates and numbers follow ``locale``
    (the Spanish dictionary is registered in our plotly bundle, ``tools/plotly-bundle/entry.js``).

    plotly 4 adds a "Share chart..." button that uploads the chart to Plotly Cloud (an external server,
    with an English dialog the Spanish locale does not cover); it is switched off everywhere.
    """
    return {**(GRAPH_CONFIG if base is None else base), "locale": lang, "showSendToCloud": False}


def localise(figure: go.Figure, lang: str) -> go.Figure:
    """Axis ticks and hovers with the language's decimal mark and thousands separator (``i18n.numbers``).

    plotly's own Spanish locale separates thousands with a space; ours writes 1.234,5 as the tables do.
    """
    figure.update_layout(separators=plotly_separators(lang))
    return figure


def empty_figure(message: str) -> go.Figure:
    """A figure that says there is nothing to draw, instead of an empty frame or zeros."""
    figure = go.Figure()
    figure.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    figure.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, height=240)
    return figure


def base_layout(figure: go.Figure, y_title: str, lang: str, height: int = 440) -> go.Figure:
    """Shared look: legend under the chart (it wraps on phones), compact margins, hover by point, and the
    language's number separators."""
    localise(figure, lang)
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
