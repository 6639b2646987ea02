"""The embed page without a browser: chart names, language, notices and the map CSV."""

from __future__ import annotations

import csv
import io

from components.chart_registry import chart, embed_content
from components.embed_page import embed_language, embed_page
from views.map_view import MapView


def _texts(component) -> list[str]:
    out: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, (list, tuple)):
            for child in node:
                walk(child)
        elif node is not None and hasattr(node, "children"):
            walk(node.children)

    walk(component)
    return out


def test_language_defaults_to_spanish_and_an_unknown_one_is_reported():
    assert embed_language(None) == ("es", [])
    assert embed_language("en") == ("en", [])
    lang, notices = embed_language("fr")
    assert lang == "es" and "fr" in notices[0]


def test_unknown_chart_is_a_notice_not_an_error():
    texts = " ".join(_texts(embed_page("nope", {"lang": "en"})))
    assert "There is no chart called “nope”" in texts and "map" in texts


def test_map_embed_csv_holds_exactly_the_rows_drawn(dash_app):  # the app initialises the cache
    params = {"indicator": "violent_deaths", "measure": "rate", "year": "2023"}
    content = embed_content(chart("map"), params, "en")
    view, _notices = MapView.from_params(params, "en")
    figure = content.chart.children.figure  # the graph inside its sized box
    drawn = list(figure["data"][0]["locations"])
    rows = [r for r in csv.reader(io.StringIO(content.csv_text)) if r and not r[0].startswith("#")][1:]
    assert sorted(r[0] for r in rows) == sorted(drawn)
    assert len(drawn) == 14  # OVV published 2023 violent-death rates for 14 states (observations.csv)
    assert {r[2] for r in rows} == {str(view.year)}
    assert content.full_view.startswith("/en/map?") and "year=2023" in content.full_view


def test_map_embed_draws_the_latest_figure_view(dash_app):
    params = {"when": "latest"}
    content = embed_content(chart("map"), params, "en")
    assert "latest published figure of each place" in content.subtitle
    rows = [r for r in csv.reader(io.StringIO(content.csv_text)) if r and not r[0].startswith("#")][1:]
    years = {r[2] for r in rows}
    assert content.csv_filename == f"violent-deaths-venezuela-latest-{min(years)}-{max(years)}.csv"
    assert len(rows) == len(content.chart.children.figure["data"][0]["locations"]) and len(years) > 1
    assert {r[5] for r in rows} == {""}  # no position among places: figures of different years do not rank
    assert "when=latest" in content.full_view
