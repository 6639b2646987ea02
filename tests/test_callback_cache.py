"""Stored callback answers: a repeated body is answered with the bytes computed the first time."""

from __future__ import annotations

import gzip
import json

import pytest

from web.callback_cache import HEADER, ByteBoundedLRU, StoredAnswer, answer_key
from web.dash_internals import CALLBACK_PATH as CALLBACK
from web.dash_internals import routing_body


def fresh_body() -> bytes:
    """A map layout request nothing has stored yet: both stores are emptied first (an unknown parameter
    would not do: answers are keyed on the page's own parameters, and a junk one is never stored)."""
    import app as dashboard
    from web.cache import cache

    dashboard.callback_answers.clear()
    cache.clear()
    return routing_body("/es/map", "?year=2019")


def post(client, body: bytes, gzip_ok: bool = True):
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    return client.post(CALLBACK, data=body, content_type="application/json", headers=headers)


def text_of(response) -> bytes:
    data = response.get_data()
    return gzip.decompress(data) if response.headers.get("Content-Encoding") == "gzip" else data


def answer(size: int) -> StoredAnswer:
    return StoredAnswer("application/json", b"x" * size)


def test_lru_is_bounded_in_bytes_and_drops_the_least_recently_used():
    memory = ByteBoundedLRU(max_bytes=100)
    memory.put("a", answer(40))
    memory.put("b", answer(40))
    assert memory.get("a") is not None  # now "b" is the least recently used
    memory.put("c", answer(40))
    assert memory.get("b") is None
    assert memory.get("a") is not None and memory.get("c") is not None
    assert memory.size == 80


def test_lru_refuses_an_answer_larger_than_its_bound_and_replaces_in_place():
    memory = ByteBoundedLRU(max_bytes=100)
    memory.put("big", answer(101))
    assert len(memory) == 0
    memory.put("a", answer(30))
    memory.put("a", answer(50))
    assert len(memory) == 1 and memory.size == 50


def test_keys_depend_on_every_value_and_on_the_variant_but_not_on_spacing_or_key_order():
    assert answer_key({"a": 1, "b": [1, 2]}, "g1") == answer_key(json.loads('{ "b":[1,2],  "a":1 }'), "g1")
    assert answer_key({"a": 1}, "g1") != answer_key({"a": 2}, "g1")
    assert answer_key({"a": [1, 2]}, "g1") != answer_key({"a": [2, 1]}, "g1")
    assert answer_key({"a": 1}, "g1") != answer_key({"a": 1}, "g0")


def test_the_same_request_spaced_differently_is_served_from_the_store(client):
    body = fresh_body()
    compact = json.dumps(json.loads(body), separators=(",", ":")).encode()
    assert post(client, body).headers[HEADER] == "miss"
    assert post(client, compact).headers[HEADER] == "hit"


def test_a_repeated_body_gets_the_same_answer_from_the_store(client):
    body = fresh_body()
    first, second = post(client, body), post(client, body)
    assert (first.status_code, second.status_code) == (200, 200)
    assert (first.headers[HEADER], second.headers[HEADER]) == ("miss", "hit")
    assert text_of(first) == text_of(second)
    layout = json.loads(text_of(second))
    assert layout["multi"] is True and "map-graph" in json.dumps(layout["response"])


def test_stored_answers_carry_the_security_headers_and_plain_json_for_clients_without_gzip(client):
    body = fresh_body()
    computed = post(client, body)
    stored = post(client, body, gzip_ok=False)
    assert stored.headers[HEADER] == "hit"
    assert "Content-Encoding" not in stored.headers
    assert stored.mimetype == "application/json"
    assert stored.get_data() == text_of(computed)
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert stored.headers[name] == computed.headers[name]


def test_another_worker_finds_the_answer_in_the_shared_cache(dash_app, client):
    body = fresh_body()
    assert post(client, body).headers[HEADER] == "miss"
    dash_app.callback_answers.clear()  # as a second worker with an empty memory would be
    assert post(client, body).headers[HEADER] == "hit"


@pytest.mark.parametrize("body", [b"not json", b'{"output": "nope"}', b"[]"])
def test_refused_bodies_are_never_looked_up_or_stored(client, body):
    for _ in range(2):
        response = post(client, body)
        assert response.status_code == 400
        assert HEADER not in response.headers


def test_a_callback_that_prevents_its_update_is_not_stored(client):
    key = "..map-state.data...map-level.value...map-view.value.."
    body = json.dumps({
        "output": key,
        "outputs": [{"id": "map-state", "property": "data"}, {"id": "map-level", "property": "value"},
                    {"id": "map-view", "property": "value"}],
        "inputs": [{"id": "map-drill", "property": "n_clicks", "value": 0},
                   {"id": "map-place", "property": "value", "value": None}],
        "state": [{"id": "map-selected", "property": "data", "value": None},
                  {"id": "map-level", "property": "value", "value": "state"},
                  {"id": "map-state", "property": "data", "value": None}],
        "changedPropIds": ["map-drill.n_clicks"],
    }).encode()
    for _ in range(2):
        response = post(client, body)
        assert response.status_code == 204
        assert HEADER not in response.headers


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/es/trends", "/en/map", "/embed/compare-ranking?lang=en"])
def test_after_warming_a_first_visit_in_the_browser_gets_the_stored_layout(dash_app, live_server, browser_page, path):
    from warm import warm

    computed, stored, _seconds = warm()
    assert computed + stored >= 80
    page = browser_page.page

    def is_layout(response) -> bool:
        return response.url.split("?")[0].endswith(CALLBACK) and "_pages_content" in (response.request.post_data or "")

    with page.expect_response(is_layout, timeout=15_000) as layout:
        page.goto(live_server + path)
    assert layout.value.status == 200
    assert layout.value.headers.get(HEADER.lower()) == "hit"
    page.wait_for_selector("h1", timeout=15_000)
    assert browser_page.errors == []


def test_after_warming_document_pages_come_from_the_cache(dash_app, client):
    from warm import warm
    from web.documents import HEADER as DOCUMENT_HEADER

    warm()
    for path in ["/es/about", "/en/briefing/VE-B", "/es", "/en/data"]:
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers[DOCUMENT_HEADER] == "hit", path


def test_a_failing_shared_cache_costs_a_computation_not_an_error(client, monkeypatch, caplog):
    """Redis going away mid-run: answers are computed and sent, and the fault is logged."""
    import web.cache

    def unreachable(*_args, **_kwargs):
        raise ConnectionError("Redis went away")

    monkeypatch.setattr(web.cache.cache, "get", unreachable)
    monkeypatch.setattr(web.cache.cache, "set", unreachable)
    with caplog.at_level("WARNING"):
        response = post(client, fresh_body())
    assert response.status_code == 200
    assert response.headers[HEADER] == "miss"
    assert "map-graph" in text_of(response).decode()
    assert any("shared cache unavailable" in record.message for record in caplog.records)
