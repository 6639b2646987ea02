"""Security headers on every response.

Framing is denied everywhere except under ``/embed/`` (the only pages meant to live inside other
sites). Scripts are limited to this origin plus the hashes of Dash's own inline scripts, so an
injected ``<script>`` never runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flask import Flask, Response, abort, request

from web.settings import Settings

EMBED_PREFIX = "/embed/"
# Dash registers its hot-reload endpoint in every app; outside debug mode it only tells a visitor the
# installed packages and watched files, so production answers it as an unknown page.
DEV_ONLY_PATHS = frozenset({"/_reload-hash"})


def content_security_policy(script_hashes: Sequence[str], framable: bool) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        # Styles cannot be locked down with hashes as scripts are: measured in Chromium with a strict
        # style-src, Dash's core components and the renderer inject some 20 <style> blocks
        # whose text changes with every Dash release, react-select and plotly fill empty <style>
        # sheets at run time, and plotly sets style attributes (style-src-attr takes no hashes).
        # What injected CSS could do is bounded by the rest: it can load nothing from elsewhere
        # (img-src, font-src, connect-src are this origin), so it cannot send anything out.
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


def refuse_dev_endpoints(server: Flask, settings: Settings) -> None:
    @server.before_request
    def not_in_production() -> None:
        if not settings.debug and request.path in DEV_ONLY_PATHS:
            abort(404)


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
