"""Serve our smaller plotly.js bundle where Dash loads plotly.js from.

Dash's graphs load plotly.js lazily, from a fixed URL, only on pages that draw a chart. Answering
that URL with ``assets/vendor/plotly-4.1.1-custom.min.js`` (only the trace types we draw; see
``tools/plotly-bundle``) keeps the lazy loading and cuts 0.9 MB from a first visit to a chart page. The answer is compressed,
kept and revalidated by web/precompressed.py, like Dash's own scripts.
"""

from __future__ import annotations

from functools import cache

from flask import Flask, Response

from web.dash_internals import PLOTLY_URL
from web.settings import REPO_ROOT

BUNDLE = REPO_ROOT / "assets" / "vendor" / "plotly-4.1.1-custom.min.js"
# Keep Dash from adding these to every page: the plotly bundle (loaded lazily, above) and the script
# other sites load with the embed snippet (served by web/embed_resize.py).
ASSETS_IGNORE = r"(plotly-.*\.min\.js|embed-resize\.js)$"


@cache
def _bundle() -> bytes:
    return BUNDLE.read_bytes()


def install_plotly_bundle(server: Flask) -> None:
    @server.route(PLOTLY_URL)
    def plotly_bundle() -> Response:
        return Response(_bundle(), mimetype="application/javascript")
