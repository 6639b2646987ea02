"""One size limit for every request body, however it is framed.

A body announced with ``Content-Length`` can be refused before a byte is read; a chunked body
announces nothing, so its length is only known by reading it. Flask's ``MAX_CONTENT_LENGTH`` makes
Werkzeug stop reading such a stream at the limit (when the server says it ends chunked streams,
``wsgi.input_terminated``, as gunicorn does) -- but silently: measured with Werkzeug 3.1, a longer
body comes back cut at the limit, no error. So the limit given to Werkzeug is one byte more than
ours, and a body that reaches it is refused here. Every body is read here, once, before any route:
the same 413 for every path, with our headers (the after-request hooks still run).
"""

from __future__ import annotations

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

MAX_BODY = 256 * 1024  # bytes; the largest callback body the pages send is a few kilobytes


def has_body(environ: dict) -> bool:
    """A request announcing a body: a positive ``Content-Length`` or a chunked transfer."""
    length = environ.get("CONTENT_LENGTH", "")
    chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    return chunked or bool(length and length != "0")


def too_large() -> Response:
    response = jsonify(error="request too large")
    response.status_code = 413
    response.headers["Connection"] = "close"  # the rest of the body is never read
    return response


def install_body_limit(server: Flask, max_bytes: int = MAX_BODY) -> None:
    """Refuse, with 413, any body larger than ``max_bytes``; install before every other hook."""
    server.config["MAX_CONTENT_LENGTH"] = max_bytes + 1  # so a body cut by Werkzeug is seen as too long

    @server.before_request
    def limit_body() -> Response | None:
        if not has_body(request.environ):
            return None
        if (request.content_length or 0) > max_bytes:
            return too_large()
        try:
            body = request.get_data(cache=True)  # stops at MAX_CONTENT_LENGTH, chunked bodies included
        except RequestEntityTooLarge:
            return too_large()
        return too_large() if len(body) > max_bytes else None
