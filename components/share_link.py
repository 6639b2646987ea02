"""The "link to this view" box: a read-only field the page keeps equal to its URL, and a copy button
(a real ``<button>``: ``dcc.Clipboard`` draws a ``div`` a keyboard cannot reach)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component

from i18n import translator


def share_link(lang: str, view: type) -> Component:
    """The box for a page whose view class is ``view``; the store tells the browser which controls set
    which URL parameter (``views.syncUrl`` in ``assets/trends.js`` writes the URL from them)."""
    _ = translator(lang)
    field_id = share_field_id(view)
    return html.Div(
        [
            dbc.Label(_("Link to this view"), html_for=field_id, className="fw-semibold mb-1"),
            html.Div(
                [
                    dcc.Input(id=field_id, type="text", readOnly=True, value="", className="form-control form-control-sm"),
                    # A real button (reached with Tab, pressed with Enter or Space); assets/shell.js copies.
                    html.Button(_("Copy"), id=f"{view.SLUG}-share-copy", type="button", n_clicks=0,
                                className="btn btn-outline-secondary btn-sm text-nowrap",
                                **{"data-copy-target": field_id, "data-copy-status": f"{view.SLUG}-share-status",
                                   "data-copied": _("Copied"), "aria-label": _("Copy link")}),
                ],
                className="d-flex gap-2 align-items-center",
            ),
            html.Div(id=f"{view.SLUG}-share-status", role="status", className="visually-hidden",
                     **{"data-copied": _("The link was copied."), "data-failed": _("Select the link and copy it.")}),
            dcc.Store(id=url_keys_id(view), data={"slug": view.SLUG, "keys": list(view.CONTROLS), "lang": lang,
                                                     "defaults": getattr(view, "URL_DEFAULTS", {})}),
        ],
        className="my-3",
    )


def share_field_id(view: type) -> str:
    return f"{view.SLUG}-share-url"


def url_keys_id(view: type) -> str:
    return f"{view.SLUG}-url-keys"
