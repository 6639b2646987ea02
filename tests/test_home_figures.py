"""The front page's figures without a browser: each checked against the package's CSV files read here with
the csv module, not through the query layer the page uses."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from analysis.color_classes import NO_FIGURE_COLOUR
from analysis.home_figures import (
    GROUPS,
    biggest_changes,
    latest_national,
    newest_additions,
    short_producer_name,
    state_map,
)
from analysis.state_shapes import state_outlines
from components.home_map import map_document
from geo import codes

TABLES = Path(__file__).resolve().parent.parent / "data" / "tables"


def _rows(table: str) -> list[dict[str, str]]:
    with (TABLES / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _published() -> dict[str, str]:
    return {row["source_id"]: row["published"] for row in _rows("sources")}


def _annual(level: str, code: str, indicator: str, unit: str, producer: str) -> dict[int, dict[str, str]]:
    """Year -> the row of the producer's latest publication, read straight from observations.csv."""
    published = _published()
    best: dict[int, dict[str, str]] = {}
    for row in _rows("observations"):
        if (row["level"], row["code"], row["indicator"], row["unit"], row["period"]) != (level, code, indicator,
                                                                                         unit, ""):
            continue
        if row["source_id"].split("-", 1)[0] != producer:
            continue
        year = int(row["year"])
        key = (published.get(row["source_id"], ""), row["source_id"])
        if year not in best or key > (published.get(best[year]["source_id"], ""), best[year]["source_id"]):
            best[year] = row
    return best


def test_the_rates_show_at_least_two_producers_each_with_its_latest_national_figure():
    headlines = latest_national("rates")
    assert len({h.figure.producer for h in headlines}) >= 2
    for headline in headlines:
        figure = headline.figure
        years = _annual("country", "VEN", figure.indicator, figure.unit, figure.producer)
        assert figure.year == max(years), (figure.producer, figure.indicator)  # nothing newer was published
        row = years[figure.year]
        assert (float(row["value"]), row["source_id"], row["locator_url"]) == (figure.value, figure.source_id,
                                                                                figure.locator_url)


def test_known_latest_figures_are_on_the_front_page():
    # OVV's 2023 annual report: 6,973 violent deaths, 26.8 per 100,000; CICPC's director: 4.1 for 2024.
    rates = {(h.figure.producer, h.figure.indicator): h for h in latest_national("rates")}
    ovv = rates[("ovv", "violent_deaths")]
    assert (ovv.figure.year, ovv.figure.value, ovv.figure.source_id) == (2023, 26.8, "ovv-iav-2023")
    assert ovv.count is not None and (ovv.count.year, ovv.count.value) == (2023, 6973)
    assert (rates[("cicpc", "homicides")].figure.year, rates[("cicpc", "homicides")].figure.value) == (2024, 4.1)
    # The Ministry's 2009-era figures and INE's 2009 survey are history, not "the latest figures".
    assert all(h.figure.producer not in {"ine", "mp"} for h in rates.values())


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.key)
def test_each_group_keeps_only_recent_figures_newest_first(group):
    headlines = latest_national(group.key)
    years = [h.figure.year for h in headlines]
    assert years == sorted(years, reverse=True)
    assert min(years) >= max(years) - group.recent_years
    assert all(h.figure.unit == group.unit and h.figure.indicator in group.indicators for h in headlines)


def test_changes_compare_a_producer_with_itself_in_consecutive_years():
    shifts = biggest_changes()
    assert shifts
    for shift in shifts:
        before, after = shift.before, shift.after
        assert (before.level, before.code, before.indicator, before.unit, before.producer) == (
            after.level, after.code, after.indicator, after.unit, after.producer)
        assert after.year == before.year + 1
        years = _annual(after.level, after.code, after.indicator, after.unit, after.producer)
        assert max(years) == after.year  # the series' latest pair, not an older one
        assert float(years[before.year]["value"]) == before.value and float(years[after.year]["value"]) == after.value
        relative = (after.value - before.value) / before.value * 100
        assert shift.change.relative == pytest.approx(relative)
    differences = [abs(s.change.difference) for s in shifts]
    assert differences == sorted(differences, reverse=True)


