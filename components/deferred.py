"""Parts of a page mounted only when the reader opens them (a long source list) or scrolls near them (a chart
further down the page).

Why: Dash's renderer does React work for every component of a page when it arrives, also for those inside a
closed ``<details>`` that nobody sees, and again for each of them on every store update while the page
starts (its callbacks' bookkeeping); plotly lays out and draws every chart, also those three screens down.
On a mid-range phone that work was seconds of blocked main thread before the page answered a tap.

How: the part travels as data (a ``dcc.Store`` holding its component tree, as Dash sends a layout) beside an
empty container, and the browser copies it into the container when it is wanted (``assets/deferred.js``):

- ``lazy_details``: the element's ``toggle`` event writes its ``open`` property back to Dash, and a
  clientside callback fills the body the first time it opens. Keyboards and screen readers reach the
  ``<summary>`` as any disclosure. Because Dash then knows the element is open, a callback that redraws the
  part holding it closes it (its new layout says ``open=False``) instead of leaving an open, empty list.
- ``when_visible``: an ``IntersectionObserver`` mounts the part when it comes within a screen's reach. The
  container keeps the part's height meanwhile, so nothing below it moves when it arrives (CLS).
"""

from __future__ import annotations

import json
from typing import Any

from dash import ALL, MATCH, ClientsideFunction, Input, Output, State, clientside_callback, dcc, html
from dash.development.base_component import Component
from plotly.utils import PlotlyJSONEncoder

DISCLOSURE_CLASS = "dash-disclosure"  # the <details> whose toggle assets/deferred.js reports


def component_data(component: Component) -> Any:
    """A component tree as the JSON Dash sends for a layout (what a clientside callback may return as children)."""
    return json.loads(json.dumps(component, cls=PlotlyJSONEncoder))


def lazy_details(key: str, summary: Component | str, body: Component, class_name: str = "") -> Component:
    """``key`` must be unique on the page (it names the details, its container and its stored body)."""
    return html.Details(
        [
            html.Summary(summary),
            html.Div(id={"type": "lazy-body", "key": key}),
            dcc.Store(id={"type": "lazy-content", "key": key}, data=component_data(body)),
        ],
        id={"type": "lazy-details", "key": key},
        open=False,
        className=" ".join([DISCLOSURE_CLASS, class_name]).strip(),
    )


def when_visible(key: str, part: Component, height: int) -> list[Component]:
    """``part`` (``height`` pixels high) mounted when the reader scrolls near it; ``key`` unique on the page."""
    return [
        html.Div(id={"type": "deferred-slot", "key": key}, className="deferred-slot",
                 style={"minHeight": f"{height}px"}),
        dcc.Store(id={"type": "deferred-content", "key": key}, data=component_data(part)),
    ]


clientside_callback(
    ClientsideFunction(namespace="deferred", function_name="fill"),
    Output({"type": "lazy-body", "key": MATCH}, "children"),
    Input({"type": "lazy-details", "key": MATCH}, "open"),
    State({"type": "lazy-content", "key": MATCH}, "data"),
    prevent_initial_call=True,
)
clientside_callback(  # runs once when a page with such parts arrives; its output is never written
    ClientsideFunction(namespace="deferred", function_name="watch"),
    Output({"type": "deferred-slot", "key": ALL}, "className"),
    Input({"type": "deferred-slot", "key": ALL}, "id"),
    State({"type": "deferred-content", "key": ALL}, "data"),
)
