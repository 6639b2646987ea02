"""Security headers on every response.

Framing is denied everywhere except under ``/embed/`` (the only pages meant to live inside other
sites). Scripts are limited to this origin plus the hashes of Dash's own inline scripts, so an
injected ``<script>`` never runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flask import Flask, Response, request

from web.settings import Settings

EMBED_PREFIX = "/embed/"


def content_security_policy(script_hashes: Sequence[str], framable: bool) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        # Dash and plotly set inline style attributes and inject style rules at run time.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["*"] if framable else ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def is_framable(path: str) -> bool:
    return path.startswith(EMBED_PREFIX)


def install_security_headers(
    server: Flask, settings: Settings, script_hashes: Callable[[], Sequence[str]]
) -> None:
    """Attach the headers; ``script_hashes`` is called once, after Dash registered its scripts."""
    hashes: list[str] = []

    @server.after_request
    def add_headers(response: Response) -> Response:
        if not hashes:
            hashes.extend(script_hashes())
        framable = is_framable(request.path)
        headers = response.headers
        headers["Content-Security-Policy"] = content_security_policy(hashes, framable)
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if framable:
            headers.pop("X-Frame-Options", None)
        else:
            headers["X-Frame-Options"] = "DENY"
        if settings.hsts:
            headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        headers.pop("Server", None)
        return response
