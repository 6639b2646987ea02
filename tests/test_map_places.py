"""The map's place picker and year labels: which places it offers, what a pick does, which years are labelled."""

from __future__ import annotations

import csv

import pytest

from components.map_selection import year_marks
from geo.paths import CROSSWALK_DIR
from views.map_places import pick_action, place_options


def _crosswalk(name: str) -> list[dict[str, str]]:
    with open(CROSSWALK_DIR / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_picker_lists_the_25_states_alphabetically_and_nothing_else_at_first():
    options = place_options(None, "es")
    assert len(options) == 25
    labels = [o["label"] for o in options]
    assert labels[0] == "Amazonas" and labels[-1] == "Zulia"
    assert labels.index("Mérida") < labels.index("Miranda")  # an accent does not send a name to the end
    assert {o["value"] for o in options} == {r["iso_code"] for r in _crosswalk("states.csv")}


def test_picker_adds_the_drawn_municipalities_of_the_open_state_in_both_languages():
    drawn = {r["pcode"] for r in _crosswalk("municipalities.csv") if r["state_iso"] == "VE-F" and r["polygon_status"] == "own"}
    es = place_options("VE-F", "es")
    assert {o["value"] for o in es[25:]} == drawn and len(es) == 25 + len(drawn)
    assert "Caroní (municipio de Bolívar)" in [o["label"] for o in es]
    assert "Caroní (municipality of Bolívar)" in [o["label"] for o in place_options("VE-F", "en")]


@pytest.mark.parametrize(("code", "state", "expected"), [
    ("VE-F", None, "drill"),        # Bolívar has municipalities: open them
    ("VE-F", "VE-F", "ignore"),     # already open
    ("VE-W", None, "select"),       # Dependencias Federales: islands without municipalities
    ("VE0701", "VE-F", "select"),   # a municipality: its panel
    ("VE-ZZ", None, "ignore"),      # forged values never reach the map
    ("<b>x</b>", None, "ignore"),
    (7, None, "ignore"),
    (None, None, "ignore"),
])
def test_what_a_pick_does(code, state, expected):
    assert pick_action(code, state) == expected


def test_on_a_phone_only_every_fourth_year_is_labelled():
    years = [2012, *range(2016, 2025)]
    marks = year_marks(years)
    everywhere = sorted(y for y, m in marks.items() if isinstance(m, str) and m)
    assert everywhere == [2012, 2016, 2020, 2024]
    wide_only = sorted(y for y, m in marks.items() if isinstance(m, dict))
    assert wide_only == [2017, 2018, 2019, 2021, 2022, 2023]  # labelled on wide screens only (assets/site.css)
    assert all(marks[y]["label"] == str(y) for y in wide_only)
