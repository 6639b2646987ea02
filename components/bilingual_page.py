"""Register one page module (the name must contain ``register_page``: Dash Pages only imports
modules whose text does) under both languages (``/es/<slug>`` and ``/en/<slug>``).

Each page defines ``layout(lang, **params)``; this wraps it in the shared frame and makes sure a
query parameter can never override the language taken from the path. A page receives only the
parameters its view reads (none for a page without a view): anything else is dropped before the
layout, the language switch or the cache key see it, so junk parameters neither reach the page nor
multiply its stored copies; a page whose view had to correct a value is not stored either (its
notice quotes the value).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import dash
from dash.development.base_component import Component

from components.shell import page_frame
from i18n import LANGUAGES, gettext
from views.navigation import SITE_NAME, page_path
from views.page_query import view_params
from web.services import NotStoredError, cache_variant, only_stored, shared_get, shared_set

PageLayout = Callable[..., Component]
MAX_CACHED_QUERY = 1000  # characters; longer (hostile) queries are answered but not cached


def cached_page(module: str, slug: str, lang: str, key: tuple, render: Callable[[], Component],
                store: bool = True) -> Component:
    """A page's layout depends only on its language, its URL parameters and static data, so it is
    computed once and shared through the cache (all workers, with Redis); ``store`` False: looked up
    but never stored."""
    if len(repr(key)) > MAX_CACHED_QUERY:
        if only_stored():
            raise NotStoredError(module)
        return render()
    cache_key = f"page:{module}:{slug}:{lang}:{cache_variant()}:{hashlib.sha256(repr(key).encode()).hexdigest()}"
    page = shared_get(cache_key)
    if page is None and only_stored():  # asked only for a stored copy (web/documents.py, the first view)
        raise NotStoredError(cache_key)
    if page is None:
        page = render()
        if store:
            shared_set(cache_key, page)
    return page


def page_title(lang: str, title: str) -> str:
    """Browser title from an English source text, translated."""
    return with_site_name(lang, gettext(lang, title))


def with_site_name(lang: str, text: str) -> str:
    """Browser title from an already translated text (e.g. a heading naming a state)."""
    site = gettext(lang, SITE_NAME)
    return site if text == site else f"{text} · {site}"


def register_page_bilingual(
    module: str, slug: str, title: str, layout: PageLayout, order: int, description: str = "",
    view: type | None = None, document: bool = False, first_view: bool = False,
) -> None:
    """``view``: the class whose URL parameters the page reads (``views/``); None: the page reads none.
    ``document``: the page is text and links, served as finished HTML without the Dash client
    (``web/documents.py``); it reads no URL parameters, so it takes no ``view``.
    ``first_view``: an interactive page whose written copy paints before the Dash client draws it."""
    if document and view is not None:
        raise ValueError(f"{module}: a document page reads no URL parameters")
    for lang in LANGUAGES:
        dash.register_page(
            f"{module}.{lang}",
            path=page_path(lang, slug),
            name=gettext(lang, title),
            title=page_title(lang, title),
            description=gettext(lang, description) if description else "",
            order=order * 10 + LANGUAGES.index(lang),
            layout=_framed(layout, lang, slug, view),
            document=document,
            first_view=first_view,
        )


def _framed(layout: PageLayout, lang: str, slug: str, view: type | None) -> PageLayout:
    read = view_params(view) if view else frozenset()

    def framed(**params: object) -> Component:
        kept = {k: v for k, v in params.items() if k in read}  # "lang" and "pathname" are routing, never the view's
        store = len(kept) == len(params) - ("pathname" in params) - ("lang" in params)
        switch: dict[str, object] = dict(kept)  # what the language switch carries: the view as shown
        if view is not None:
            shown, notices = view.from_params(kept, lang)
            # the parameters the visitor gave, as the view corrected them
            store, switch = store and not notices, {k: v for k, v in shown.to_params().items() if k in kept}
            store = store and getattr(view, "STORABLE", True)  # free text (a search) is never stored
        key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kept.items()))
        return cached_page(layout.__module__, slug, lang, key,
                           lambda: page_frame(lang, slug, layout(lang, **kept), switch), store)

    framed.__name__ = f"{getattr(layout, '__module__', 'page')}_{lang}"
    return framed
