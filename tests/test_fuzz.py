"""Property-based bad input against the app: every page and embed with hostile URL parameters,
every callback with random values, malformed callback bodies, and path traversal.

Nothing may answer 5xx or show a traceback, and URL text never comes back as markup.
The number of generated cases is printed at the end of the run.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urlencode

import dash
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import app as dashboard  # registers every page and embed before the strategies list them
from tests.conftest import FUZZ_COUNTS
from web.dash_internals import routing_body

PARAMS = ["indicator", "measure", "source", "year", "level", "state", "view", "lang", "unit", "indicators",
          "states", "countries", "align", "composition", "base_indicator", "state_indicator", "state_unit", "chart",
          "x", "__proto__", "pathname"]
NASTY = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "../../etc/passwd",
    "%00", "\u202e\u0000", "VE-A", "VE-F", "ovv", "2023", "-1", "1e309", "NaN", "9" * 400, "x" * 5000,
    "Ñandú ñ 日本 🔥", "{\"a\":1}", "[]", "' OR 1=1 --", "${7*7}", "{{7*7}}",
]
text = st.one_of(st.sampled_from(NASTY), st.text(max_size=60))
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


def page_paths() -> list[str]:
    paths = []
    for page in dash.page_registry.values():
        template = page.get("path_template")
        paths.append(template or page["path"])
    return paths


def concrete(path: str, filler: str) -> str:
    return re.sub(r"<[^>]+>", quote(filler, safe=""), path)


def assert_safe(response, *, html_payloads: list[str]) -> None:
    assert response.status_code < 500, response.data[:300]
    body = response.get_data(as_text=True)
    assert "Traceback" not in body
    if response.mimetype == "text/html":
        for payload in html_payloads:
            if len(payload) > 3 and "<" in payload:
                assert payload not in body


def check_json_is_inert(payload: object) -> None:
    """Component trees carry URL text only as text: no raw-HTML props, no script URLs."""
    if isinstance(payload, dict):
        assert payload.get("dangerously_allow_html") is not True
        href = payload.get("href")
        assert not (isinstance(href, str) and href.strip().lower().startswith("javascript:"))
        for value in payload.values():
            check_json_is_inert(value)
    elif isinstance(payload, list):
        for value in payload:
            check_json_is_inert(value)


@pytest.fixture(scope="module")
def warm_client(client):
    client.get("/es")  # Dash registers the pages router and callbacks on its first request
    return client


@SETTINGS
@given(path=st.sampled_from(page_paths()), filler=text, query=st.dictionaries(st.sampled_from(PARAMS), text, max_size=5))
def test_page_layouts_survive_hostile_parameters(warm_client, path, filler, query):
    FUZZ_COUNTS["page layouts"] += 1
    pathname = concrete(path, filler)
    search = "?" + urlencode(query)
    response = warm_client.post("/_dash-update-component", data=routing_body(pathname, search),
                                content_type="application/json")
    assert_safe(response, html_payloads=list(query.values()))
    if response.status_code == 200:
        check_json_is_inert(response.get_json())
    page = warm_client.get(pathname + search)
    assert page.status_code in (200, 404)
    assert_safe(page, html_payloads=[*query.values(), filler])


values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), text),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(text, children, max_size=4)),
    max_leaves=8,
)


def callback_specs(app) -> list[tuple[str, dict]]:
    return sorted(app.callback_map.items())


@SETTINGS
@given(data=st.data())
def test_every_callback_survives_random_values(warm_client, data):
    FUZZ_COUNTS["callback bodies"] += 1
    output, spec = data.draw(st.sampled_from(callback_specs(dashboard.app)))
    def concrete_id(component_id):
        # Pattern-matching ids hold wildcards (MATCH, ALL); send a concrete id as a browser would.
        return json.loads(json.dumps(component_id, default=lambda _wildcard: "map"))

    def items(deps):
        return [{"id": concrete_id(d["id"]), "property": d["property"], "value": data.draw(values)} for d in deps]
    outputs = [{"id": concrete_id(o.component_id), "property": o.component_property} for o in spec["output"]] \
        if isinstance(spec["output"], list) else {"id": concrete_id(spec["output"].component_id),
                                                  "property": spec["output"].component_property}
    body = {"output": output, "outputs": outputs, "inputs": items(spec.get("inputs", [])),
            "state": items(spec.get("state", [])), "changedPropIds": []}
    if body["inputs"]:
        first = body["inputs"][0]
        body["changedPropIds"] = [f"{first['id']}.{first['property']}"]
    response = warm_client.post("/_dash-update-component", json=body)
    assert_safe(response, html_payloads=[])


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(body=st.one_of(st.binary(max_size=300), values.map(lambda v: json.dumps(v).encode())))
def test_malformed_callback_bodies_are_refused(warm_client, body):
    FUZZ_COUNTS["malformed bodies"] += 1
    response = warm_client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code in (200, 204, 400, 405, 413), response.status_code
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    ["/assets/../app.py", "/assets/%2e%2e/app.py", "/assets/..%2fapp.py", "/assets/%2e%2e%2f%2e%2e%2fetc/passwd",
     "/geo/..%2f..%2fapp.py", "/geo/municipalities/..%2f..%2fapp.geojson", "/_dash-component-suites/../../app.py",
     "/_dash-component-suites/dash/..%2f..%2f..%2fapp.py", "/download/..%2fapp.py", "//etc/passwd",
     "/es/..%2f..%2fapp.py"],
)
def test_paths_outside_the_app_are_refused(warm_client, path):
    FUZZ_COUNTS["traversal paths"] += 1
    response = warm_client.get(path)
    assert response.status_code in (400, 404)
    body = response.get_data(as_text=True)
    assert "import dash" not in body and "root:" not in body
