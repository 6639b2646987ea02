"""The translated "page not found" view; the server also answers such paths with status 404."""

from __future__ import annotations

import dash
from dash import html
from dash.development.base_component import Component

from components.shell import page_frame
from i18n import language_of_path, translator
from views.navigation import SECTIONS, page_path


def layout(pathname: str = "", **_params: object) -> Component:
    lang = language_of_path(pathname if isinstance(pathname, str) else "")
    _ = translator(lang)
    links = [html.Li(html.A(_(s.label), href=page_path(lang, s.slug))) for s in SECTIONS]
    content = html.Div(
        [
            html.H1(_("Page not found")),
            html.P(_("There is no page at this address. It may have moved, or the link may be incomplete.")),
            html.P(html.A(_("Back to the home page"), href=page_path(lang))),
            html.Ul(links),
        ]
    )
    return page_frame(lang, "", content, {})


dash.register_page(__name__, path="/404", title="404", layout=layout)
