"""What part of a page's query can change its answer, written the same way whatever the client sent.

A page's layout depends on its path and on the parameters of its view (``CONTROLS``); any other
parameter changes nothing the page shows. Stored answers are keyed on this canonical query, so
``?year=2020&x=1`` and ``?x=2&year=2020`` are one entry, not two: junk cannot multiply them. An
answer is only stored when the query held nothing else and needed no correction (a corrected view
names the raw value in its notice, and that text must not be shown to the next visitor).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qs, unquote, urlencode

from i18n import DEFAULT_LANGUAGE, is_supported, language_of_path
from views.compare_view import CompareView
from views.map_view import MapView
from views.search_view import SearchView
from views.trends_view import TrendView


@dataclass(frozen=True)
class PageQuery:
    key: str  # the query's own parameters, sorted and re-encoded
    storable: bool  # the answer depends on ``key`` alone (nothing dropped, nothing corrected)


@lru_cache(maxsize=16)
def view_params(view_class: type) -> frozenset[str]:
    """The parameters a view reads: those its controls set and those its links write (a briefing's
    ``place`` has no control)."""
    default, _notices = view_class.from_params({}, DEFAULT_LANGUAGE)
    return frozenset(view_class.CONTROLS) | frozenset(default.to_params())


def page_query(search: str, view_class: type | None, lang: str, extra: Collection[str] = ()) -> PageQuery:
    """The canonical query of a page whose view is ``view_class`` (None: a page without parameters);
    ``extra`` names parameters read besides the view's (an embed's ``lang``)."""
    raw = parse_qs(search[1:], keep_blank_values=True) if search.startswith("?") else {}
    names = set(extra) | (view_params(view_class) if view_class else set())
    known = {name: values for name, values in raw.items() if name in names}
    key = urlencode(sorted((name, value) for name, values in known.items() for value in values))
    storable = len(known) == len(raw) and getattr(view_class, "STORABLE", True)
    if storable and view_class is not None:
        params = {name: values[0] if len(values) == 1 else values for name, values in known.items()}
        _view, notices = view_class.from_params(params, lang)
        storable = not notices
    return PageQuery(key, storable)


def route_query(pathname: str, search: str, embeds: Mapping[str, type]) -> tuple[str, bool]:
    """``page_query`` for the page at ``pathname``: ``/<lang>/<slug>`` reads its view's parameters (the
    map, trends and comparison pages), ``/embed/<name>`` its chart's view and ``lang``, any other page
    none. Returns (canonical query, storable)."""
    parts = pathname.strip("/").split("/")
    if len(parts) == 2 and parts[0] == "embed":
        view_class = embeds.get(unquote(parts[1]))
        asked = parse_qs(search[1:]).get("lang", [""]) if search.startswith("?") else [""]
        lang = asked[0] or DEFAULT_LANGUAGE
        query = page_query(search, view_class, lang if is_supported(lang) else DEFAULT_LANGUAGE, extra=("lang",))
        return query.key, query.storable and view_class is not None and is_supported(lang) and len(asked) == 1
    pages = {view.SLUG: view for view in (MapView, TrendView, CompareView, SearchView)}
    view_class = pages.get(parts[1]) if len(parts) == 2 and is_supported(parts[0]) else None
    query = page_query(search, view_class, language_of_path(pathname))
    return query.key, query.storable
