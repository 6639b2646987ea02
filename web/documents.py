"""Document pages served as finished HTML, without the Dash client.

Why: the home page, about, data and the briefings are text, tables, links and SVG images. Served as
Dash pages, a phone first downloads and runs React, the renderer and every component bundle, then
asks for the layout, and only then paints: on Lighthouse's mid-range phone that cost ~0.7 s of
blocked main thread and a score near 65 for a page of text. Here the server writes the same layout
(the page's registered ``layout``, the same shell, texts and translations) as HTML, with a few small
scripts for the controls on those pages (``assets/document.js``), so the page paints from its first
response. A page opts in with ``document=True`` in its registration (``components/bilingual_page``).
Each document is stored in the shared cache by path (documents read no URL parameters).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from html import escape
from pathlib import Path

from dash.development.base_component import Component
from flask import Flask, Response, has_request_context, request

from i18n import language_of_path
from web.dash_internals import CONTENT_ID, page_for_path, page_head
from web.errors import PAGE_RULES
from web.services import NotStoredError, cache_variant, shared_get, shared_set, stored_only

log = logging.getLogger(__name__)
ENTRY = '<div id="react-entry-point">'  # where Dash's page starts; the first view goes just before it
HEADER = "X-Page-Cache"  # "hit" when the document came from the shared cache (warm.py and tests read it)
SCRIPTS = ("shell.js", "tables.js", "embed.js", "chart_export.js", "document.js")  # in assets/, in this order


def asset_url(assets: Path, name: str) -> str:
    """The file's address with a fingerprint of its content, so browsers may keep it (web/responses.py)."""
    digest = hashlib.sha256((assets / name).read_bytes()).hexdigest()[:12]
    return f"/assets/{name}?m={digest}"


def install_documents(server: Flask, app: object, write: Callable[[Component], str],
                      is_known_page: Callable[[str], bool]) -> None:
    """``write`` turns a layout into HTML (``components.static_html``); an unknown place (a briefing
    for no place) is written with its "not found" layout and the 404 status, and never stored."""
    assets = Path(app.config.assets_folder)  # type: ignore[attr-defined]
    scripts = "".join(f'<script src="{asset_url(assets, name)}" defer></script>' for name in SCRIPTS)

    def render(page: dict, variables: dict[str, str]) -> str:
        title = page.get("title", "")
        title = title(**variables) if callable(title) else title
        body = write(page["layout"](**variables, pathname=request.path))
        lang = language_of_path(request.path)
        return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}" data-document>\n<head>\n<meta charset="utf-8">\n'
                f"<title>{escape(title)}</title>\n{page_head(app)}\n</head>\n<body>\n{body}\n{scripts}\n</body>\n</html>\n")

    @server.before_request
    def serve_document() -> Response | None:
        if request.method not in ("GET", "HEAD"):
            return None
        if request.url_rule is None or request.url_rule.rule not in PAGE_RULES:  # a route of its own (a PDF)
            return None
        page, variables = page_for_path(request.path)
        if not page.get("document"):
            return None
        known = is_known_page(request.path)
        key = f"document:{cache_variant()}:{request.path}"
        text = shared_get(key) if known else None
        hit = text is not None
        if text is None:
            text = render(page, variables)
            if known:
                shared_set(key, text)
        response = Response(text, status=200 if known else 404, mimetype="text/html")
        response.headers[HEADER] = "hit" if hit else "miss"
        return response


FIRST_VIEW_ID = "first-view"


def first_view_style() -> str:
    """Hide the written copy in the very frame the router fills the page (no frame shows both, so
    nothing shifts), and Dash's "Loading..." while the copy is there. Inline: it must apply before any
    stylesheet arrives (the CSP allows inline styles)."""
    return (f"<style>body:has(#{CONTENT_ID} > *) #{FIRST_VIEW_ID}{{display:none}}"
            f"#{FIRST_VIEW_ID} ~ #react-entry-point ._dash-loading{{display:none}}</style>")


def install_first_view(app: object, write: Callable[[Component], str],
                       query_key: Callable[[str, str], tuple[str, bool]]) -> None:
    """Interactive pages (registered with ``first_view=True``) paint their frame, headline, texts and
    tables from the HTML, before the Dash client boots: the server writes the page's own layout for the
    requested view into the page, ``inert`` (not focusable, not read twice), and the drawn page replaces
    it (``assets/shell.js`` removes it). Written only from a layout already stored (the router's request
    computes it; ``warm.py`` stores the default views), so the page itself is never delayed; stored per
    page and canonical view (``query_key``: junk parameters neither change nor multiply it)."""
    import dash

    @dash.hooks.index()
    def with_first_view(index: str) -> str:
        if not has_request_context() or request.method != "GET":
            return index
        page, variables = page_for_path(request.path)
        if not page.get("first_view"):
            return index
        search = "?" + request.query_string.decode("latin-1") if request.query_string else ""
        key, storable = query_key(request.path, search)
        cache_key = f"first-view:{cache_variant()}:{request.path}:{hashlib.sha256(key.encode()).hexdigest()}"
        block = shared_get(cache_key) if storable else None
        if block is None:
            try:
                params = {k: v[0] if len(v) == 1 else v for k, v in request.args.to_dict(flat=False).items()}
                with stored_only():  # never delay the page: the first visitor of a view gets none
                    layout = page["layout"](**{**params, **variables, "pathname": request.path})
            except NotStoredError:
                return index
            except Exception:  # a copy that cannot be written is left out; the page still draws
                log.warning("no first view for %s", request.full_path, exc_info=True)
                return index
            block = f'{first_view_style()}<div id="{FIRST_VIEW_ID}" inert>{write(layout)}</div>'
            if storable:
                shared_set(cache_key, block)
        lang = language_of_path(request.path)
        index = index.replace("<html>", f'<html lang="{lang}">', 1)
        return index.replace(ENTRY, block + ENTRY, 1)
