"""Answer a repeated callback request with the bytes sent the first time.

Every server callback of this app is a pure function of its request body: the inputs travel in the
body, the data are static for a deployment and the shared cache is namespaced by a fingerprint of
the data and code. Yet Dash, for a request it has answered before, still decodes the body, runs the
callback (whose memoized parts come back from the cache as pickles), encodes the result as JSON and
compresses it: 15-110 ms of one core for a page layout. Under load that is the queue every other
request waits in. Here the compressed answer is stored under a hash of the body, so a repeat costs
about a millisecond: first in a small per-worker memory (bounded in bytes, least recently used
first out), then in the shared cache, so a second worker or machine reuses the first one's work.

A page's layout (the pages router) is keyed on its path and its canonical query, not on the raw
body: parameters the page does not read are dropped and the rest sorted (``route_query``), so a
client adding ``&x=1``, ``&x=2``, … cannot fill the shared cache with copies of one page. A request
whose query held such junk, or values the page had to correct, is served a stored answer of the
clean query when there is one, and its own answer is never stored.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, Response, g, request

from web.cache import shared_get, shared_set
from web.dash_internals import CALLBACK_PATH, PAGES_ROUTER

MAX_STORED_ANSWER = 4 * 1024 * 1024  # compressed bytes; a larger answer is sent but not stored
HEADER = "X-Callback-Cache"
RouteQuery = Callable[[str, str], tuple[str, bool]]  # (pathname, search) -> (canonical query, storable)


@dataclass(frozen=True)
class StoredAnswer:
    mimetype: str
    compressed: bytes


class ByteBoundedLRU:
    """A thread-safe least-recently-used map whose values' sizes add up to at most ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._items: OrderedDict[str, StoredAnswer] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.size = 0

    def get(self, key: str) -> StoredAnswer | None:
        with self._lock:
            answer = self._items.get(key)
            if answer is not None:
                self._items.move_to_end(key)
            return answer

    def put(self, key: str, answer: StoredAnswer) -> None:
        weight = len(answer.compressed)
        if weight > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.size -= len(old.compressed)
            self._items[key] = answer
            self.size += weight
            while self.size > self.max_bytes:
                _key, dropped = self._items.popitem(last=False)
                self.size -= len(dropped.compressed)


def answer_key(body: object, variant: str) -> str:
    """The cache key of a parsed callback body, the same however the client spaced or ordered its JSON
    (so answers stored by ``warm`` serve browsers); ``variant`` holds what else shapes answers."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"callback-answer:{variant}:{hashlib.sha256(canonical.encode()).hexdigest()}"


def routed_key(body: object, variant: str, route_query: RouteQuery) -> tuple[str, bool]:
    """The key of a callback body and whether its answer may be stored: a page layout by its path and
    canonical query (the guard has checked both are text), any other callback by its whole body."""
    if not (isinstance(body, dict) and body.get("output") == PAGES_ROUTER):
        return answer_key(body, variant), True
    values = {item["property"]: item["value"] for item in body["inputs"]}
    pathname, search = values.get("pathname"), values.get("search") or ""
    query, storable = route_query(pathname, search)
    return answer_key({"page": pathname, "query": query}, variant), storable


def _fill(response: Response, answer: StoredAnswer, outcome: str) -> Response:
    """Put the stored answer in ``response``, compressed when the client accepts gzip."""
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response.set_data(answer.compressed)
        response.headers["Content-Encoding"] = "gzip"
    else:
        response.set_data(gzip.decompress(answer.compressed))
    response.mimetype = answer.mimetype
    response.headers["Vary"] = "Accept-Encoding"
    response.headers[HEADER] = outcome
    return response


def install_callback_cache(
    server: Flask, variant: Callable[[], str], memory_bytes: int, route_query: RouteQuery
) -> ByteBoundedLRU:
    """Serve repeated callback bodies from memory or the shared cache; store each new 200 answer.

    Install after the callback guard, so only bodies it accepted are ever looked up or stored.
    """
    memory = ByteBoundedLRU(memory_bytes)

    @server.before_request
    def answer_from_cache() -> Response | None:
        if request.path != CALLBACK_PATH or request.method != "POST":
            return None
        key, storable = routed_key(request.get_json(silent=True), variant(), route_query)  # parsed by the guard
        answer = memory.get(key)
        if answer is None:
            answer = shared_get(key)
            if isinstance(answer, StoredAnswer):
                memory.put(key, answer)
            else:
                if storable:
                    g.callback_answer_key = key
                return None
        return _fill(Response(), answer, "hit")

    @server.after_request
    def store_answer(response: Response) -> Response:
        key = g.pop("callback_answer_key", None)
        if key is None or response.status_code != 200 or response.direct_passthrough:
            return response
        if response.headers.get("Content-Encoding"):
            return response
        answer = StoredAnswer(response.mimetype or "application/json", gzip.compress(response.get_data(), 6))
        if len(answer.compressed) > MAX_STORED_ANSWER:
            return response
        memory.put(key, answer)
        shared_set(key, answer)
        return _fill(response, answer, "miss")

    return memory
