"""A page heading with its introduction, and the pointer to the data page used on every section."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from i18n import translator
from views.navigation import page_path


def page_intro(lang: str, title: str, paragraphs: tuple[str, ...]) -> list[Component]:
    """``title`` and ``paragraphs`` are English source texts, translated here."""
    _ = translator(lang)
    return [html.H1(_(title)), *(html.P(_(text)) for text in paragraphs)]


def data_page_pointer(lang: str) -> Component:
    _ = translator(lang)
    return html.P(
        [
            _("Every figure shown here comes from the published sources listed on the "),
            html.A(_("data and methodology page"), href=page_path(lang, "data")),
            ".",
        ]
    )
