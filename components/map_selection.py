"""The map's select-then-act parts: the panel of the selected place, the place picker, the controls button.

Why select-then-act: a tap on a phone cannot hover, so if a tap drilled down at once a phone user would
never read a state's figure. A tap or click (or a pick in the picker) selects a place; the panel says its
value, rank, year and source, and offers "see its municipalities" as an explicit action. The panel's
fields are filled in the browser from the values already sent for the selection (``assets/map.js``), so
moving the year updates it without asking the server.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from components.dropdown import dropdown
from i18n import translator


def selection_panel(lang: str) -> Component:
    """Empty and hidden until a place is selected; ``map.showSelection`` fills it."""
    _ = translator(lang)

    def field(label: str, value: Component) -> list[Component]:
        return [html.Dt(label, className="col-4 col-sm-3"), html.Dd(value, className="col-8 col-sm-9 mb-1")]

    return html.Section(
        html.Div(
            [
                html.H2(id="map-selection-name", className="h5 mb-1"),
                html.P(id="map-selection-value", className="map-selection-value mb-2"),
                html.Dl(
                    [
                        *field(_("Rank"), html.Span(id="map-selection-rank")),
                        *field(_("Year"), html.Span(id="map-selection-year")),
                        *field(_("Source"), html.A(id="map-selection-source", href="", target="_blank",
                                                   rel="noopener")),
                    ],
                    className="row mb-2 small",
                    id="map-selection-fields",
                ),
                html.P(id="map-selection-note", className="small text-body-secondary mb-2"),
                html.Div(
                    [
                        html.Button(_("See its municipalities"), id="map-drill", n_clicks=0, type="button",
                                    className="btn btn-primary btn-sm", hidden=True),
                        html.Button(_("Close"), id="map-unselect", n_clicks=0, type="button",
                                    className="btn btn-outline-secondary btn-sm",
                                    **{"aria-label": _("Close the panel of the selected place")}),
                    ],
                    className="d-flex flex-wrap gap-2",
                ),
            ],
            className="card-body py-2",
        ),
        id="map-selection",
        className="card map-selection my-2",
        hidden=True,
        **{"aria-labelledby": "map-selection-name", "aria-live": "polite"},
    )


def place_picker(lang: str, options: list[dict[str, str]], value: str | None) -> Component:
    """A searchable list of places: type a name, Enter; a state opens its municipalities."""
    _ = translator(lang)
    return html.Div(
        [
            dbc.Label(_("Go to a place"), html_for="map-place", className="fw-semibold mb-1", id="map-place-label"),
            dropdown(lang, id="map-place", options=options, value=value, searchable=True, clearable=False,
                     placeholder=_("Type a state or municipality"), className="map-place"),
            html.Div(_("A state opens its municipalities; a municipality shows its figure."),
                     className="form-text", id="map-place-help"),
        ],
        className="mb-3",
    )


def controls_toggle(lang: str) -> Component:
    """The one button that opens the map's controls on a phone (on wider screens they are always shown)."""
    _ = translator(lang)
    return html.Button(
        [html.Span("☰ ", **{"aria-hidden": "true"}), _("Options: indicator, source, place")],
        id="map-controls-toggle",
        n_clicks=0,
        type="button",
        className="btn btn-outline-primary btn-sm w-100 mb-2 d-lg-none",
        **{"aria-expanded": "false", "aria-controls": "map-controls-collapse"},
    )


def year_marks(years: list[int]) -> dict[int, Any]:
    """Year labels under the slider. On a phone (390 px) only the first, the last and every fourth year are
    labelled, so labels never overlap: the others carry a style that ``assets/site.css`` turns off there."""
    shown = {y for y in years if len(years) <= 12 or y % 2 == 0 or y == years[-1]}
    first, last = years[0], years[-1]
    major = {first, last} | {y for y in range(first, last - 2, 4)}
    return {y: (str(y) if y in major else {"label": str(y), "style": {"display": "var(--map-minor-year, block)"}})
            if y in shown else "" for y in years}
