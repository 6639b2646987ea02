"""Every kind of response carries the security headers, and only embeds may be framed."""

from __future__ import annotations

import pytest

from tests.conftest import BOOM_PATH
from web.dash_internals import CALLBACK_PATH, routing_body

# (kind, method, path, body, expected status)
KINDS = [
    ("page", "GET", "/es/map?year=2019&level=state", None, 200),
    ("briefing", "GET", "/en/briefing/VE-B", None, 200),
    ("embed", "GET", "/embed/map?lang=en", None, 200),
    ("embed of an unknown chart", "GET", "/embed/no-such-chart", None, 404),
    ("page layout (callback)", "POST", CALLBACK_PATH, routing_body("/es/trends"), 200),
    ("embed layout (callback)", "POST", CALLBACK_PATH, routing_body("/embed/compare-ranking", "?lang=en"), 200),
    ("refused callback", "POST", CALLBACK_PATH, b'{"output": "nope"}', 400),
    ("geometry", "GET", "/geo/states.geojson", None, 200),
    ("stylesheet", "GET", "/assets/site.css?m=1", None, 200),
    ("plotly bundle", "GET", "/_dash-component-suites/plotly/package_data/plotly.min.js", None, 200),
    ("data package download", "GET", "/download/venezuela-lethal-violence-datapackage.zip", None, 200),
    ("health check", "GET", "/healthz", None, 200),
    ("redirect", "GET", "/", None, 302),
    ("unknown page", "GET", "/es/nope", None, 404),
    ("unknown geometry", "GET", "/geo/municipalities/XX.geojson", None, 404),
    ("dev-tools endpoint", "GET", "/_reload-hash", None, 404),
    ("server error", "GET", BOOM_PATH, None, 500),
]


def fetch(client, method: str, path: str, body: bytes | None):
    if method == "POST":
        return client.post(path, data=body, content_type="application/json", headers={"Accept-Encoding": "gzip"})
    return client.get(path, headers={"Accept-Encoding": "gzip"})


def directives(csp: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in csp.split(";"):
        name, *values = directive.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize(("kind", "method", "path", "body", "status"), KINDS, ids=[k[0] for k in KINDS])
def test_every_kind_of_response_carries_the_security_headers(client, kind, method, path, body, status):
    response = fetch(client, method, path, body)
    assert response.status_code == status
    headers = response.headers
    csp = directives(headers["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"][0] == "'self'"
    assert all(token.startswith("'sha256-") for token in csp["script-src"][1:])
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"]
    for fetch_directive in ("img-src", "font-src", "connect-src"):  # injected CSS can send nothing out
        assert all(token in ("'self'", "data:", "blob:") for token in csp[fetch_directive]), fetch_directive
    assert "'unsafe-eval'" not in headers["Content-Security-Policy"]
    if path.startswith("/embed/"):
        assert csp["frame-ancestors"] == ["*"]
        assert "X-Frame-Options" not in headers
    else:
        assert csp["frame-ancestors"] == ["'none'"]
        assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Permissions-Policy"].startswith("camera=()")
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Server" not in headers
    assert "Strict-Transport-Security" not in headers  # only when HSTS=1 (behind HTTPS)
    assert b"Traceback" not in response.get_data()


def test_hsts_is_sent_when_enabled(dash_app):
    from dataclasses import replace

    import web.security

    probe = web.security.Flask("probe")
    web.security.install_security_headers(probe, replace(dash_app.settings, hsts=True), lambda: [])
    probe.add_url_rule("/", "home", lambda: "ok")
    headers = probe.test_client().get("/").headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_dev_tools_endpoint_answers_in_debug_mode_only(dash_app):
    from dataclasses import replace

    import web.security

    probe = web.security.Flask("probe")
    web.security.refuse_dev_endpoints(probe, replace(dash_app.settings, debug=True))
    probe.add_url_rule("/_reload-hash", "reload", lambda: "{}")
    assert probe.test_client().get("/_reload-hash").status_code == 200
