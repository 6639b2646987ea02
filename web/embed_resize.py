"""Serve the script that other sites load with the embed snippet to fit our frames to their content.

Why a separate route (``/embed/resize.js``) instead of ``/assets/``: the address is pasted into other
sites, so it must never change with a fingerprint, and Dash must not load it into our own pages
(``web/plotly_bundle.py`` keeps it out of the assets it adds). Other sites load it cross-origin:
``Cross-Origin-Resource-Policy: cross-origin`` lets pages that isolate themselves (COEP) load it, and
``Access-Control-Allow-Origin: *`` lets them load it with ``crossorigin``. It holds no secret.
"""

from __future__ import annotations

from functools import cache

from flask import Flask, Response

from views.navigation import EMBED_RESIZE_URL
from web.responses import StaticBytes
from web.settings import REPO_ROOT

SCRIPT = REPO_ROOT / "assets" / "embed-resize.js"


@cache
def _script() -> StaticBytes:
    return StaticBytes(SCRIPT.read_bytes(), "application/javascript", max_age=86400)


def install_embed_resize(server: Flask) -> None:
    @server.route(EMBED_RESIZE_URL)
    def embed_resize_script() -> Response:
        response = _script().response()
        response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response