def test_the_national_fall_of_2023_is_among_the_biggest_changes():
    # OVV: 35.3 violent deaths per 100,000 in 2022, 26.8 in 2023 (annual reports 2022 and 2023).
    national = [s for s in biggest_changes(limit=50) if s.after.code == "VEN" and s.after.indicator == "violent_deaths"]
    assert [(s.before.value, s.after.value, s.after.year) for s in national] == [(35.3, 26.8, 2023)]
    assert round(national[0].change.relative) == -24


def test_newest_additions_follow_the_changes_log():
    added = [row for row in _rows("changes") if row["change"] == "added"]
    newest = max(row["date"] for row in added)
    expected = [row["key"] for row in added if row["date"] == newest][:4]
    releases = newest_additions(4)
    assert releases[0].date == newest
    assert [a.key for a in releases[0].additions] == expected


def test_short_producer_names_are_the_acronym_the_name_ends_with():
    assert short_producer_name("ovv", "es") == "OVV"
    assert short_producer_name("cicpc", "en") == "CICPC"
    # No acronym at the end: the whole name, never a guess.
    assert short_producer_name("lupa", "en") == "Lupa por la Vida (PROVEA and Centro Gumilla)"


def test_the_state_outlines_are_the_25_states_inside_the_view():
    outlines = state_outlines()
    assert sorted(s.code for s in outlines.shapes) == sorted(codes.state_iso_codes())
    for shape in outlines.shapes:
        assert shape.path.startswith("M"), shape.code
        for ring in shape.path.split("z")[:-1]:  # absolute start, then relative steps
            start, steps = ring[1:].split("l")
            x, y = (int(n) for n in start.split())
            numbers = [int(n) for n in steps.split()]
            for dx, dy in zip(numbers[0::2], numbers[1::2], strict=True):
                x, y = x + dx, y + dy
                assert 0 <= x <= outlines.width and 0 <= y <= outlines.height, shape.code
    assert len("".join(s.path for s in outlines.shapes)) < 20_000  # a front page, not a map service


def test_the_map_document_links_every_state_and_greys_the_ones_without_a_figure():
    figures = state_map("violent_deaths", "rate_per_100k", "ovv", 2023)
    rates_2023 = {row["code"]: float(row["value"]) for row in _rows("observations")
                  if row["level"] == "state" and row["year"] == "2023" and row["indicator"] == "violent_deaths"
                  and row["unit"] == "rate_per_100k" and row["period"] == "" and row["source_id"].startswith("ovv-")}
    assert {code: f.value for code, f in figures.values.items()} == rates_2023
    document = map_document(state_outlines(), figures, "es", lambda code: f"/es/briefing/{code}", lambda code: code)
    links = re.findall(r'<a href="([^"]+)" target="_top"[^>]*data-state="([^"]+)"><title>[^<]*</title><path d="[^"]+" '
                       r'fill="([^"]+)"', document)
    assert sorted(code for _href, code, _fill in links) == sorted(codes.state_iso_codes())
    for href, code, fill in links:
        assert href == f"/es/briefing/{code}"
        assert (fill == NO_FIGURE_COLOUR) == (code not in rates_2023), code
    assert "<script" not in document


def test_without_built_geometry_the_page_says_so_and_keeps_its_figures(dash_app, monkeypatch):
    from pages import home

    def missing():
        raise FileNotFoundError("states.geojson")

    monkeypatch.setattr(home, "state_outlines", missing)
    text = str(home.layout("en"))
    assert "The map is not available: the boundary files have not been built." in text
    assert "home-rates" in text and "Iframe(" not in text
