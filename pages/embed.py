"""Embeddable charts for other sites: ``/embed/<chart>?lang=es|en&…`` (the only framable pages).

Every entry of the chart registry can be embedded under its name. No site navigation: the frame shows
the chart, its title, its source line, downloads and a link back to the full view. Language comes
from ``?lang`` (Spanish by default). Invalid parameters are corrected with a translated notice inside
the frame, never an error page.
"""

from __future__ import annotations

from urllib.parse import unquote

import dash
from dash.development.base_component import Component

from components.embed_page import embed_page
from components.map_figure import MAP_TITLE
from i18n import DEFAULT_LANGUAGE, gettext
from views.navigation import SITE_NAME


def layout(chart: str = "", pathname: object = "", **params: object) -> Component:
    # Dash lets a query parameter override a path variable (``?chart=…``): the chart comes from the path.
    name = pathname.split("/embed/", 1)[-1] if isinstance(pathname, str) and pathname else chart
    params.pop("chart", None)
    return embed_page(unquote(name), params)


def title(chart: str = "", **_params: object) -> str:
    site = gettext(DEFAULT_LANGUAGE, SITE_NAME)
    return f"{gettext(DEFAULT_LANGUAGE, MAP_TITLE)} · {site}" if chart == "map" else site


dash.register_page(
    __name__,
    path_template="/embed/<chart>",
    path="/embed/map",
    name=gettext(DEFAULT_LANGUAGE, MAP_TITLE),
    title=title,
    layout=layout,
)
