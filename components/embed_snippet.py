"""The "Embed" action under a chart: a button that reveals the code for the chart's current view,
ready to copy: an ``<iframe>`` and, as Datawrapper's responsive embed code does, a small script
served by us (``/embed/resize.js``) that fits the frame's height to the chart.

Why clientside: the view lives in the page URL (the map rewrites it with ``history.replaceState``
as the reader changes controls), so the snippet is built in the browser at click time from
``location`` (``assets/embed.js``). Charts whose view is not in the page URL pass ``params``. The panel
itself (text box, copy button, note) is built there too, on the first press: a page has an Embed action per
chart, and few readers open one, so their forms are not mounted with the page.
"""

from __future__ import annotations

from collections.abc import Mapping

from dash import MATCH, ClientsideFunction, Input, Output, State, clientside_callback, dcc, html
from dash.development.base_component import Component

from i18n import translator
from views.navigation import EMBED_RESIZE_URL

EMBED_HEIGHT = 600  # px: the frame's height until the resize script fits it (or for good, where scripts are blocked)


def embed_action(chart: str, lang: str, title: str, params: Mapping[str, str] | None = None) -> Component:
    """``chart`` is a name of the embed registry; ``title`` names the frame for screen readers."""
    _ = translator(lang)
    key = {"chart": chart}
    texts = {  # the panel's words; assets/embed.js builds the panel from them on the first press
        "label": _("Code to paste into your page"),
        "copy": _("Copy code"),
        "note": _("The frame shows this view as wide as the space it is placed in. The small script in the "
                  "code, served by this dashboard, fits the frame's height to the chart; where a site does "
                  "not allow scripts, the frame stays {height} pixels high and scrolls.").format(height=EMBED_HEIGHT),
    }
    return html.Div(
        [
            html.Button(
                _("Embed"),
                id={"type": "embed-open", **key},
                n_clicks=0,
                className="btn btn-outline-secondary btn-sm",
                title=_("Get the code to show this chart on another site"),
                **{"aria-expanded": "false"},
            ),
            html.Div(
                id={"type": "embed-panel", **key},
                hidden=True,
                className="embed-panel mt-2",
            ),
            dcc.Store(
                id={"type": "embed-meta", **key},
                data={"chart": chart, "lang": lang, "title": title, "height": EMBED_HEIGHT, "script": EMBED_RESIZE_URL,
                      "params": dict(params) if params is not None else None, "texts": texts},
            ),
        ],
        className="embed-action d-inline-block align-top no-print",
    )


clientside_callback(
    ClientsideFunction(namespace="embed", function_name="showSnippet"),
    Output({"type": "embed-panel", "chart": MATCH}, "children"),
    Output({"type": "embed-panel", "chart": MATCH}, "hidden"),
    Output({"type": "embed-open", "chart": MATCH}, "aria-expanded"),
    Input({"type": "embed-open", "chart": MATCH}, "n_clicks"),
    State({"type": "embed-meta", "chart": MATCH}, "data"),
    State({"type": "embed-panel", "chart": MATCH}, "hidden"),
    prevent_initial_call=True,
)
