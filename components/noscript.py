"""What a browser without JavaScript is shown on the search and place pages: plain HTML inside ``<noscript>``.

Why: Dash draws every page with a script, so without one a reader would see an empty page. The search and
the place pages are where a reader arrives from a search engine or a shared link, often on a slow phone
with scripts blocked; for them the server writes the results or the place's figures with their sources as
ordinary HTML (escaped here, every value from the same functions the pages use).
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

import dash
from flask import has_request_context, request

from analysis.labels import unit_label
from analysis.place_profile import display_name, is_place, profile
from components.place_sections import place_csv
from geo import codes
from geo.search import Place, search
from i18n import is_supported, translator
from i18n.markers import N_
from i18n.numbers import format_number
from views.place_view import PLACE_SLUG, SEARCH_SLUG, code_of_path, place_path, search_path

HEADERS = (N_("Indicator"), N_("Year"), N_("Value"), N_("Unit"), N_("Source"), N_("Published rank"))


def _kind(place: Place, lang: str) -> str:
    _ = translator(lang)
    if place.level == "state":
        return _("state")
    if place.level == "country":
        return _("country")
    return _("municipality of {state}").format(state=codes.state_name(place.state))


def _item(place: Place, lang: str) -> str:
    return (f'<li><a href="{escape(place_path(lang, place.code))}">{escape(place.name)}</a> — '
            f"{escape(_kind(place, lang))} · {escape(place.code)}</li>")


def search_html(lang: str, query: object) -> str:
    """The search form and its results."""
    _ = translator(lang)
    found = search(query)
    parts = [f"<h1>{escape(_('Search places'))}</h1>",
             f'<form action="{escape(search_path(lang))}" method="get" role="search">'
             f'<label for="noscript-q">{escape(_("Search a place by name"))}</label> '
             f'<input id="noscript-q" name="q" type="search" value="{escape(found.query)}" maxlength="80"> '
             f'<button type="submit">{escape(_("Search"))}</button></form>']
    if found.places:
        parts.append("<ul>" + "".join(_item(p, lang) for p in found.places) + "</ul>")
    elif found.query:
        parts.append(f"<p>{escape(_('No place called “{query}”.').format(query=found.query))}</p>")
        if found.suggestions:
            parts.append(f"<p>{escape(_('Nearest names:'))}</p><ul>"
                         + "".join(_item(p, lang) for p in found.suggestions) + "</ul>")
    return "".join(parts)


def place_html(lang: str, code: str) -> str:
    """The place's published figures, each with its source and the page it was read on, and the CSV."""
    _ = translator(lang)
    p = profile(code, lang)
    shown = p if p.rows or p.fallback is None else p.fallback
    parts = [f"<h1>{escape(display_name(code, lang))}</h1>"]
    if shown is not p:
        parts.append(f"<p>{escape(_('No source in the data package published a figure for {place}.').format(place=p.name))}"
                     f" {escape(_('Published figures for the state of {state}').format(state=shown.name))}:</p>")
    rows = "".join(
        f"<tr><td>{escape(str(r['indicator_name']))}</td><td>{r['year']} {escape(str(r['period']))}</td>"
        f"<td>{escape(format_number(float(r['value']), lang))}</td><td>{escape(unit_label(str(r['unit']), lang))}</td>"  # type: ignore[arg-type]
        f'<td><a href="{escape(str(r["locator_url"]))}">{escape(str(r["source"]))}</a> ({escape(str(r["source_id"]))})'
        f"</td><td>{escape(str(r['published_rank']))}</td></tr>"
        for r in shown.rows)
    if rows:
        head = "".join(f"<th>{escape(_(h))}</th>" for h in HEADERS)
        csv_href = "data:text/csv;charset=utf-8," + quote("\ufeff" + place_csv(shown, lang))
        parts.append(f"<table class=\"table table-sm\"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
                     f'<p><a href="{escape(csv_href)}" download="{escape(shown.code)}.csv">'
                     f"{escape(_('Download CSV'))}</a></p>")
    parts.append(f'<p><a href="{escape(search_path(lang))}">{escape(_("Search places by name"))}</a></p>')
    return "".join(parts)


def noscript_block(path: str, query: object) -> str:
    """The ``<noscript>`` block for a request path, or "" where the page has none."""
    parts = path.strip("/").split("/")
    if not parts or not is_supported(parts[0]):
        return ""
    lang = parts[0]
    if parts[1:] == [SEARCH_SLUG]:
        body = search_html(lang, query)
    elif len(parts) == 3 and parts[1] == PLACE_SLUG and is_place(code_of_path(path) or ""):
        body = place_html(lang, code_of_path(path) or "")
    else:
        return ""
    return f'<noscript><main lang="{lang}" class="container my-3 noscript-page">{body}</main></noscript>'


ENTRY = '<div id="react-entry-point">'  # where Dash's page starts; the block goes just before it


def register_noscript() -> None:
    """Add the block to the page Dash serves for these paths (Dash's public ``hooks.index``)."""

    @dash.hooks.index()
    def with_noscript(index: str) -> str:
        if not has_request_context():
            return index
        block = noscript_block(request.path, request.args.get("q", ""))
        return index.replace(ENTRY, block + ENTRY, 1) if block else index
