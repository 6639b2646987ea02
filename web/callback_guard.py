"""Refuse malformed callback requests with 400 before Dash dispatches them.

Dash trusts the renderer to send well-formed bodies; a hostile or broken client can send anything,
and Dash would answer such a body with a 500. This checks the envelope (a JSON object naming a
registered callback, with lists of inputs and state) so only plausible requests reach callbacks,
which then validate their own values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from flask import Flask, Response, jsonify, request

from web.dash_internals import CALLBACK_PATH, PAGES_ROUTER

MAX_BODY = 256 * 1024


def _items_ok(items: object) -> bool:
    if not isinstance(items, list):
        return False
    for item in items:
        entries = item if isinstance(item, list) else [item]
        for entry in entries:
            if not isinstance(entry, dict) or "id" not in entry or not isinstance(entry.get("property"), str):
                return False
    return True


def envelope_problem(body: object, callbacks: Mapping[str, object]) -> str | None:
    """Why a callback body is unacceptable, or None when its envelope is sound."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in callbacks:
        return "unknown callback"
    spec = callbacks[output]
    spec = spec if isinstance(spec, Mapping) else {}
    if "callback" not in spec:
        return "this callback runs in the browser"
    if not _items_ok(body.get("inputs")) or len(body["inputs"]) != len(spec.get("inputs", [])):
        return "inputs must be a list of {id, property, value}, one per input of the callback"
    state = body.get("state", [])
    if not _items_ok(state) or len(state) != len(spec.get("state", [])):
        return "state must be a list of {id, property, value}, one per state of the callback"
    outputs = body.get("outputs")
    expected = output.count("...") + 1 if output.startswith("..") else 1
    if expected == 1 and not output.startswith(".."):
        if not isinstance(outputs, dict) or not isinstance(outputs.get("property"), str):
            return "outputs must name the callback's output"
    elif not isinstance(outputs, list) or len(outputs) != expected or not _items_ok(outputs):
        return "outputs must list the callback's outputs"
    if output == PAGES_ROUTER and not all(
        isinstance(item.get("value"), str) or (item.get("property") == "search" and item.get("value") is None)
        for item in [*body["inputs"], *state]
    ):
        return "the page address must be text"
    if "changedPropIds" in body and not isinstance(body["changedPropIds"], list):
        return "changedPropIds must be a list"
    return None


def install_callback_guard(server: Flask, callbacks: Callable[[], Mapping[str, object]]) -> None:
    @server.before_request
    def check_callback_request() -> Response | None:
        if request.path != CALLBACK_PATH:
            return None
        if request.method != "POST":
            return _bad("callbacks accept POST only", 405)
        if (request.content_length or 0) > MAX_BODY:
            return _bad("request too large", 413)
        body = request.get_json(silent=True)
        problem = envelope_problem(body, callbacks())
        return _bad(problem, 400) if problem else None


def _bad(reason: str, status: int) -> Response:
    response = jsonify(error=reason)
    response.status_code = status
    return response
