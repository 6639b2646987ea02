"""Briefings as PDF files: ``/es/briefing/VE-F.pdf`` (``?paper=letter`` for US Letter, A4 otherwise),
printed on the server by WeasyPrint from the briefing's own HTML and kept in the shared cache.

Why WeasyPrint and not headless Chromium (``bench/README.md`` has the measurements): it runs inside
the worker as a library, peaks near 70 MB where one Chromium process alone passes 220 MB, needs only
Pango from the system (``libpango-1.0-0``, ``libpangoft2-1.0-0``, already a Debian base library) instead
of a browser on the server, and prints CSS paged media (page counters, margin boxes) natively.

The page layer writes the document (``render``); this module only prints, caches and answers. The
cache key holds the content fingerprint of the shared cache (data and code), the print stylesheet, the
language, the place, the paper and the host named in the footer. A place without a briefing is a 404
page, never a 500; one render at a time per worker keeps two CPUs and the memory for the site.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from functools import cache

from flask import Flask, Response, abort, request

from web.cache import shared_get, shared_set
from web.settings import REPO_ROOT

log = logging.getLogger(__name__)
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # one line per step and page otherwise
STYLESHEET = REPO_ROOT / "assets" / "print.css"
PAPERS = {"a4": "A4", "letter": "Letter"}
DENSITIES = ("", "compact", "tight", "roomy", "airy", "dense")  # "" is the stylesheet's own; the others are classes in it
MIN_FILL = 0.5  # no page more than half blank
_lock = threading.Lock()

# (lang, code, base url, css) -> (HTML, most pages allowed), or None for a place without a briefing
Render = Callable[[str, str, str, str], "tuple[str, int] | None"]


@cache
def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def page_fill(page) -> float:
    """How much of a page's content area its text covers, top of the first line to bottom of the last."""
    from weasyprint.formatting_structure import boxes

    box = page._page_box  # WeasyPrint's laid-out page; its public API has no text extent
    top, height = box.content_box_y(), box.height
    bottoms = [b.position_y + b.height for b in box.descendants() if isinstance(b, boxes.TextBox)
               and top <= b.position_y < top + height]
    return (max(bottoms) - top) / height if bottoms else 0.0


def print_pdf(document: str, max_pages: int) -> bytes:
    """The PDF of a complete HTML document (no network: every image is inline), laid out at the first of
    ``DENSITIES`` (``assets/print.css``) that keeps within ``max_pages`` with every page at least half full;
    when none does, the one within ``max_pages`` whose emptiest page is fullest."""
    from weasyprint import HTML  # imported on first use: the import alone takes a second

    best = None
    for density in DENSITIES:
        html = document.replace("<html ", f'<html class="print-density-{density}" ', 1) if density else document
        rendered = HTML(string=html, base_url=str(REPO_ROOT)).render()
        fills = [page_fill(p) for p in rendered.pages]
        fits = len(fills) <= max_pages
        score = (fits, min(fills) >= MIN_FILL, min(fills))
        if best is None or score > best[0]:
            best = (score, rendered, density)
        if fits and min(fills) >= MIN_FILL:
            break
    assert best is not None
    log.info("laid out at density %r: %d pages, emptiest %.0f %% full", best[2] or "default", len(best[1].pages),
             best[0][2] * 100)
    return best[1].write_pdf()


def cache_key(lang: str, code: str, paper: str, base_url: str) -> str:
    css = hashlib.sha256(stylesheet().encode()).hexdigest()[:8]
    host = hashlib.sha256(base_url.encode()).hexdigest()[:8]
    return f"briefing-pdf:{css}:{lang}:{code}:{paper}:{host}"


def briefing_pdf(render: Render, lang: str, code: str, paper: str, base_url: str) -> bytes | None:
    """The cached PDF, printed on a miss; ``None`` when ``render`` knows no such briefing."""
    key = cache_key(lang, code, paper, base_url)
    found = shared_get(key)
    if isinstance(found, bytes):
        return found
    css = stylesheet() + f"@page {{ size: {PAPERS[paper]}; }}"
    rendered = render(lang, code, base_url, css)
    if rendered is None:
        return None
    with _lock:
        started = time.perf_counter()
        data = print_pdf(*rendered)
        log.info("printed %s %s %s in %.2f s (%d bytes)", lang, code, paper, time.perf_counter() - started, len(data))
    shared_set(key, data)
    return data


def install_briefing_pdf(server: Flask, render: Render, file_name: Callable[[str, str], str]) -> None:
    """Serve ``/<lang>/briefing/<code>.pdf`` as a download named by ``file_name(code, lang)``."""

    @server.route("/<lang>/briefing/<code>.pdf")
    def briefing_pdf_file(lang: str, code: str) -> Response:
        paper = "letter" if request.args.get("paper", "").lower() == "letter" else "a4"
        data = briefing_pdf(render, lang, code, paper, request.host_url.rstrip("/"))
        if data is None:
            abort(404)
        response = Response(data, mimetype="application/pdf")
        response.headers["Content-Disposition"] = f'attachment; filename="{file_name(code, lang)}"'
        response.headers["Cache-Control"] = "public, max-age=3600"
        return response
