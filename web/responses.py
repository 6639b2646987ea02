"""Static bytes served with compression done once, an ETag and browser caching."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from functools import cached_property

from flask import Response, request


@dataclass(frozen=True)
class StaticBytes:
    raw: bytes
    mimetype: str
    max_age: int = 86400

    @cached_property
    def compressed(self) -> bytes:
        return gzip.compress(self.raw, 6)

    @cached_property
    def etag(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()[:20]

    def response(self) -> Response:
        """A 304 when the browser has it, gzip when it accepts it, the raw bytes otherwise."""
        if request.if_none_match and self.etag in request.if_none_match:
            response = Response(status=304)
        elif "gzip" in request.headers.get("Accept-Encoding", ""):
            response = Response(self.compressed, mimetype=self.mimetype)
            response.headers["Content-Encoding"] = "gzip"
        else:
            response = Response(self.raw, mimetype=self.mimetype)
        response.set_etag(self.etag)
        response.headers["Vary"] = "Accept-Encoding"
        response.cache_control.public = True
        response.cache_control.max_age = self.max_age
        return response


def install_cache_headers(server) -> None:
    """Let browsers keep the favicon between visits (scripts and styles: web/precompressed.py)."""

    @server.after_request
    def cache_static(response: Response) -> Response:
        if response.status_code != 200:
            return response
        if request.path == "/_favicon.ico":
            response.cache_control.public = True
            response.cache_control.max_age = 86400
        return response
