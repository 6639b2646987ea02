"""Serve the static scripts and styles compressed once per process, with brotli where browsers take it.

Every page sends Dash's renderer, React, the component bundles, our plotly.js bundle and the
``/assets/`` files. flask-compress (Dash's ``compress=True``) compressed them again on every request,
at a fast level (zstd 3 or brotli 4): 473 KB for plotly.js alone. Brotli at quality 11 makes it 386 KB
but costs seconds of CPU, so it is done once per file per process, on a background thread (brotli
releases the GIL, so the worker's other threads go on answering); until it is ready the file is served
gzip level 9 (milliseconds). flask-compress still compresses the dynamic answers (pages, callbacks), but
never these: nothing is compressed twice, nor per request.

A file is remembered the first time Dash (or Flask's static route, or our plotly route) answers it with
a 200, under the file it names rather than the URL (a fingerprint in the URL is ignored), so the store
holds at most one entry per file that exists. Later requests are answered from memory before Dash runs:
``Vary: Accept-Encoding``, an ETag per encoding (a 304 when the browser has it), and a year's
``immutable`` cache when the URL carries a version (Dash's ``.v<version>m<mtime>`` names, ``?m=`` on
assets); otherwise an hour, then revalidation.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

import brotli
from flask import Flask, Response, g, request
from flask_compress import Compress

from web.dash_internals import COMPONENT_SUITES, suite_file

ASSETS = "/assets/"
YEAR = 31536000
HOUR = 3600
INTERIM = 60  # seconds a gzip answer sent while brotli is being made may be kept (by a proxy, too)
MIN_SIZE = 256  # bytes: below this, compression saves less than its header costs
NICE = 10  # of the brotli thread
ENCODINGS = ("br", "gzip")  # preferred first when a request accepts both equally


class Precompressed:
    """One file's bytes, raw, gzip 9 (at once) and brotli 11 (on a background thread)."""

    def __init__(self, raw: bytes, content_type: str, submit: Callable[[Callable[[], None]], object]) -> None:
        self.raw = raw
        self.content_type = content_type
        self.etag = hashlib.sha256(raw).hexdigest()[:20]
        self.gzip: bytes | None = None
        self.br: bytes | None = None
        self.br_pending = len(raw) >= MIN_SIZE
        if self.br_pending:
            self.gzip = _smaller(gzip.compress(raw, 9, mtime=0), raw)
            submit(self._compress_brotli)

    def _compress_brotli(self) -> None:
        try:
            self.br = _smaller(brotli.compress(self.raw, quality=11), self.raw)
        finally:
            self.br_pending = False

    def tags(self) -> list[str]:
        return [self.etag, *(f"{self.etag}-{encoding}" for encoding in ENCODINGS)]

    def response(self, immutable: bool) -> Response:
        """The best encoding the request accepts of those ready; a 304 when it has one already."""
        return self.fill(Response(content_type=self.content_type), immutable)

    def fill(self, response: Response, immutable: bool) -> Response:
        """Put this file into ``response`` (in place: headers other hooks set stay).

        An answer sent while a better encoding the request accepts is still being made is kept
        only briefly (browsers and proxies then ask again and get brotli, or a 304 for what they hold)."""
        accepted = request.accept_encodings
        encoding = accepted.best_match([e for e in ENCODINGS if getattr(self, e)])
        coming = [e for e in ENCODINGS if getattr(self, e) or (e == "br" and self.br_pending)]
        final = encoding == accepted.best_match(coming)
        if any(request.if_none_match.contains_weak(tag) for tag in self.tags()):
            response.status_code = 304
            response.set_data(b"")
            response.headers.pop("Content-Type", None)
        else:
            response.set_data(getattr(self, encoding) if encoding else self.raw)
        if encoding:
            response.headers["Content-Encoding"] = encoding
        response.set_etag(f"{self.etag}-{encoding}" if encoding else self.etag)
        response.headers["Vary"] = "Accept-Encoding"
        if not final:
            response.headers["Cache-Control"] = f"public, max-age={INTERIM}"
        elif immutable:
            response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
        else:
            response.headers["Cache-Control"] = f"public, max-age={HOUR}"
        response.headers.pop("Accept-Ranges", None)  # a Range is answered with the whole file
        return response


def _smaller(compressed: bytes, raw: bytes) -> bytes | None:
    return compressed if len(compressed) < len(raw) else None


def _yield_the_cpu() -> None:
    """Run this thread at a low priority (Linux sets it per thread): answering comes first. Nice 10 gets
    about a tenth of a core beside a busy one; 19 (a sixty-fourth) can starve it on a machine kept
    busy by other processes."""
    with contextlib.suppress(AttributeError, OSError):  # elsewhere: at the worker's priority
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)


class Store:
    """The files answered so far, by file; brotli jobs run one at a time on a thread of this process."""

    def __init__(self) -> None:
        self.files: dict[str, Precompressed] = {}
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = 0
        self._jobs: list[Future] = []

    def _submit(self, job: Callable[[], None]) -> None:
        # A pool made before gunicorn forks has no thread in the worker: make one per process.
        if self._pool is None or self._pool_pid != os.getpid():
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="brotli", initializer=_yield_the_cpu)
            self._pool_pid = os.getpid()
        self._jobs = [job for job in self._jobs if not job.done()] + [self._pool.submit(job)]

    def add(self, key: str, raw: bytes, content_type: str) -> Precompressed:
        with self._lock:
            if key not in self.files:
                self.files[key] = Precompressed(raw, content_type, self._submit)
            return self.files[key]

    def settle(self, timeout: float = 60.0) -> None:
        """Wait for the brotli jobs under way (for tests and benchmarks; serving never waits)."""
        wait(list(self._jobs), timeout=timeout)


STORE = Store()


def static_file() -> tuple[str, bool] | None:
    """(the file the request names, whether its URL carries a version), or None when not a static file."""
    if request.method not in ("GET", "HEAD"):
        return None
    path = request.path
    if path.startswith(COMPONENT_SUITES):
        package, _, fingerprinted = path[len(COMPONENT_SUITES):].partition("/")
        name, versioned = suite_file(fingerprinted)
        return f"suite:{package}/{name}", versioned
    if path.startswith(ASSETS):
        return f"asset:{path}", "m" in request.args
    return None


def install_precompressed(server: Flask, store: Store = STORE) -> Compress:
    """Answer static files from memory once seen, and compress every other answer per request.

    Call it first among the app's hooks (Dash made with ``compress=False``): Flask runs after-request
    hooks last-registered first, so this one then sees each answer last, as flask-compress did when Dash
    registered it, with every header the other hooks set. Returns the flask-compress it drives."""
    server.config["COMPRESS_REGISTER"] = False  # its hook is called from ours, for dynamic answers only
    dynamic = Compress(server)

    @server.before_request
    def serve_from_memory() -> Response | None:
        found = static_file()
        if found and found[0] in store.files:
            g.precompressed = True
            return store.files[found[0]].response(found[1])
        return None

    @server.after_request
    def compress(response: Response) -> Response:
        if g.get("precompressed"):
            return response
        found = static_file()
        if not found or response.status_code != 200 or "Content-Encoding" in response.headers:
            return dynamic.after_request(response)
        response.direct_passthrough = False  # Flask's static files are streamed: read them
        entry = store.add(found[0], response.get_data(), response.content_type or "application/octet-stream")
        return entry.fill(response, found[1])

    return dynamic
