"""The one table of the dashboard: a plain, accessible HTML table with a small sort.

Why not Dash's DataTable (deprecated) or dash-ag-grid: a ``<table>`` with a ``<caption>``, ``<th scope>``
and sort buttons that announce ``aria-sort`` is read correctly by every screen reader and costs a few
hundred bytes of script (``assets/tables.js``), where AG Grid's bundle weighs about 600 KB compressed.
The first column names the row and stays in view while the table scrolls sideways on a phone.

The server draws the rows on the first visit; sorting, and the map's year slider, redraw them in the
browser from the cells sent with the table (``views/tables.py``), with no round trip.

A table beside a chart or the map sits in a ``<details>`` (``table_disclosure``) and its rows are not drawn
until the reader opens it: hundreds of rows nobody sees cost seconds of React work on a phone's first paint.
Opening it fires the element's ``toggle`` event, which ``assets/tables.js`` turns into the table's
``table-open`` store; the rows are then drawn in the browser from the cells already sent, for the view shown
at that moment (the map's year, the chart's controls).
"""

from __future__ import annotations

from typing import Any

from dash import ALL, MATCH, ClientsideFunction, Input, Output, State, clientside_callback, dcc, html
from dash.development.base_component import Component

from i18n import translator
from views.tables import Cell, Table


def _cell(cell: Cell, header: bool, numeric: bool) -> Component:
    text, _sort, href = cell
    content: Any = html.A(text, href=href, target="_blank", rel="noopener") if href else text
    if header:
        return html.Th(content, scope="row")
    return html.Td(content, className="num" if numeric else None)


def table_rows(table: Table) -> list[Component]:
    """The body rows as the browser redraws them (``tables.js`` builds the same elements)."""
    numeric = [c.numeric for c in table.columns]
    return [html.Tr([_cell(cell, i == 0, numeric[i]) for i, cell in enumerate(row)]) for row in table.rows]


def data_table(table_id: str, table: Table, lang: str, caption_hidden: bool = False,
               filter_label: str | None = None, rows_drawn: bool = True) -> Component:
    """A scrollable region holding the table; ``table_id`` is the id of the region (tests and links use it).
    ``filter_label`` adds a search box that keeps the rows containing its text (long lists: the sources).
    ``rows_drawn=False`` sends the cells but leaves the body empty until the ``table-open`` store says the
    reader opened the table (``table_disclosure``)."""
    _ = translator(lang)
    head = [
        html.Th(
            html.Button(
                [html.Span(column.label, id={"type": "table-label", "table": table_id, "column": index}),
                 html.Span(className="sort-mark", **{"aria-hidden": "true"})],
                id={"type": "table-sort", "table": table_id, "column": index},
                type="button",
                className="table-sort",
                n_clicks=0,
            ),
            id={"type": "table-head", "table": table_id, "column": index},
            scope="col",
            className="num" if column.numeric else None,
        )
        for index, column in enumerate(table.columns)
    ]
    caption_id = f"{table_id}-caption"
    search: list[Component] = []
    if filter_label:
        # The box sits inside its label, so the label names it whatever id Dash writes for a dict id.
        search = [html.Label(
            [html.Span(filter_label, className="d-block small fw-semibold mb-1"),
             dcc.Input(id={"type": "table-filter", "table": table_id}, type="search", value="",
                       className="form-control form-control-sm", autoComplete="off")],
            className="table-filter d-block mb-2",
        )]
    texts = {
        "sorted": _("Sorted by {column}, {order}."), "ascending": _("ascending"), "descending": _("descending"),
        "shown": _("{shown} of {total} rows shown."),
    }
    return html.Div(
        [
            *search,
            html.Div(
                html.Table(
                    [
                        html.Caption(
                            html.Span([table.caption, html.Span(" " + _("Sort by a column with its header's button."),
                                                                className="visually-hidden")],
                                      className="caption-text"),
                            id=caption_id,
                            className="visually-hidden" if caption_hidden else None,
                        ),
                        html.Thead(html.Tr(head)),
                        html.Tbody(table_rows(table) if rows_drawn else [],
                                   id={"type": "table-body", "table": table_id}),
                    ],
                    className="data-table",
                ),
                id=table_id + "-region",
                className="table-scroll",
                role="region",
                tabIndex="0",
                **{"aria-labelledby": caption_id},
            ),
            html.P(id={"type": "table-status", "table": table_id}, className="visually-hidden", role="status"),
            dcc.Store(id={"type": "table-data", "table": table_id}, data=table.store()),
            dcc.Store(id={"type": "table-order", "table": table_id},
                      data={"column": None, "descending": False, "filter": "", "texts": texts}),
            dcc.Store(id={"type": "table-open", "table": table_id}, data=rows_drawn),
        ],
        id=table_id,
        className="data-table-wrap",
    )


def table_disclosure(table_id: str, table: Table, lang: str, summary: str, is_open: bool = False,
                     class_name: str = "") -> Component:
    """The table behind a ``<summary>`` that says a table is there (keyboard and screen readers reach it as
    any disclosure); its rows are drawn once it is opened. ``is_open`` keeps it open, rows drawn, when a
    callback redraws it for a reader who had opened it (the ``table-open`` store is the callback's State)."""
    return html.Details(
        [html.Summary(summary), data_table(table_id, table, lang, rows_drawn=is_open)],
        open=is_open,
        className=" ".join(["table-disclosure", class_name]).strip(),
        **{"data-table": table_id},
    )


def table_open_state(table_id: str) -> State:
    """Whether the reader has opened the table ``table_id`` (for a callback that redraws it)."""
    return State({"type": "table-open", "table": table_id}, "data")


clientside_callback(
    ClientsideFunction(namespace="tables", function_name="sort"),
    Output({"type": "table-order", "table": MATCH}, "data"),
    Input({"type": "table-sort", "table": MATCH, "column": ALL}, "n_clicks"),
    State({"type": "table-order", "table": MATCH}, "data"),
    State({"type": "table-data", "table": MATCH}, "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="tables", function_name="filter"),
    Output({"type": "table-order", "table": MATCH}, "data", allow_duplicate=True),
    Input({"type": "table-filter", "table": MATCH}, "value"),
    State({"type": "table-order", "table": MATCH}, "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="tables", function_name="render"),
    Output({"type": "table-body", "table": MATCH}, "children"),
    Output({"type": "table-head", "table": MATCH, "column": ALL}, "aria-sort"),
    Output({"type": "table-label", "table": MATCH, "column": ALL}, "children"),
    Output({"type": "table-status", "table": MATCH}, "children"),
    Input({"type": "table-data", "table": MATCH}, "data"),
    Input({"type": "table-order", "table": MATCH}, "data"),
    Input({"type": "table-open", "table": MATCH}, "data"),
    prevent_initial_call=True,
)
