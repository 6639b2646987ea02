"""The "link to this view" box: a read-only field the page keeps equal to its URL, and a copy button."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component

from i18n import translator


def share_link(lang: str, field_id: str) -> Component:
    _ = translator(lang)
    return html.Div(
        [
            dbc.Label(_("Link to this view"), html_for=field_id, className="fw-semibold mb-1"),
            html.Div(
                [
                    dcc.Input(id=field_id, type="text", readOnly=True, value="", className="form-control form-control-sm"),
                    dcc.Clipboard(target_id=field_id, title=_("Copy link"), className="btn btn-outline-secondary btn-sm"),
                ],
                className="d-flex gap-2 align-items-center",
            ),
        ],
        className="my-3",
    )
