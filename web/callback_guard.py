"""Refuse malformed callback requests with 400 before Dash dispatches them.

Dash trusts the renderer to send well-formed bodies; a hostile or broken client can send anything,
and Dash would answer such a body with a 500. This checks the envelope (a JSON object naming a
registered callback, with lists of inputs and state) so only plausible requests reach callbacks,
which then validate their own values.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from flask import Flask, Response, jsonify, request

from web.dash_internals import CALLBACK_PATH, PAGES_ROUTER

# Containers within containers. The deepest body the pages send is a list of texts inside an input
# inside the body (4); Dash and our callbacks walk values recursively, so a body nested hundreds deep
# (which the JSON parser still reads) is refused before it reaches them.
MAX_DEPTH = 16


def depth(value: object, limit: int = MAX_DEPTH) -> int:
    """How deeply lists and objects nest in ``value`` (a scalar is 0), counted without recursion and
    given up at ``limit + 1``."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            level += 1
            if level > limit:
                return level
            deepest = max(deepest, level)
            stack.extend((child, level) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _dependencies(callback_key: str) -> list[dict[str, str]]:
    """The outputs a callback key names (Dash's own format: ``id.prop`` or ``..id.prop...id.prop..``)."""
    parts = callback_key[2:-2].split("...") if callback_key.startswith("..") else [callback_key]
    return [dict(zip(("id", "property"), part.rsplit(".", 1), strict=True)) for part in parts]


def _id_matches(sent: object, declared: str) -> bool:
    """A string id must be the declared one; a pattern id (``{"type": ..., "index": ["MATCH"]}``) must
    have the same keys and the same fixed values, any value where the pattern has a wildcard."""
    if not declared.startswith("{"):
        return sent == declared
    pattern = json.loads(declared)
    return isinstance(sent, dict) and sent.keys() == pattern.keys() and all(
        isinstance(value, list) or sent[key] == value for key, value in pattern.items()
    )


def _items_ok(items: object, declared: list) -> bool:
    """One entry per declared dependency, naming that dependency's component and property (a
    wildcard dependency may be a list of such entries)."""
    if not isinstance(items, list) or len(items) != len(declared):
        return False
    for item, dependency in zip(items, declared, strict=True):
        pattern = dependency["id"].startswith("{")
        entries = item if isinstance(item, list) and pattern else [item]
        for entry in entries:
            if (
                not isinstance(entry, dict)
                or not _property_matches(entry.get("property"), dependency["property"])
                or not _id_matches(entry.get("id"), dependency["id"])
            ):
                return False
    return True


def _property_matches(sent: object, declared: str) -> bool:
    """The declared property; an output that other callbacks may also set (``allow_duplicate``) is
    declared as ``value@<hash>``: the renderer sends it so, other clients may send plain ``value``."""
    return sent == declared or sent == declared.split("@", 1)[0]


def envelope_problem(body: object, callbacks: Mapping[str, object]) -> str | None:
    """Why a callback body is unacceptable, or None when its envelope is sound."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    if depth(body) > MAX_DEPTH:
        return "the body is nested too deeply"
    output = body.get("output")
    if not isinstance(output, str) or output not in callbacks:
        return "unknown callback"
    spec = callbacks[output]
    spec = spec if isinstance(spec, Mapping) else {}
    if "callback" not in spec:
        return "this callback runs in the browser"
    if not _items_ok(body.get("inputs"), spec.get("inputs", [])):
        return "inputs must be a list of {id, property, value}, one per input of the callback"
    state = body.get("state", [])
    if not _items_ok(state, spec.get("state", [])):
        return "state must be a list of {id, property, value}, one per state of the callback"
    outputs = body.get("outputs")
    if not output.startswith(".."):
        if not isinstance(outputs, dict) or not _items_ok([outputs], _dependencies(output)):
            return "outputs must name the callback's output"
    elif not _items_ok(outputs, _dependencies(output)):
        return "outputs must list the callback's outputs"
    if output == PAGES_ROUTER and not all(
        (isinstance(item.get("value"), str) and (item["property"] == "search" or item["value"].startswith("/")))
        or (item["property"] == "search" and item.get("value") is None)
        for item in [*body["inputs"], *state]
    ):
        return "the page address must be text starting with /"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(prop_id, str) for prop_id in changed):
        return "changedPropIds must be a list of texts"
    return None


def install_callback_guard(server: Flask, callbacks: Callable[[], Mapping[str, object]]) -> None:
    @server.before_request
    def check_callback_request() -> Response | None:
        if request.path != CALLBACK_PATH:
            return None
        if request.method != "POST":
            return _bad("callbacks accept POST only", 405)
        try:
            body = request.get_json(silent=True)
        except RecursionError:  # nested deeper than the JSON parser goes: no browser sends that
            return _bad("the body is nested too deeply", 400)
        problem = envelope_problem(body, callbacks())
        return _bad(problem, 400) if problem else None


def _bad(reason: str, status: int) -> Response:
    response = jsonify(error=reason)
    response.status_code = status
    return response
