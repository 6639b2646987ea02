"""What issue 18's probing found, each case checked: junk cannot multiply stored answers, path
variables come from the path, unknown places and charts are 404s, the request Host is never echoed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.layout_tree import page_layout, post_layout, routing_body
from web.cache import cache, cache_config
from web.callback_cache import HEADER
from web.dash_internals import CALLBACK_PATH
from web.settings import load_settings

JUNK = 1000


def stored_files() -> int:
    """Answers in the shared (filesystem) cache, as the issue counted them."""
    return sum(1 for p in Path(cache_config(load_settings())["CACHE_DIR"]).iterdir() if p.is_file())


def post(client, pathname: str, search: str):
    return client.post(CALLBACK_PATH, data=routing_body(pathname, search), content_type="application/json",
                       headers={"Accept-Encoding": "gzip"})


def test_junk_parameters_do_not_multiply_stored_answers(dash_app, client):
    dash_app.callback_answers.clear()
    cache.clear()
    first = post(client, "/es/map", "?year=2019")
    assert first.headers[HEADER] == "miss"
    files, in_memory = stored_files(), len(dash_app.callback_answers)
    assert files >= 1 and in_memory == 1
    one_request_full_of_junk = "?year=2019&" + "&".join(f"junk{i}=x" for i in range(JUNK))
    answers = [post(client, "/es/map", one_request_full_of_junk)]
    answers += [post(client, "/es/map", f"?junk={i}&year=2019") for i in range(JUNK)]
    assert {(a.status_code, a.headers[HEADER]) for a in answers} == {(200, "hit")}
    assert answers[-1].get_data() == first.get_data()
    assert (stored_files(), len(dash_app.callback_answers)) == (files, in_memory)


def test_corrected_values_are_answered_but_not_stored(dash_app, client):
    post(client, "/es/trends", "")
    files, in_memory = stored_files(), len(dash_app.callback_answers)
    for i in range(30):
        response = post(client, "/es/trends", f"?unit=junk{i}")
        assert response.status_code == 200 and response.headers.get(HEADER) is None
    assert (stored_files(), len(dash_app.callback_answers)) == (files, in_memory)


def test_a_briefing_is_about_the_place_in_its_path_whatever_the_query_says(client):
    layout = page_layout(client, "/es/briefing/VE-D", "?code=VE-F")
    assert "Aragua" in layout.texts("H1")[0]
    assert "Bolívar" not in json.dumps(layout.by_id("briefing").props.get("data-place"))
    assert layout.by_id("briefing").props["data-place"] == "VE-D"


def trace_types(layout) -> set[str]:
    figure = layout.by_id("embed-graph").props["figure"]
    return {trace.get("type", "scatter") for trace in figure["data"]}


def test_an_embed_draws_the_chart_in_its_path_whatever_the_query_says(client):
    ranking = trace_types(page_layout(client, "/embed/compare-ranking"))
    assert "choropleth" not in ranking  # the two charts are told apart by what they draw
    assert "choropleth" in trace_types(page_layout(client, "/embed/map", "?chart=compare-ranking"))


@pytest.mark.parametrize("path", ["/es/briefing/nope", "/en/briefing/VE-Q", "/embed/nope", "/embed/%3Cb%3E"])
def test_unknown_places_and_charts_answer_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    if "/briefing/" in path:  # a briefing is a document: its "no briefing for this place" page, written out
        assert "<h1>No briefing for this place</h1>" in html or "<h1>No hay informe para este lugar</h1>" in html
    else:
        assert 'id="react-entry-point"' in html  # the app renders its not-found view


@pytest.mark.parametrize("path", ["/es/briefing/VE-F", "/en/briefing/VEN", "/embed/map", "/embed/compare-ranking"])
def test_known_places_and_charts_answer_200(client, path):
    assert client.get(path).status_code == 200


def test_a_forged_host_is_not_echoed_in_the_page(client):
    page = client.get("/es/map?year=2020", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert "evil.example" not in page
    assert re.search(r'property="twitter:url" content="/es/map\?year=2020"', page)


def test_trusted_hosts_refuse_others_without_echoing_them(dash_app, client, monkeypatch):
    monkeypatch.setitem(dash_app.server.config, "TRUSTED_HOSTS", ["good.example"])
    refused = client.get("/es/map", headers={"Host": "evil.example"})
    assert refused.status_code == 400 and b"evil.example" not in refused.get_data()
    assert refused.headers["X-Content-Type-Options"] == "nosniff"
    assert client.get("/es/map", headers={"Host": "good.example"}).status_code == 200


@pytest.mark.parametrize(("pathname", "search"), [
    ("/es/trends", "?indicators=" + ",".join(f"q{i:05d}" for i in range(20_000))),
    ("/es/trends", "?states=" + ",".join(f"VE-{i}" for i in range(20_000))),
    ("/es/compare", "?countries=" + ",".join(f"C{i:04d}" for i in range(5_000))),
    ("/es/map", "?year=%C2%B2"), ("/es/compare", "?year=%D9%A3"),
    ("/es/map", "?year=" + "9" * 5000), ("/es/compare", "?year=" + "9" * 5000),
])
def test_huge_lists_and_odd_years_cost_no_more_than_a_plain_page(client, pathname, search):
    """The issue measured 4.1 MB and 20,000 banners; now a corrected page is the plain one plus a few notices."""
    plain = post_layout(client, pathname, "")
    response = post_layout(client, pathname, search)
    assert response.status_code == 200
    assert len(response.get_data()) < len(plain.get_data()) + 10_000
    assert 1 <= response.get_data(as_text=True).count('"color":"warning"') <= 9  # at most 8 named, 1 for the rest
