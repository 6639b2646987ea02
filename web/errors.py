"""Friendly errors: real 404 status for unknown pages, a plain apology (never a traceback) for 500s.

Dash answers every path with the same single-page HTML, so an unknown path would be a 200 with
the "not found" layout. ``mark_unknown_pages`` gives such responses the 404 status they deserve
while the browser still renders the translated not-found page.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from dash.exceptions import DependencyException
from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException, SecurityError

from i18n import gettext, language_of_path
from web.dash_internals import CALLBACK_PATH

log = logging.getLogger(__name__)

PAGE_RULES = {"/", "/<path:path>"}
INPUT_ERRORS = (TypeError, ValueError, KeyError, IndexError, AttributeError)


def apology_page(lang: str, status: int) -> str:
    """A self-contained page (no scripts) that needs nothing from the app to render."""

    def _(msgid: str) -> str:
        return html.escape(gettext(lang, msgid))

    if status == 404:
        title, body = _("Page not found"), _("There is no page at this address.")
    else:
        title = _("Something went wrong")
        body = _(
            "We could not show this page. The error has been logged; please try again in a moment."
        )
    home = f"/{lang}"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head><body style=\"font-family: sans-serif; margin: 2rem\">"
        f"<h1>{title}</h1><p>{body}</p>"
        f'<p><a href="{home}">{_("Back to the home page")}</a></p></body></html>'
    )


def install_error_handlers(server: Flask, is_known_page: Callable[[str], bool]) -> None:
    @server.after_request
    def mark_unknown_pages(response: Response) -> Response:
        rule = request.url_rule.rule if request.url_rule else None
        if rule in PAGE_RULES and response.status_code == 200 and not is_known_page(request.path):
            response.status_code = 404
        return response

    @server.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        status = error.code or 500
        if status == 404:
            return Response(apology_page(language_of_path(request.path), 404), 404)
        if isinstance(error, SecurityError):  # a Host outside TRUSTED_HOSTS: Werkzeug's page would echo it
            return Response("This site does not answer for that host name.\n", 400, mimetype="text/plain")
        return error.get_response()

    @server.errorhandler(Exception)
    def server_error(error: Exception) -> Response:
        if isinstance(error, DependencyException):  # an unknown file among the components' scripts
            return Response(apology_page(language_of_path(request.path), 404), 404)
        if request.path == CALLBACK_PATH and isinstance(error, INPUT_ERRORS):
            # A callback given values no page of ours sends (a hostile or stale client): refuse the
            # request rather than report a server fault; the traceback stays in the log.
            log.warning("callback refused its input: %r", error, exc_info=True)
            return Response('{"error": "invalid callback input"}', 400, mimetype="application/json")
        log.exception("unhandled error on %s %s", request.method, request.path)
        return Response(apology_page(language_of_path(request.path), 500), 500)
