"""Every chart of the registry has, derived from its one entry: a place on its page with CSV, PNG and SVG
downloads, an embed with the same downloads, and a first visit in the warm-up list.

Pages and embeds are asked for the way the browser asks (the routing callback), so what is checked is
the layout a visitor gets, not a function's return value.
"""

from __future__ import annotations

import json

import pytest

from components.chart_registry import CHARTS, KINDS, chart_names, on_page
from warm import first_visits
from web.dash_internals import CALLBACK_PATH, routing_body

PAGE_OF = {"map": "/en/map", "trends": "/en/trends", "compare": "/en/compare", "briefing": "/en/briefing/VE-F"}


def _layout(client, path: str, search: str = "") -> dict:
    response = client.post(CALLBACK_PATH, data=routing_body(path, search), content_type="application/json")
    assert response.status_code == 200, path
    return json.loads(response.get_data(as_text=True))["response"]["_pages_content"]["children"]


def _nodes(tree: object):
    """Every component (as sent to the browser) in a layout."""
    if isinstance(tree, list):
        for item in tree:
            yield from _nodes(item)
    elif isinstance(tree, dict) and "props" in tree:
        yield tree
        yield from _nodes(tree["props"].get("children"))


def _scope(tree: object, name: str) -> dict:
    found = [n for n in _nodes(tree) if n["props"].get("data-chart-scope") == name]
    assert len(found) == 1, f"{name}: expected one element marked data-chart-scope, found {len(found)}"
    return found[0]


def _image_formats(tree: object) -> set[str]:
    return {n["props"]["data-image-format"] for n in _nodes(tree) if n["props"].get("data-image-format")}


def _has_csv(tree: object) -> bool:
    for node in _nodes(tree):
        props = node["props"]
        ident = props.get("id")
        if isinstance(ident, dict) and ident.get("type") == "chart-csv-button":
            return True
        if ident in ("map-download-csv", "embed-download-csv"):
            return True
        if str(props.get("download", "")).endswith(".csv") and str(props.get("href", "")).startswith("data:text/csv"):
            return True
    return False


def test_the_registry_names_each_chart_once_on_a_known_page():
    assert len(chart_names()) == len(set(chart_names())) == len(CHARTS)
    assert {c.page for c in CHARTS} == set(PAGE_OF)
    assert {c.kind for c in CHARTS} <= set(KINDS)
    assert [c.name for c in on_page("trends")] == ["trends-national", "trends-composition", "trends-population",
                                                   "trends-states"]
    assert [c.name for c in on_page("compare")] == ["compare-ranking", "compare-lines", "compare-trajectories",
                                                    "compare-firearms"]
    assert {"map", "briefing-trend", "briefing-compare"} <= set(chart_names())


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.name)
def test_each_chart_has_its_page_slot_with_csv_png_and_svg(dash_app, chart):
    scope = _scope(_layout(dash_app.server.test_client(), PAGE_OF[chart.page]), chart.name)
    assert _has_csv(scope), f"{chart.name}: no CSV download on its page"
    assert _image_formats(scope) == {"png", "svg"}, f"{chart.name}: PNG/SVG downloads missing on its page"
    embed_ids = [n["props"].get("id") for n in _nodes(scope) if isinstance(n["props"].get("id"), dict)]
    assert {"type": "embed-open", "chart": chart.name} in embed_ids, f"{chart.name}: no Embed action"


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.name)
def test_each_chart_has_an_embed_with_csv_png_and_svg(dash_app, chart):
    search = "?lang=en&place=VE-F" if chart.page == "briefing" else "?lang=en"
    frame = _layout(dash_app.server.test_client(), f"/embed/{chart.name}", search)
    root = next(n for n in _nodes(frame) if n["props"].get("id") == "embed-root")
    assert root["props"]["data-chart"] == chart.name
    assert _has_csv(frame) and _image_formats(frame) == {"png", "svg"}
    csv_link = next(n for n in _nodes(frame) if n["props"].get("id") == "embed-download-csv")
    assert csv_link["props"]["download"].endswith(".csv") and len(csv_link["props"]["href"]) > 200


def test_each_chart_is_warmed_in_both_languages():
    visits = set(first_visits())
    for name in chart_names():
        assert (f"/embed/{name}", "") in visits and (f"/embed/{name}", "?lang=en") in visits


def test_a_chart_file_is_named_from_its_view():
    from views.briefing_view import BriefingView
    from views.map_view import MapView

    view, _notices = MapView.from_params({"indicator": "homicides", "measure": "count", "year": "2019"}, "en")
    by_name = dict(zip(chart_names(), CHARTS, strict=True))
    assert by_name["map"].file_stem(view, "en") == "homicides-count-venezuela-2019"
    assert by_name["map"].file_stem(view, "es") == "homicidios-numero-venezuela-2019"
    assert by_name["briefing-trend"].file_stem(BriefingView("VE-F"), "es") == "bolivar-tendencia-de-la-tasa"
    assert by_name["briefing-compare"].file_stem(BriefingView("VEN"), "en") == "venezuela-comparison"
