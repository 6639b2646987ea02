"""The search box (navigation and search page) and the list of places a search found.

Why a plain GET form: submitting it loads ``/{lang}/search?q=…``, a page whose results are in the URL, so
it works from the keyboard, with any assistive technology, and can be shared; no callback is involved.
"""

from __future__ import annotations

from dash import dcc, html
from dash.development.base_component import Component

from geo import codes
from geo.search import MAX_QUERY, Place, SearchResult
from i18n import translator
from views.place_view import SEARCH_PARAM, place_path, search_path


def search_form(lang: str, value: str = "", form_id: str = "nav-search", large: bool = False) -> Component:
    """A labelled search field and button; ``value`` is shown as typed (Dash escapes it)."""
    _ = translator(lang)
    input_id = f"{form_id}-input"
    size = "" if large else " form-control-sm"
    return html.Form(
        [
            html.Label(_("Search a place by name"), htmlFor=input_id,
                       className="form-label fw-semibold" if large else "visually-hidden"),
            html.Div(
                [
                    _plain_input(input_id, value, _("State or municipality"), size),
                    html.Button(_("Search"), type="submit",
                                className="btn btn-sm btn-light" if not large else "btn btn-primary"),
                ],
                className="input-group" + ("" if large else " input-group-sm"),
            ),
        ],
        action=search_path(lang),
        method="get",
        role="search",
        id=form_id,
        className="place-search" + (" place-search-large" if large else " nav-search"),
        **{"aria-label": _("Search places")},
    )


def _plain_input(input_id: str, value: str, placeholder: str, size: str) -> Component:
    """The field carries ``name="q"``, so the browser submits it with the form; no callback reads it."""
    return dcc.Input(id=input_id, name=SEARCH_PARAM, type="search", value=value, placeholder=placeholder,
                     maxLength=MAX_QUERY, autoComplete="off", className="form-control" + size)


def _place_item(place: Place, lang: str) -> Component:
    _ = translator(lang)
    if place.level == "country":
        kind = _("country")
    elif place.level == "state":
        kind = _("state")
    else:
        kind = _("municipality of {state}").format(state=codes.state_name(place.state))
    link = html.A(place.name, href=place_path(lang, place.code), className="fw-semibold",
                  **{"aria-label": f"{place.name} ({kind})"})
    parts: list[Component | str] = [link, f" — {kind}"]
    if place.alias:
        parts.append(html.Span(" · " + _("formerly or also called “{alias}”").format(alias=place.alias),
                               className="text-body-secondary"))
    parts.append(html.Span(f" · {place.code}", className="text-body-secondary small"))
    return html.Li(parts, **{"data-code": place.code})


def results(found: SearchResult, lang: str) -> Component:
    """What a search found: every match (an ambiguous name lists them all), or the nearest names."""
    _ = translator(lang)
    if not found.query:
        return html.P(_("Type the name of a state or a municipality, with or without accents; former names "
                        "such as Vargas work too."), id="search-results", className="text-body-secondary")
    exact = [p for p in found.places if p.exact]
    partial = [p for p in found.places if not p.exact]
    parts: list[Component] = []
    if exact:
        summary = (_("One place called “{query}”.") if len(exact) == 1 else
                   _("{count} places called “{query}”: choose one.")).format(query=found.query, count=len(exact))
        parts += [html.P(summary, className="fw-semibold", id="search-summary"),
                  html.Ul([_place_item(p, lang) for p in exact], className="search-list", id="search-exact")]
    if partial:
        title = (_("Other names containing “{query}”") if exact else
                 _("Places whose name contains “{query}”")).format(query=found.query)
        parts += [html.H2(title, className="h6 mt-3", **({} if exact else {"id": "search-summary"})),
                  html.Ul([_place_item(p, lang) for p in partial], className="search-list", id="search-partial")]
    if not parts:
        parts.append(html.P(_("No place called “{query}”.").format(query=found.query), className="fw-semibold",
                            id="search-summary"))
        if found.suggestions:
            parts += [html.P(_("Nearest names:")),
                      html.Ul([_place_item(p, lang) for p in found.suggestions], className="search-list",
                              id="search-suggestions")]
        else:
            parts.append(html.P(_("Check the spelling, or try part of the name.")))
    return html.Div(parts, id="search-results", role="status")
