"""The frame shared by every page: skip link, navigation with language switch, footer."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from components.place_search import search_form
from i18n import LANGUAGE_NAMES, other_language, translator
from views.navigation import SECTIONS, SITE_NAME, page_path


def query_string(query: Mapping[str, object]) -> str:
    """Re-encode the view parameters so a language switch keeps the same view."""
    clean = {k: v for k, v in query.items() if isinstance(v, (str, list))}
    return f"?{urlencode(clean, doseq=True)}" if clean else ""


def language_switch(lang: str, slug: str, query: Mapping[str, object]) -> Component:
    target = other_language(lang)
    return html.A(
        LANGUAGE_NAMES[target],
        href=page_path(target, slug) + query_string(query),
        hrefLang=target,
        lang=target,
        className="btn btn-outline-light btn-sm lang-switch",
        id="language-switch",
        **{"data-lang": target},
    )


def navbar(lang: str, active_slug: str, query: Mapping[str, object]) -> Component:
    _ = translator(lang)
    links = [
        html.Li(
            html.A(
                _(section.label),
                href=page_path(lang, section.slug),
                className="nav-link active" if section.slug == active_slug else "nav-link",
                # Screen readers announce the page the reader is on; the class only changes its look.
                **({"aria-current": "page"} if section.slug == active_slug else {}),
            ),
            className="nav-item",
        )
        for section in SECTIONS
    ]
    toggler = html.Button(
        html.Span(className="navbar-toggler-icon"),
        id="navbar-toggler",
        n_clicks=0,
        className="navbar-toggler",
        type="button",
        **{"aria-label": _("Menu"), "aria-controls": "navbar-collapse"},
    )
    return html.Nav(
        dbc.Container(
            [
                dbc.NavbarBrand(_(SITE_NAME), href=page_path(lang)),
                toggler,
                dbc.Collapse(
                    [
                        html.Ul(links, className="navbar-nav me-auto"),
                        search_form(lang),
                        language_switch(lang, active_slug, query),
                    ],
                    id="navbar-collapse",
                    navbar=True,
                    is_open=False,
                ),
            ],
            fluid=True,
        ),
        className="navbar navbar-expand-lg navbar-dark bg-dark site-nav",
        **{"aria-label": _("Main navigation")},
    )


def footer(lang: str) -> Component:
    _ = translator(lang)
    return html.Footer(
        dbc.Container(
            [
                html.P(
                    [
                        html.Strong(_("Sources of the figures: ")),
                        _(
                            "Observatorio Venezolano de Violencia (OVV) annual and regional reports; "
                            "Venezuelan official statements (Ministerio Público, Ministry of the "
                            "Interior); UNODC homicide statistics. Each figure names its source."
                        ),
                    ]
                ),
                html.P(
                    [
                        html.Strong(_("Boundaries: ")),
                        _(
                            "states: INE Venezuela via UN OCHA (CC BY 3.0 IGO); municipalities: "
                            "geoBoundaries, from Tapiquén 2015 (ODbL 1.0)."
                        ),
                    ]
                ),
                html.P(
                    [
                        _("Our compilation of the data is published under CC BY 4.0; the code under the MIT licence. "),
                        html.A(_("Data, sources and methodology"), href=page_path(lang, "data")),
                        " · ",
                        html.A(_("Map your own figures"), href=page_path(lang, "your-map")),
                    ]
                ),
            ],
            fluid=True,
        ),
        className="site-footer",
    )


def page_frame(lang: str, active_slug: str, content: Component, query: Mapping[str, object]) -> Component:
    _ = translator(lang)
    return html.Div(
        [
            html.A(_("Skip to content"), href="#main", className="skip-link"),
            navbar(lang, active_slug, query),
            html.Main(dbc.Container(content, fluid="lg"), id="main", tabIndex="-1"),
            footer(lang),
        ],
        lang=lang,
        className="site",
    )
