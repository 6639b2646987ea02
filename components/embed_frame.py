"""What an embedded chart looks like inside another site's ``<iframe>``: the chart, its title, one
source line, downloads and a small link back to the full view. No navigation, no footer.

Why a data-URI CSV link: the CSV is built on the server from the very rows drawn and needs no
callback or second request, so it works even when the host page throttles the frame. PNG and SVG
are made in the browser from the drawn chart (``assets/embed.js``).
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from numbers import Real
from urllib.parse import quote

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import dcc, html
from dash.development.base_component import Component

from analysis.labels import source_label, source_organisation, source_record
from i18n import translator
from views.navigation import SITE_NAME, page_path


@dataclass
class EmbedContent:
    """One chart ready to embed; every text is already translated."""

    title: str
    subtitle: str
    chart: Component
    source_ids: list[str]
    full_view: str  # path of the same view on the dashboard
    csv_text: str
    csv_filename: str
    image_name: str  # file name (without extension) of the PNG and SVG downloads
    notices: list[str] = field(default_factory=list)
    export: dict[str, str] = field(default_factory=dict)  # texts written into the PNG/SVG (views/export_text.py)


EmbedBuilder = Callable[[Mapping[str, object], str], EmbedContent]


AXIS_TITLE_COLOUR = "#495057"  # as the frame's subtitle (4.5:1 and more on white)
MAX_LABEL_STEPS = 8  # steps between the first and last year label: 9 four-digit years fit a 390-px frame upright
LEGEND_LINE = 44  # characters of a legend entry's line: a longer one at 11 px runs out of a 390-px frame
ROUND_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)


def label_step(span: float, step: float) -> float:
    """The page's step, or the smallest round step above it that keeps the labels few enough."""
    if span / step <= MAX_LABEL_STEPS:
        return step
    for candidate in ROUND_STEPS:
        if candidate > step and span / candidate <= MAX_LABEL_STEPS:
            return float(candidate)
    return float(ROUND_STEPS[-1])


def fit_axes(figure: go.Figure) -> go.Figure:
    """Axis labels that fit a frame of any width: nothing is cut, few enough labels to read.

    Why: the page charts label every year or every second year (``dtick``), which a phone-sized
    frame can only draw turned on end and cut ("201"). A frame labels round years, at most
    ``MAX_LABEL_STEPS`` steps apart whatever its width (left to plotly, a phone got only two years
    of ten), and every margin grows to hold its labels (``automargin``). Axis titles longer than a phone-sized plot move to where they
    have the frame's width: the vertical one above the plot, read across as in Datawrapper's
    charts; the title under horizontal bars, whose long place names leave the plot narrow, ends at
    the plot's right edge.
    """
    xaxis = figure.layout.xaxis
    if xaxis.dtick is not None and xaxis.type in (None, "-", "linear"):
        values = [float(x) for trace in figure.data for x in _xs(trace) if isinstance(x, Real)]
        step = label_step(max(values) - min(values), float(xaxis.dtick)) if values else float(xaxis.dtick)
        if step != float(xaxis.dtick):
            figure.update_xaxes(dtick=step, tick0=0, tickmode="linear", tickformat="d")
    figure.update_xaxes(automargin=True)
    figure.update_yaxes(automargin=True)
    margin = figure.layout.margin
    y_title = figure.layout.yaxis.title.text
    if y_title and figure.layout.yaxis.type != "category":
        figure.update_yaxes(title_text="")
        figure.add_annotation(text=y_title, xref="paper", yref="paper", x=0, y=1, xanchor="left", yanchor="bottom",
                              yshift=6, showarrow=False, font={"size": 11, "color": AXIS_TITLE_COLOUR})
        figure.update_layout(margin={"t": (margin.t if margin.t is not None else 16) + 20})
    x_title = figure.layout.xaxis.title.text
    if x_title and any(getattr(t, "orientation", None) == "h" for t in figure.data):
        figure.update_xaxes(title_text="")
        figure.add_annotation(text=x_title, xref="paper", yref="paper", x=1, y=0, xanchor="right", yanchor="top",
                              yshift=-22, showarrow=False, font={"size": 11, "color": AXIS_TITLE_COLOUR})
        figure.update_layout(margin={"b": max(margin.b or 0, 48)})
    for trace in figure.data:  # plotly never wraps a legend entry, which a phone-sized frame cuts
        if trace.name and len(trace.name) > LEGEND_LINE and "<br>" not in trace.name:
            trace.name = "<br>".join(textwrap.wrap(trace.name, LEGEND_LINE, break_long_words=False))
    return figure


def _xs(trace: object) -> list[object]:
    xs = getattr(trace, "x", None)
    return [] if xs is None else list(xs)


MAP_HEIGHTS = (420, 380)  # px: the map in a frame, wide and phone-sized (the country is wider than tall)
PLOT_MIN_HEIGHT = 320  # px: a phone-sized frame's plot, axes and margins, before the legend's rows
LEGEND_ROW = 20  # px: one line of the legend on a phone, where each entry takes a row of its own


def legend_lines(figure: go.Figure) -> int:
    """How many lines the legend's entries take when each has a row of its own (plotly lists no
    entry for a lone trace unless asked; a wrapped entry takes one line per ``<br>``)."""
    if figure.layout.showlegend is False:
        return 0
    shown = [t for t in figure.data if t.showlegend is not False]
    if len(figure.data) == 1:
        shown = [t for t in shown if t.showlegend]
    return sum((t.name or "").count("<br>") + 1 for t in shown)


