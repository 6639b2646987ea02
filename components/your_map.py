"""What the "map your own figures" page draws: the review table of the reader's rows and the map of their column.

Only drawing: which row matched what, and the classes, come from ``analysis/user_map.py``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import html

from analysis.user_map import (
    AMBIGUOUS,
    DRAWN,
    DUPLICATE,
    LEFT_OUT,
    MATCHED,
    PICKED,
    SKIP,
    UNKNOWN,
    RowMatch,
    place_label,
)
from components.choropleth import map_figure
from components.dropdown import dropdown
from i18n import translator
from i18n.markers import N_

MAX_FIX_ROWS = 60  # rows offered a picker; the others are listed, to fix in the table itself
STATUS_TEXT = {
    MATCHED: N_("matched"), PICKED: N_("chosen by you"), AMBIGUOUS: N_("several places have this name"),
    UNKNOWN: N_("not found"), DUPLICATE: N_("another row names the same place"), LEFT_OUT: N_("left out"),
}
STATUS_COLOUR = {MATCHED: "success", PICKED: "success", AMBIGUOUS: "warning", UNKNOWN: "danger", DUPLICATE: "warning",
                 LEFT_OUT: "secondary"}


def _text_colour(status: str) -> str:
    """Dark text on the yellow badges (white on yellow fails the contrast check), white on the others."""
    return "dark" if STATUS_COLOUR[status] == "warning" else "white"


def _written(match: RowMatch) -> str:
    return f"{match.written} · {match.state_written}" if match.state_written.strip() else match.written


def _picker(match: RowMatch, lang: str) -> html.Div:
    _ = translator(lang)
    options = [{"label": place_label(code), "value": code} for code in match.options]
    options.append({"label": _("Leave this row out"), "value": SKIP})
    control_id = {"type": "yourmap-pick", "row": match.line}
    label = _("Place for row {row}").format(row=match.line)
    return html.Div([
        # Dash writes a dictionary id into the page as its JSON text, keys sorted.
        html.Label(label, htmlFor=json.dumps(control_id, sort_keys=True, separators=(",", ":")),
                   className="visually-hidden"),
        dropdown(lang, id=control_id, options=options, value=None, clearable=True,
                 placeholder=_("Choose the place…") if match.options else _("Correct the name in the table, or leave the row out"),
                 style={"minWidth": "14rem"}),
    ])


def review_table(matches: Sequence[RowMatch], level: str, lang: str) -> list:
    """Rows that need the reader first (each with a picker), then the matched rows in a closed list."""
    _ = translator(lang)
    if not matches:
        return []
    attention = [m for m in matches if m.status in (AMBIGUOUS, UNKNOWN, DUPLICATE)]
    matched = [m for m in matches if m.status in DRAWN]
    left_out = [m for m in matches if m.status == LEFT_OUT]
    counts = [
        (MATCHED, len(matched)), (AMBIGUOUS, sum(m.status == AMBIGUOUS for m in matches)),
        (UNKNOWN, sum(m.status == UNKNOWN for m in matches)), (DUPLICATE, sum(m.status == DUPLICATE for m in matches)),
        (LEFT_OUT, len(left_out)),
    ]
    what = _("states") if level == "state" else _("municipalities")
    summary = html.P([
        _("{count} rows read as {level}: ").format(count=len(matches), level=what),
        *[html.Span([dbc.Badge(str(n), color=STATUS_COLOUR[s], text_color=_text_colour(s), className="me-1"), _(STATUS_TEXT[s])],
                    className="me-3 text-nowrap") for s, n in counts if n],
    ], id="yourmap-review-summary", className="mb-2")
    blocks: list = [summary]
    if attention:
        header = html.Thead(html.Tr([html.Th(_("Row"), scope="col"), html.Th(_("As written"), scope="col"),
                                     html.Th(_("What we found"), scope="col"), html.Th(_("Your choice"), scope="col")]))
        body = []
        for i, match in enumerate(attention):
            found = _(STATUS_TEXT[match.status])
            if match.status == UNKNOWN and match.options:
                found += " · " + _("similar names in the list")
            if match.status == AMBIGUOUS:
                found += " · " + _("choose one")
            body.append(html.Tr([
                html.Td(str(match.line), **{"data-label": _("Row")}),
                html.Td(_written(match), **{"data-label": _("As written")}),
                html.Td(dbc.Badge(found, color=STATUS_COLOUR[match.status], text_color=_text_colour(match.status),
                                  className="text-wrap text-start")),
                html.Td(_picker(match, lang) if i < MAX_FIX_ROWS else _("Correct it in the table above.")),
            ]))
        blocks += [
            html.H3(_("Rows to check"), className="h6 mt-3"),
            html.Div(html.Table([html.Caption(_("Rows whose place needs your choice; they are not drawn until "
                                                "you choose.")), header, html.Tbody(body)],
                                className="table table-sm align-middle yourmap-review"),
                     className="table-responsive"),
        ]
    if matched:
        rows = [html.Tr([html.Td(str(m.line)), html.Td(_written(m)), html.Td(m.code or ""),
                         html.Td(place_label(m.code) if m.code else "")]) for m in matched]
        blocks.append(html.Details([
            html.Summary(_("Matched rows ({count})").format(count=len(matched))),
            html.Div(html.Table([
                html.Thead(html.Tr([html.Th(_("Row"), scope="col"), html.Th(_("As written"), scope="col"),
                                    html.Th(_("Code"), scope="col"), html.Th(_("Official name"), scope="col")])),
                html.Tbody(rows)], className="table table-sm"), className="table-responsive"),
        ], className="mt-2"))
    return blocks


def your_map_figure(geometry_url: str, frame: dict[str, list], colours: Sequence[str], labels: Sequence[str],
                    legend_title: str, no_figure: str) -> go.Figure:
    """Our choropleth (stepped classes, grey for places without a figure) on the reader's values."""
    figure = map_figure(geometry_url, frame, colours, labels, legend_title, no_figure)
    figure.update_layout(uirevision=None)
    return figure


def messages(texts: Sequence[str], colour: str = "warning") -> list:
    """Problems as a list the reader can scan, or nothing."""
    if not texts:
        return []
    shown = list(texts[:20])
    more = len(texts) - len(shown)
    items = [html.Li(t) for t in shown] + ([html.Li(f"… (+{more})")] if more else [])
    return [dbc.Alert(html.Ul(items, className="mb-0 ps-3"), color=colour, className="py-2 small")]
