"""Answer the geometry URLs (``/geo/…``) with the documents ``geo/documents.py`` builds, as static files
the browser caches (ETag, max-age, compressed once)."""

from __future__ import annotations

from functools import cache

from flask import Blueprint, Response, abort

from geo.documents import document_key, encoded
from web.responses import StaticBytes

MAX_AGE = 86400
blueprint = Blueprint("geometry", __name__)


@cache
def _static(key: str) -> StaticBytes:
    return StaticBytes(encoded(key), "application/json", MAX_AGE)


def _send(key: str | None) -> Response:
    if key is None:
        abort(404)
    try:
        return _static(key).response()
    except FileNotFoundError:
        abort(503, description="geometry has not been built")


@blueprint.route("/geo/<name>.geojson")
def national(name: str) -> Response:
    return _send(document_key(name))


@blueprint.route("/geo/municipalities/<state>.geojson")
def state_municipalities(state: str) -> Response:
    return _send(document_key("municipalities", state))