def graph_heights(figure: go.Figure, kind: str) -> tuple[int, int]:
    """(wide, phone) heights of a frame's chart: the page's own height, and on a phone room for the
    legend's lines on top of a readable plot."""
    if kind == "map":
        return MAP_HEIGHTS
    wide = int(figure.layout.height or 420)
    return wide, max(wide, PLOT_MIN_HEIGHT + LEGEND_ROW * legend_lines(figure))


def embed_graph(figure: go.Figure, config: Mapping[str, object], kind: str) -> Component:
    """The chart of a frame, as tall as its stylesheet says for the frame's width (``assets/embed.css``).

    ``responsive=True`` lets the stylesheet set the height from the two given here, and plotly redraws
    when the frame changes width. Never from the frame's height: the host fits the frame to the content.
    """
    if kind != "map":
        fit_axes(figure)
    wide, phone = graph_heights(figure, kind)
    figure.update_layout(height=None, autosize=True)
    graph = dcc.Graph(id="embed-graph", figure=figure,
                      config={**config, "responsive": True}, responsive=True, className="embed-graph")
    # The box carries the height: a responsive graph fills its parent (Dash sets its own height to 100%).
    return html.Div(graph, className=f"embed-graph-box embed-graph-{kind}",
                    style={"--chart-height": f"{wide}px", "--chart-height-phone": f"{phone}px"})


def csv_href(text: str) -> str:
    return "data:text/csv;charset=utf-8," + quote("\ufeff" + text)


def source_links(source_ids: list[str], lang: str) -> list[Component | str]:
    """Each document's label, linked where it has an address, opening outside the frame."""
    parts: list[Component | str] = []
    for index, source_id in enumerate(source_ids):
        if index:
            parts.append("; ")
        url = source_record(source_id).get("url", "")
        label = source_label(source_id, lang)
        parts.append(html.A(label, href=url, target="_blank", rel="noopener noreferrer") if url.startswith("http") else label)
    return parts


def source_line(lang: str, source_ids: list[str]) -> Component:
    """One line under the chart: the source when there is one, else a summary that opens the list.

    Why collapsed: a national series cites some 36 documents, which filled a phone-sized frame; the
    summary names their organisations and their number, and the list opens in place.
    """
    _ = translator(lang)
    shown = list(dict.fromkeys(source_ids))
    if len(shown) <= 1:
        parts: list[Component | str] = [html.Strong(_("Source: "))]
        parts.extend(source_links(shown, lang) if shown else [_("no published figure in this selection.")])
        return html.P(parts, className="embed-source mb-1")
    organisations = dict.fromkeys(source_organisation(s, lang) or source_label(s, lang) for s in shown)
    summary = html.Summary(
        [html.Strong(_("Sources ({count}): ").format(count=len(shown))), ", ".join(organisations)],
        className="embed-source-summary",
        title=_("Show every source"),
    )
    return html.Details([summary, html.P(source_links(shown, lang), className="embed-source-list mb-0")],
                        className="embed-source mb-1")


def downloads(lang: str, content: EmbedContent) -> Component:
    _ = translator(lang)
    button = "btn btn-outline-secondary btn-sm"
    return html.Div(
        [
            html.A(_("CSV"), href=csv_href(content.csv_text), download=content.csv_filename, className=button,
                   id="embed-download-csv", title=_("Download the figures shown, with their sources")),
            html.Button(_("PNG"), className=button, id="embed-download-png", type="button",
                        **{"data-image-format": "png", "data-image-name": content.image_name}),
            html.Button(_("SVG"), className=button, id="embed-download-svg", type="button",
                        **{"data-image-format": "svg", "data-image-name": content.image_name}),
        ],
        className="embed-downloads d-flex flex-wrap gap-1",
        **{"aria-label": _("Downloads")},
    )


def embed_frame(lang: str, chart_name: str, content: EmbedContent) -> Component:
    _ = translator(lang)
    back = html.Span([
        html.A(_("Open in the dashboard ↗"), href=content.full_view, target="_blank", rel="noopener",
               className="embed-back"),
        html.Span(_("Compilation: CC BY 4.0."), className="embed-licence"),
    ], className="embed-credit")
    return html.Main(
        [
            notices_block(content.notices),
            html.H1(content.title, className="embed-title"),
            html.P(content.subtitle, className="embed-subtitle") if content.subtitle else None,
            html.Div(content.chart, className="embed-chart", **{"data-chart-root": chart_name}),
            source_line(lang, content.source_ids),
            html.Div([back, downloads(lang, content)], className="embed-footer"),
        ],
        id="embed-root",
        lang=lang,
        className="embed",
        **{"data-chart": chart_name, "data-chart-scope": "1", "data-export": json.dumps(content.export)},
    )


def notices_block(notices: list[str]) -> Component:
    return html.Div([dbc.Alert(n, color="warning", className="py-1 px-2 mb-1 small") for n in notices],
                    id="embed-notices", role="status")


def unknown_chart_frame(lang: str, requested: str, available: list[str], notices: list[str]) -> Component:
    """A small translated notice inside the frame (never an error page) when the chart does not exist."""
    _ = translator(lang)
    shown = requested if len(requested) <= 40 else requested[:39] + "…"
    message = _("There is no chart called “{name}” to embed. Charts that can be embedded: {charts}.").format(
        name=shown, charts=", ".join(available)
    )
    return html.Main(
        [
            notices_block([*notices, message]),
            html.H1(_(SITE_NAME), className="embed-title"),
            html.P(html.A(_("Open the dashboard ↗"), href=page_path(lang), target="_blank", rel="noopener")),
        ],
        id="embed-root",
        lang=lang,
        className="embed",
        **{"data-chart": ""},
    )
