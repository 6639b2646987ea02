"""A chart with everything a reader needs around it: title, short reading, the chart, a table of the
same figures, a CSV of exactly what is drawn (with source and licence lines) and the source note.

Why one component: every chart of the trends and comparison pages must carry the same apparatus, and
the CSV must be built from the very rows the chart was drawn from, never recomputed separately.
The download runs in the browser (``assets/trends.js``) from the CSV text sent with the chart.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go
from dash import MATCH, ClientsideFunction, Input, Output, State, clientside_callback, dcc, html
from dash.development.base_component import Component

from components.chart_style import graph_config
from components.data_table import table_disclosure
from components.deferred import when_visible
from components.embed_snippet import embed_action
from components.source_note import file_footer, source_header, source_note
from data.csv_safe import SafeWriter
from i18n import translator
from views.tables import chart_table

if TYPE_CHECKING:
    from components.chart_registry import Chart

DEFAULT_GRAPH_HEIGHT = 450  # px: plotly's, for a figure that sets none


@dataclass
class ChartData:
    """What one chart shows: the figure, its rows (one per drawn value) and where they come from."""

    figure: go.Figure
    columns: list[tuple[str, str]]  # (row key, English column label)
    rows: list[dict[str, Any]]
    source_ids: list[str]
    reading: str = ""
    notes: list[str] = field(default_factory=list)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # column -> code -> English name (tables)


def chart_csv(title: str, data: ChartData, lang: str) -> str:
    """The CSV of a chart: title, one line per source of the rows shipped (with the pages they were read on),
    the licence line, then exactly its rows."""
    _ = translator(lang)
    buffer = io.StringIO()
    buffer.write(f"# {title}\n")
    buffer.write(source_header(data.rows, data.source_ids, lang))
    for note in data.notes:
        buffer.write(f"# {note}\n")
    buffer.write(file_footer(lang))
    writer = SafeWriter(buffer)
    keys = [key for key, _label in data.columns]
    writer.writerow(keys)
    for row in data.rows:
        writer.writerow(["" if row.get(k) is None else row.get(k) for k in keys])
    return buffer.getvalue()


def table_id(chart_name: str) -> str:
    return f"{chart_name}-table"


def _table(chart_id: str, title: str, data: ChartData, lang: str, is_open: bool) -> Component:
    _ = translator(lang)
    table = chart_table(_("Figures of the chart: {title}").format(title=title), data.columns, data.rows, lang,
                        data.labels)
    return table_disclosure(table_id(chart_id), table, lang, _("Show the figures as a table"), is_open,
                            "chart-table my-2")


def chart_body(chart: Chart, view: object, lang: str, table_open: bool = False,
               graph_later: bool = False) -> list[Component]:
    """The parts of a chart that change with its controls (its callback returns these). The table's rows are
    drawn only when ``table_open`` (the reader had opened it before the controls changed); with
    ``graph_later`` the chart is drawn when the reader scrolls near it, in a slot of its height."""
    title = translator(lang)(chart.title)
    data: ChartData = chart.draw(view, lang)
    export = chart.export(view, lang, data.rows, data.source_ids, title=title)
    graph = dcc.Graph(id=f"{chart.name}-graph", figure=data.figure, config=graph_config(lang), className="chart-graph")
    return [
        html.P(data.reading, id=f"{chart.name}-reading", className="chart-reading", **{"aria-live": "polite"}),
        *(when_visible(f"{chart.name}-graph", graph, graph_height(data.figure)) if graph_later else [graph]),
        _table(chart.name, title, data, lang, table_open),
        dcc.Store(id={"type": "chart-csv", "chart": chart.name},
                  data={"content": chart_csv(title, data, lang), "filename": f"{export.filename}.csv"}),
        export_texts(export.as_dict()),
        source_note(lang, data.source_ids, key=f"{chart.name}-sources"),
    ]


def graph_height(figure: go.Figure) -> int:
    """The height a figure is drawn at (plotly's default when it sets none)."""
    return int(figure.layout.height or DEFAULT_GRAPH_HEIGHT)


def export_texts(texts: dict[str, str], element_id: str | None = None) -> Component:
    """The texts of the chart's PNG and SVG (title, subtitle, sources, licence, link, file name), kept in an
    attribute that ``assets/chart_export.js`` reads when a download button of the same card is pressed."""
    extra = {"id": element_id} if element_id else {}
    return html.Div(hidden=True, className="chart-export", **extra, **{"data-export": json.dumps(texts)})


def chart_card(chart: Chart, view: object, lang: str, controls: Sequence[Component],
               extra: Sequence[Component] = (), graph_later: bool = False) -> Component:
    """A section with a heading (anchor ``chart.name``), controls, the changing body, downloads and Embed.
    ``graph_later`` for a chart below the first screen: it is drawn when the reader scrolls near it."""
    _ = translator(lang)
    button = "btn btn-outline-primary btn-sm"
    stem = chart.file_stem(view, lang)
    return html.Section(
        [
            html.H2(_(chart.title), className="h4 mt-4"),
            html.P(_(chart.intro), className="text-body-secondary"),
            html.Div(list(controls), className="chart-controls d-flex flex-wrap gap-3 mb-2"),
            html.Div(chart_body(chart, view, lang, graph_later=graph_later), id=f"{chart.name}-body"),
            *extra,
            html.Div(
                [
                    html.Button(_("Download CSV"), id={"type": "chart-csv-button", "chart": chart.name}, n_clicks=0,
                                className=button),
                    html.Button(_("Download PNG"), type="button", className=button,
                                **{"data-image-format": "png", "data-image-name": stem}),
                    html.Button(_("Download SVG"), type="button", className=button,
                                **{"data-image-format": "svg", "data-image-name": stem}),
                    dcc.Download(id={"type": "chart-download", "chart": chart.name}),
                    embed_action(chart.name, lang, _(chart.title)),
                ],
                className="my-2 d-flex flex-wrap gap-2 align-items-start",
            ),
        ],
        id=chart.name,
        className="chart-card",
        **{"data-chart-scope": chart.name},
    )


def labelled(label: str, control: Component, control_id: str, width: str = "16rem") -> Component:
    return html.Div(
        [html.Label(label, htmlFor=control_id, className="form-label fw-semibold mb-1 small"), control],
        style={"minWidth": "min(100%, " + width + ")", "flex": "1 1 " + width, "maxWidth": "100%"},
    )


def source_ids_of(rows: Iterable[dict[str, Any]], key: str = "source_id") -> list[str]:
    return list(dict.fromkeys(str(r[key]) for r in rows if r.get(key)))


clientside_callback(
    ClientsideFunction(namespace="trends", function_name="downloadCsv"),
    Output({"type": "chart-download", "chart": MATCH}, "data"),
    Input({"type": "chart-csv-button", "chart": MATCH}, "n_clicks"),
    State({"type": "chart-csv", "chart": MATCH}, "data"),
    prevent_initial_call=True,
)
