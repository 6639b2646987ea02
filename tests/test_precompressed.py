"""Static scripts and styles: brotli or gzip made once, cached a year under a versioned URL, revalidated.

Expected bytes are read from the installed packages and from assets/, never from web/precompressed.py.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import dash
import pytest
from flask import Flask

from web.precompressed import STORE, Precompressed

ROOT = Path(__file__).resolve().parent.parent
DASH_DIR = Path(dash.__file__).parent
BROWSER = "gzip, deflate, br, zstd"  # what Chromium sends
YEAR = "public, max-age=31536000, immutable"


def page_scripts(client, path: str = "/es/map") -> list[str]:
    html = client.get(path).get_data(as_text=True)
    return re.findall(r'<script src="([^"]+)"', html)


@pytest.fixture(scope="module")
def renderer(client) -> str:
    """The renderer's URL as the page writes it (Dash's fingerprint in the name), once brotli is made."""
    url = next(s for s in page_scripts(client) if "dash_renderer" in s)
    client.get(url, headers={"Accept-Encoding": BROWSER})
    STORE.settle()
    return url


def test_a_fingerprinted_bundle_is_brotli_cached_a_year_and_revalidated(client, renderer):
    assert re.search(r"\.v[0-9_]+m[0-9]+\.min\.js$", renderer), renderer
    plain = (DASH_DIR / "dash-renderer" / "build" / "dash_renderer.min.js").read_bytes()
    response = client.get(renderer, headers={"Accept-Encoding": BROWSER})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "br"
    assert response.headers["Cache-Control"] == YEAR
    assert "Accept-Encoding" in response.headers["Vary"]
    assert brotli.decompress(response.data) == plain  # compressed once, not twice
    assert len(response.data) < len(gzip.compress(plain, 9))
    etag = response.headers["ETag"]
    assert etag
    again = client.get(renderer, headers={"Accept-Encoding": BROWSER, "If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["Cache-Control"] == YEAR
    other = client.get(renderer, headers={"Accept-Encoding": BROWSER, "If-None-Match": '"something-else"'})
    assert other.status_code == 200


def test_other_encodings_follow_accept_encoding(client, renderer):
    plain = (DASH_DIR / "dash-renderer" / "build" / "dash_renderer.min.js").read_bytes()
    gzipped = client.get(renderer, headers={"Accept-Encoding": "gzip"})
    assert gzipped.headers["Content-Encoding"] == "gzip" and gzip.decompress(gzipped.data) == plain
    refused = client.get(renderer, headers={"Accept-Encoding": "br;q=0, gzip"})
    assert refused.headers["Content-Encoding"] == "gzip"
    raw = client.get(renderer, headers={"Accept-Encoding": ""})
    assert "Content-Encoding" not in raw.headers and raw.data == plain
    zstd_only = client.get(renderer, headers={"Accept-Encoding": "zstd"})
    assert "Content-Encoding" not in zstd_only.headers and zstd_only.data == plain  # not compressed per request
    assert len({gzipped.headers["ETag"], raw.headers["ETag"], client.get(renderer).headers["ETag"]}) == 2


def test_a_file_is_kept_once_whatever_fingerprint_its_url_carries(client, renderer):
    before = len(STORE.files)
    forged = re.sub(r"\.v[0-9_]+m[0-9]+\.", ".v9_9_9m123.", renderer)
    response = client.get(forged, headers={"Accept-Encoding": BROWSER})
    assert response.status_code == 200 and response.headers["Content-Encoding"] == "br"
    assert len(STORE.files) == before


def test_assets_and_the_plotly_bundle_are_precompressed(client):
    html = client.get("/es/map").get_data(as_text=True)
    css = re.search(r'href="(/assets/site\.css\?m=[0-9.]+)"', html).group(1)
    plotly = "/_dash-component-suites/plotly/package_data/plotly.min.js"
    for url in (css, plotly):
        client.get(url, headers={"Accept-Encoding": BROWSER})
    STORE.settle()
    styled = client.get(css, headers={"Accept-Encoding": BROWSER})
    assert styled.headers["Content-Encoding"] == "br" and styled.headers["Cache-Control"] == YEAR
    assert brotli.decompress(styled.data) == (ROOT / "assets" / "site.css").read_bytes()
    bundle = client.get(plotly, headers={"Accept-Encoding": BROWSER})
    plain = (ROOT / "assets" / "vendor" / "plotly-4.1.1-custom.min.js").read_bytes()
    assert bundle.headers["Content-Encoding"] == "br" and brotli.decompress(bundle.data) == plain
    # No version in this URL (dcc.Graph asks for it by a fixed name): an hour, then an ETag revalidation.
    assert bundle.headers["Cache-Control"] == "public, max-age=3600"
    assert client.get(plotly, headers={"If-None-Match": bundle.headers["ETag"]}).status_code == 304


def test_pages_and_callbacks_are_still_compressed_per_request(client):
    for path in ("/es/map", "/es"):  # the app shell, and a document page written by the server
        page = client.get(path, headers={"Accept-Encoding": "gzip"})
        assert page.headers["Content-Encoding"] == "gzip"
        assert b"<html" in gzip.decompress(page.data)
    missing = client.get("/assets/no-such-file.js", headers={"Accept-Encoding": BROWSER})
    assert missing.status_code == 404


def test_while_brotli_is_made_gzip_is_served_briefly():
    server = Flask(__name__)
    jobs: list = []
    raw = b"var a = 'precompressed';\n" * 400
    entry = Precompressed(raw, "text/javascript", jobs.append)
    with server.test_request_context(headers={"Accept-Encoding": BROWSER}):
        interim = entry.response(immutable=True)
        assert interim.headers["Content-Encoding"] == "gzip"
        assert interim.headers["Cache-Control"] == "public, max-age=60"  # a proxy asks again soon
        assert gzip.decompress(interim.get_data()) == raw
    with server.test_request_context(headers={"Accept-Encoding": "gzip"}):
        assert entry.response(immutable=True).headers["Cache-Control"] == YEAR  # gzip is all it takes
    [job] = jobs
    job()
    with server.test_request_context(headers={"Accept-Encoding": BROWSER, "If-None-Match": interim.headers["ETag"]}):
        assert entry.response(immutable=True).status_code == 304  # what it holds is still good
    with server.test_request_context(headers={"Accept-Encoding": BROWSER}):
        final = entry.response(immutable=True)
        assert final.headers["Content-Encoding"] == "br" and final.headers["Cache-Control"] == YEAR
        assert brotli.decompress(final.get_data()) == raw


def test_brotli_is_made_on_a_thread_of_low_priority():
    import os
    import sys
    import threading

    from web.precompressed import Store

    if not sys.platform.startswith("linux"):
        pytest.skip("thread priorities are set on Linux only")
    seen: list[tuple[int, int]] = []
    store = Store()
    store._submit(lambda: seen.append((threading.get_native_id(),
                                       os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))))
    store.settle()
    [(thread, priority)] = seen
    assert thread != threading.get_native_id() and priority == 10
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) < 10  # the serving threads keep theirs
