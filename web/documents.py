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
from collections.abc import Callable
from html import escape
from pathlib import Path

from dash.development.base_component import Component
from flask import Flask, Response, request

from i18n import language_of_path
from web.dash_internals import page_for_path, page_head
from web.services import cache_variant, shared_get, shared_set

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
