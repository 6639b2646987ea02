"""A page per place (``/es/place/VEN``, ``/es/place/VE-F``, ``/es/place/VE0703``): everything the package
publishes about it, where it is, and where to go next.

The layout is computed once per place and language and shared through the cache (``cached_page``); an
unknown code shows the not-found page, and the server answers it with status 404
(``views.place_view.is_unknown_place_path``, wired by ``app.py``).
"""

from __future__ import annotations

from urllib.parse import unquote

import dash
import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from analysis.place_profile import COUNTRY, Profile, display_name, is_place, profile
from components.bilingual_page import cached_page, page_title, with_site_name
from components.place_sections import figures_block, inside_block, trends_block, where_block
from components.shell import page_frame
from geo import codes
from i18n import LANGUAGES, translator
from i18n.markers import N_
from views.place_view import PLACE_SLUG, place_path, search_path

TITLE = N_("Places")
SEARCH_SLUG = "search"


def _level_words(p: Profile, lang: str) -> str:
    _ = translator(lang)
    if p.level == "country":
        return _("Country")
    if p.level == "state":
        return _("State")
    return _("Municipality of {state}").format(state=codes.state_name(p.state))


def _no_figures(p: Profile, lang: str) -> list[Component]:
    """A place without a published figure: say so plainly; for a municipality, show its state's figures."""
    _ = translator(lang)
    if not p.state:  # a state without figures (Dependencias Federales)
        return [html.Div(dbc.Alert(_("No source in the data package published a figure for {place}.").format(
            place=p.name), color="info", id="place-no-figures"), role="status")]
    state = codes.state_name(p.state)
    parts: list[Component] = [html.Div(dbc.Alert(
        _("No source in the data package published a figure for {place}. The sources publish figures for a few "
          "dozen of Venezuela's 335 municipalities; below are the figures for its state, {state}.").format(
            place=p.name, state=state), color="info", id="place-no-figures"), role="status")]
    if p.fallback is not None and p.fallback.rows:
        parts += [html.H2(_("Published figures for the state of {state}").format(state=state), className="h4 mt-4",
                          id="place-state-figures"),
                  *figures_block(p.fallback, lang)]
    return parts


def place_content(lang: str, code: str) -> Component:
    _ = translator(lang)
    p = profile(code, lang)
    body: list[Component] = [
        html.P(html.A(_("← Search places"), href=search_path(lang)), className="small mb-1"),
        html.H1(p.name, id="place-name"),
        html.P(_level_words(p, lang), className="lead", id="place-level"),
        html.Div(where_block(p, lang), className="place-where"),
    ]
    if p.rows:
        body += [*trends_block(p, lang), html.H2(_("Published figures"), className="h4 mt-4"),
                 *figures_block(p, lang)]
    else:
        body += _no_figures(p, lang)
    body += inside_block(p, lang)
    return html.Article(body, className="place-page", id="place", **{"data-place": code})


def not_found(lang: str, code: str) -> Component:
    _ = translator(lang)
    shown = code if len(code) <= 40 else code[:39] + "…"
    return html.Div([
        html.H1(_("No place with this code")),
        html.Div(dbc.Alert(_("“{value}” is not a place code. Places use VEN for the country, ISO codes for states "
                             "(VE-F for Bolívar) and P-codes for municipalities (VE0703 for El Callao).").format(
            value=shown), color="warning"), role="status"),
        html.P(html.A(_("Search places by name"), href=search_path(lang))),
    ], id="place-not-found")


def _layout(lang: str):
    def layout(code: str = "", **params: object) -> Component:
        code = unquote(code) if isinstance(code, str) else ""
        if not is_place(code):
            return page_frame(lang, "", not_found(lang, code), {})
        return cached_page(__name__, PLACE_SLUG, lang, (code,),
                           lambda: page_frame(lang, f"{PLACE_SLUG}/{code}", place_content(lang, code), {}))

    layout.__name__ = f"place_{lang}"
    return layout


def _title(lang: str):
    def title(code: str = "", **_params: object) -> str:
        code = unquote(code)
        return with_site_name(lang, display_name(code, lang)) if is_place(code) else page_title(lang, "Page not found")

    return title


def _description(lang: str):
    def description(code: str = "", **_params: object) -> str:
        _ = translator(lang)
        code = unquote(code)
        if not is_place(code):
            return ""
        count = len(profile(code, lang).rows)
        if not count:
            return _("{place}: no source published a figure on lethal violence for it; its state's figures, "
                     "map and links.").format(place=display_name(code, lang))
        return _("{place}: {count} published figures on lethal violence, each with its source; ranks, trend, "
                 "map and CSV.").format(place=display_name(code, lang), count=count)

    return description


for _lang in LANGUAGES:
    dash.register_page(
        f"{__name__}.{_lang}",
        path_template=f"/{_lang}/{PLACE_SLUG}/<code>",
        path=place_path(_lang, COUNTRY),
        name=f"{translator(_lang)(TITLE)}",
        title=_title(_lang),
        description=_description(_lang),
        layout=_layout(_lang),
        order=70 + LANGUAGES.index(_lang),
    )
