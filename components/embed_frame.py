"""What an embedded chart looks like inside another site's ``<iframe>``: the chart, its title, one
source line, downloads and a small link back to the full view. No navigation, no footer.

Why a data-URI CSV link: the CSV is built on the server from the very rows drawn and needs no
callback or second request, so it works even when the host page throttles the frame. PNG and SVG
are made in the browser from the drawn chart (``assets/embed.js``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from analysis.labels import source_label, source_record
from i18n import translator
from views.navigation import SITE_NAME, page_path


@dataclass
class EmbedContent:
    """One chart ready to embed; every text is already translated."""

    title: str
    subtitle: str
    chart: Component
    source_ids: list[str]
    full_view: str  # path of the same view on the dashboard
    csv_text: str
    csv_filename: str
    image_name: str  # file name (without extension) of the PNG and SVG downloads
    notices: list[str] = field(default_factory=list)


EmbedBuilder = Callable[[Mapping[str, object], str], EmbedContent]


def csv_href(text: str) -> str:
    return "data:text/csv;charset=utf-8," + quote("\ufeff" + text)


def source_line(lang: str, source_ids: list[str]) -> Component:
    """"Source: OVV (2024), …" with each document linked, opening outside the frame."""
    _ = translator(lang)
    parts: list[Component | str] = [html.Strong(_("Source: ") if len(source_ids) == 1 else _("Sources: "))]
    for index, source_id in enumerate(dict.fromkeys(source_ids)):
        if index:
            parts.append("; ")
        url = source_record(source_id).get("url", "")
        label = source_label(source_id, lang)
        parts.append(html.A(label, href=url, target="_blank", rel="noopener noreferrer") if url.startswith("http") else label)
    if not source_ids:
        parts.append(_("no published figure in this selection."))
    parts.append(". " + _("Compilation: CC BY 4.0."))
    return html.P(parts, className="embed-source mb-1")


def downloads(lang: str, content: EmbedContent) -> Component:
    _ = translator(lang)
    button = "btn btn-outline-secondary btn-sm"
    return html.Div(
        [
            html.A(_("CSV"), href=csv_href(content.csv_text), download=content.csv_filename, className=button,
                   id="embed-download-csv", title=_("Download the figures shown, with their sources")),
            html.Button(_("PNG"), className=button, id="embed-download-png", type="button",
                        **{"data-image-format": "png", "data-image-name": content.image_name}),
            html.Button(_("SVG"), className=button, id="embed-download-svg", type="button",
                        **{"data-image-format": "svg", "data-image-name": content.image_name}),
        ],
        className="embed-downloads d-flex flex-wrap gap-1",
        **{"aria-label": _("Downloads")},
    )


def embed_frame(lang: str, chart_name: str, content: EmbedContent) -> Component:
    _ = translator(lang)
    back = html.A(
        _("Open in the dashboard ↗"), href=content.full_view, target="_blank", rel="noopener", className="embed-back"
    )
    return html.Main(
        [
            notices_block(content.notices),
            html.H1(content.title, className="embed-title"),
            html.P(content.subtitle, className="embed-subtitle") if content.subtitle else None,
            html.Div(content.chart, className="embed-chart", **{"data-chart-root": chart_name}),
            source_line(lang, content.source_ids),
            html.Div([back, downloads(lang, content)], className="embed-footer"),
        ],
        id="embed-root",
        lang=lang,
        className="embed",
        **{"data-chart": chart_name, "data-chart-scope": "1"},
    )


def notices_block(notices: list[str]) -> Component:
    return html.Div([dbc.Alert(n, color="warning", className="py-1 px-2 mb-1 small") for n in notices],
                    id="embed-notices", role="status")


def unknown_chart_frame(lang: str, requested: str, available: list[str], notices: list[str]) -> Component:
    """A small translated notice inside the frame (never an error page) when the chart does not exist."""
    _ = translator(lang)
    shown = requested if len(requested) <= 40 else requested[:39] + "…"
    message = _("There is no chart called “{name}” to embed. Charts that can be embedded: {charts}.").format(
        name=shown, charts=", ".join(available)
    )
    return html.Main(
        [
            notices_block([*notices, message]),
            html.H1(_(SITE_NAME), className="embed-title"),
            html.P(html.A(_("Open the dashboard ↗"), href=page_path(lang), target="_blank", rel="noopener")),
        ],
        id="embed-root",
        lang=lang,
        className="embed",
        **{"data-chart": ""},
    )
