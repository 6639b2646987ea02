"""Every use of Dash's private internals, in one place.

Dash offers no public API for what the server needs here: the URL and body of a callback request, the
ids of the Pages router, whether a path is a registered page, the set-up Dash defers to the first
request, the URL it loads plotly.js from, how its script URLs carry a version, and which of the scripts
it writes into every page no page here uses. ``tests/test_dash_internals.py`` checks each against the
installed Dash, so an upgrade that changes one fails there, loudly, instead of somewhere in production.
"""

from __future__ import annotations

import json
import re

from flask import Flask

CALLBACK_PATH = "/_dash-update-component"  # where the renderer posts every callback request
COMPONENT_SUITES = "/_dash-component-suites/"  # where Dash serves its components' scripts
PLOTLY_URL = COMPONENT_SUITES + "plotly/package_data/plotly.min.js"  # dcc.Graph loads plotly.js from here
# Scripts Dash writes into every page that no page here needs: @babel/polyfill (core-js 2 for browsers
# older than any we support; the renderer's only need, regeneratorRuntime, is assets/vendor/
# regenerator-runtime-*.js) and DataTable's loader (the app draws no DataTable: tests/test_tables.py).
UNUSED_SCRIPTS = re.compile(
    r'\s*<script src="[^"]*' + COMPONENT_SUITES
    + r'dash/(?:deps/polyfill@[^"/]*|dash_table/bundle\.[^"/]*)"></script>')
LOCATION_ID = "_pages_location"  # the dcc.Location of Dash Pages
CONTENT_ID = "_pages_content"  # the container the router fills with a page's layout
STORE_ID = "_pages_store"  # the router's store (page title, description)
PAGES_ROUTER = f"..{CONTENT_ID}.children...{STORE_ID}.data.."  # the router callback's output key


def routing_body(pathname: str, search: str = "") -> bytes:
    """The request Dash's renderer sends for the layout of the page at ``pathname`` + ``search`` when
    a visitor opens that address (the same fields, so an answer stored for it serves the browser)."""
    location = {"id": LOCATION_ID, "property": "pathname", "value": pathname}
    changed = [f"{LOCATION_ID}.pathname", f"{LOCATION_ID}.search"]
    return json.dumps({
        "output": PAGES_ROUTER,
        "outputs": [{"id": CONTENT_ID, "property": "children"}, {"id": STORE_ID, "property": "data"}],
        "inputs": [location, {"id": LOCATION_ID, "property": "search", "value": search}],
        "changedPropIds": changed,
        "parsedChangedPropsIds": changed,
        "state": [location],
    }).encode()


def suite_file(fingerprinted_path: str) -> tuple[str, bool]:
    """The file a ``/_dash-component-suites/<package>/`` URL names inside its package, and whether the
    URL carried Dash's version fingerprint (``name.v4_4_1m1700000000.min.js``), as Dash resolves it."""
    from dash.fingerprint import check_fingerprint

    return check_fingerprint(fingerprinted_path)


def drop_unused_scripts() -> None:
    """Take UNUSED_SCRIPTS out of the page Dash writes, through Dash's public ``hooks.index`` (it
    cannot be told not to write them). Their files stay registered, so a URL to them still answers."""
    import dash

    if any(getattr(hook.func, "drops_unused_scripts", False) for hook in dash.hooks.get_hooks("index")):
        return

    def without_unused_scripts(index: str) -> str:
        return UNUSED_SCRIPTS.sub("", index)

    without_unused_scripts.drops_unused_scripts = True  # type: ignore[attr-defined]
    dash.hooks.index()(without_unused_scripts)


def is_page_path(path: str) -> bool:
    """True when Dash Pages has a page (or a path template) for ``path``."""
    from dash._pages import _path_to_page

    return bool(_path_to_page(path.strip("/"))[0])


def finish_dash_setup(server: Flask) -> None:
    """Run the set-up Dash otherwise does during the first request, now, in a single thread.

    Dash merges the pages' callbacks into its callback map and registers the pages router in
    before-request hooks that are not thread-safe: under load, a new worker's concurrent first
    requests were refused as "unknown callback". With gunicorn's ``--preload`` this runs once in the
    master and every worker inherits the result. Flask does not count it as a request.
    """
    with server.test_request_context("/healthz"):
        for hook in server.before_request_funcs.get(None, []):
            hook()


def name_pages_without_the_request_host(public_url: str) -> None:
    """Dash writes each page's ``twitter:url`` meta tag from ``request.url``, which holds whatever
    ``Host`` the client sent (a forged one is echoed into the page, and into any cache in front).
    Write it from the configured ``PUBLIC_URL`` instead, or as a path when there is none; the same
    for image URLs Dash roots at the request's host."""
    import dash.dash as dash_module
    from flask import request

    original = dash_module._page_meta_tags
    if getattr(original, "canonical", False):
        return

    def page_meta_tags(app: object, req: object) -> list[dict[str, str]]:
        tags = original(app, req)
        path = request.full_path.rstrip("?")
        for tag in tags:
            content = tag.get("content")
            if tag.get("property") == "twitter:url":
                tag["content"] = public_url + path
            elif isinstance(content, str) and content.startswith(request.root_url):
                tag["content"] = public_url + "/" + content[len(request.root_url):]
        return tags

    page_meta_tags.canonical = True  # type: ignore[attr-defined]
    dash_module._page_meta_tags = page_meta_tags


def page_for_path(path: str) -> tuple[dict, dict]:
    """The Dash Pages registry entry for ``path`` ({} when none) and the path's variables
    (``{"code": "VE-F"}`` for ``/es/briefing/VE-F``)."""
    from dash._pages import _path_to_page

    page, variables = _path_to_page(path.strip("/"))
    return page or {}, variables or {}


def page_head(app: object) -> str:
    """What Dash writes into a page's ``<head>`` for the current request, less its title: the page's
    meta tags (description, Open Graph, with the addresses :func:`name_pages_without_the_request_host`
    writes), the favicon and the stylesheets, so a page written by the server links the same files."""
    import dash.dash as dash_module
    from dash import __version__
    from dash._utils import format_tag
    from flask import request

    metas = dash_module._page_meta_tags(app, request) + app._generate_meta()  # type: ignore[attr-defined]
    metas = [meta for meta in metas if "charset" not in meta]  # the caller writes it first, as HTML requires
    tags = [format_tag("meta", meta, opened=True, sanitize=True) for meta in metas]
    favicon = {"rel": "icon", "type": "image/x-icon", "href": f"/_favicon.ico?v={__version__}"}
    return "\n".join([*tags, format_tag("link", favicon, opened=True), app._generate_css_dist_html()])  # type: ignore[attr-defined]
