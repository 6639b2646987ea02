"""Each private detail of Dash that web/dash_internals.py relies on, checked against the installed Dash.

If a Dash upgrade renames the router, moves plotly.js, changes the callback URL or stops deferring its
set-up to the first request, a test here fails and names the detail to update.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import dash

from web import dash_internals as internals

ROOT = Path(__file__).resolve().parent.parent


def test_the_pages_router_has_the_ids_we_name(dash_app):
    router = dash_app.app.callback_map[internals.PAGES_ROUTER]
    assert [i["id"] for i in router["inputs"]] == [internals.LOCATION_ID, internals.LOCATION_ID]
    ids = {component.id for component in [dash.page_container, *dash.page_container.children]
           if getattr(component, "id", None)}
    assert {internals.LOCATION_ID, internals.CONTENT_ID, internals.STORE_ID} <= ids


def test_a_routing_body_gets_the_page_layout(dash_app):
    response = dash_app.server.test_client().post(internals.CALLBACK_PATH, data=internals.routing_body("/en/trends"),
                                                  content_type="application/json")
    assert response.status_code == 200
    layout = json.loads(response.get_data(as_text=True))["response"][internals.CONTENT_ID]["children"]
    assert "trends-national" in json.dumps(layout)


def test_page_paths_are_recognised(dash_app):
    assert internals.is_page_path("/en/map") and internals.is_page_path("/es/briefing/VE-F")
    assert internals.is_page_path("/embed/trends-national")
    assert not internals.is_page_path("/es/no-such-page")


def test_plotly_js_is_loaded_from_the_url_we_answer():
    from dash import dcc

    entries = [entry for entry in dcc._js_dist if "plotly.min.js" in entry.get("relative_package_path", "")]
    assert entries, "dcc no longer lists plotly.min.js among its scripts"
    assert internals.PLOTLY_URL.endswith("/plotly/" + entries[0]["relative_package_path"])
    assert internals.PLOTLY_URL.startswith(internals.COMPONENT_SUITES)


def test_the_page_callbacks_are_registered_by_the_deferred_set_up():
    """In a fresh process, before any request: Dash's set-up hooks, run by finish_dash_setup at import,
    must have put the pages' callbacks into the callback map (Dash itself defers this to a first request)."""
    script = ("import app\n"
              "keys = app.app.callback_map\n"
              "assert any(k.startswith('..trends-national-body.children') for k in keys), 'trends callbacks missing'\n"
              "assert any('map-frames.data' in k for k in keys), 'map callback missing'\n")
    env = {**os.environ, "CACHE_DIR": tempfile.mkdtemp(prefix="internals-cache-")}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_callback_url_is_dashs():
    source = Path(dash.__file__).with_name("dash.py").read_text(encoding="utf-8")
    assert f'"{internals.CALLBACK_PATH.strip("/")}"' in source


def test_suite_urls_name_the_file_dash_serves(client):
    """The scripts Dash writes into a page carry its fingerprint; suite_file strips it to a file of the package,
    as Dash's own route does (so web/precompressed.py keeps one copy per file, a year under a version)."""
    import re
    from importlib.util import find_spec

    from dash.backends import _flask

    html = client.get("/es/map").get_data(as_text=True)
    urls = [u for u in re.findall(r'<script src="([^"]+)"', html) if u.startswith(internals.COMPONENT_SUITES)]
    assert urls
    for url in urls:
        package, _, fingerprinted = url[len(internals.COMPONENT_SUITES):].partition("/")
        name, versioned = internals.suite_file(fingerprinted)
        assert versioned and name != fingerprinted, url
        assert (Path(find_spec(package).origin).parent / name).is_file(), url
    assert internals.suite_file("deps/polyfill@7.12.1.min.js") == ("deps/polyfill@7.12.1.min.js", False)
    assert "check_fingerprint(fingerprinted_path)" in Path(_flask.__file__).read_text(encoding="utf-8")


def test_the_unused_scripts_are_the_ones_dash_writes_and_the_page_goes_without_them(dash_app, client):
    """Dash writes @babel/polyfill and DataTable's loader into every page (checked on its own script list, so
    a Dash that renames them fails here); the page we serve has neither, and still the renderer and, before it,
    the regenerator runtime that is all the renderer took from the polyfill."""
    import re

    with dash_app.server.test_request_context("/es/map"):
        written = dash_app.app._generate_scripts_html()
    removed = [m.group(0).strip() for m in internals.UNUSED_SCRIPTS.finditer(written)]
    assert len(removed) == 2, removed
    assert "/deps/polyfill@7" in removed[0] and "/dash_table/bundle." in removed[1]
    served = re.findall(r'<script src="([^"]+)"', client.get("/es/map").get_data(as_text=True))
    assert served and not [s for s in served if "polyfill" in s or "dash_table" in s]
    renderer = next(i for i, s in enumerate(served) if "dash_renderer" in s)
    runtime = next(i for i, s in enumerate(served) if "regenerator-runtime" in s)
    assert runtime < renderer


def test_the_renderer_needs_only_the_regenerator_runtime_from_the_polyfill():
    """The renderer and dcc call a global regeneratorRuntime (their lazy-loading helper); nothing else of
    core-js is named. If a Dash build names more, or needs no runtime any more, this says so."""
    import re

    dash_dir = Path(dash.__file__).parent
    for bundle in ("dash-renderer/build/dash_renderer.min.js", "dcc/dash_core_components.js"):
        text = (dash_dir / bundle).read_text(encoding="utf-8")
        assert set(re.findall(r"regeneratorRuntime\.(\w+)", text)) == {"mark", "wrap"}, bundle
        assert "_babelPolyfill" not in text and "core-js" not in text, bundle
    vendored = list((ROOT / "assets" / "vendor").glob("regenerator-runtime-*.js"))
    assert len(vendored) == 1
    assert "regeneratorRuntime = runtime" in vendored[0].read_text(encoding="utf-8")
