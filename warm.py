"""Compute the answers a first visit to each page needs, once, before visitors ask for them.

A page's layout is computed on its first request (up to a few hundred milliseconds of a core, more
for briefings); right after a deployment, a burst of visitors would all wait for those first
computations at once. This asks the app for the layout of every page in both languages (each
state's briefing, every embeddable chart), and for the finished HTML of the document pages
(``web/documents.py``), so the answers sit in the shared cache (the filesystem
cache of this machine, or Redis for every machine). Run it after each deployment; it is quick when
the answers are already there.

Usage: ``python -m warm`` (beside ``app.py``: it drives the wired app, so it is not part of ``web/``)
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from web.callback_cache import HEADER
from web.dash_internals import CALLBACK_PATH, page_for_path, routing_body
from web.documents import HEADER as DOCUMENT_HEADER


def first_visits() -> Iterator[tuple[str, str]]:
    """(path, query) of the default view of every page, briefing and embed."""
    from components.chart_registry import chart_names
    from geo import codes
    from i18n import DEFAULT_LANGUAGE, LANGUAGES
    from views.navigation import SECTIONS, page_path

    for lang in LANGUAGES:
        for slug in ("", *(section.slug for section in SECTIONS)):
            yield page_path(lang, slug), ""
        for place in ["VEN", *codes.state_iso_codes()]:
            yield f"/{lang}/briefing/{place}", ""
            yield f"/{lang}/place/{place}", ""  # municipalities' pages are cheap: computed on first visit
        yield f"/{lang}/search", ""
        for chart in chart_names():
            yield f"/embed/{chart}", "" if lang == DEFAULT_LANGUAGE else f"?lang={lang}"


def warm() -> tuple[int, int, float]:
    """Ask for every first visit; returns (answers computed, already stored, seconds)."""
    import app

    client = app.server.test_client()
    computed = stored = 0
    start = time.perf_counter()
    for path, search in first_visits():
        if page_for_path(path)[0].get("document"):  # served as finished HTML: store the document
            response = client.get(path + search)
            header = DOCUMENT_HEADER
        else:
            response = client.post(CALLBACK_PATH, data=routing_body(path, search), content_type="application/json")
            header = HEADER
        if response.status_code != 200:
            raise SystemExit(f"warming {path}{search} failed with status {response.status_code}")
        if page_for_path(path)[0].get("first_view"):  # and the written copy, from the layout just stored
            client.get(path + search)
        if response.headers.get(header) == "hit":
            stored += 1
        else:
            computed += 1
    return computed, stored, time.perf_counter() - start


def main() -> None:
    computed, stored, seconds = warm()
    print(f"warmed {computed + stored} pages in {seconds:.1f} s ({computed} computed, {stored} already stored)")


if __name__ == "__main__":
    main()
