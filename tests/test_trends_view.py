"""URL parameters of the trends and comparison pages: valid values kept, invalid ones corrected with notices."""

from __future__ import annotations

import pytest

from views.compare_view import CompareView
from views.map_view import MapView
from views.params import parse_year, split_list
from views.trends_view import TrendView


def test_split_list():
    assert split_list("a, b,,a", 6) == (["a", "b"], 0)
    assert split_list(["a,b", "c"], 6) == (["a", "b", "c"], 0)
    assert split_list(None, 6) == ([], 0)
    assert split_list(",".join(f"q{i}" for i in range(20_000)), 6) == ([f"q{i}" for i in range(6)], 19_994)


@pytest.mark.parametrize("raw", ["²", "٣", "٢٠٢٣", " 2020", "2_020", "9" * 5000, "-1", "1e3", "", "20201"])
def test_a_year_is_one_to_four_ascii_digits(raw):
    assert parse_year(raw) is None


def test_years_that_are_years():
    assert (parse_year("2020"), parse_year("0999"), parse_year("7")) == (2020, 999, 7)


@pytest.mark.parametrize("raw", ["²", "٣", "9" * 5000, "2_020"])
def test_odd_years_are_corrected_on_the_map_and_the_comparison(raw):
    view, notices = MapView.from_params({"year": raw}, "en")
    assert isinstance(view.year, int) and len(notices) == 1
    view, notices = CompareView.from_params({"year": raw}, "en")
    assert view.year == 2022 and len(notices) == 1


@pytest.mark.parametrize("lang", ["es", "en"])
def test_twenty_thousand_indicators_give_one_notice_for_the_surplus(lang):
    raw = ",".join(f"q{i:05d}" for i in range(20_000))
    view, notices = TrendView.from_params({"indicators": raw, "states": raw}, lang)
    assert view.indicators == ("violent_deaths", "homicides", "intentional_homicides") and view.states == ()
    # six unknown indicators and six unknown states named, and one line each for the 19,994 left out
    assert len(notices) == 14
    assert sum("19,994" in n or "19.994" in n or "19994" in n for n in notices) == 2


def test_a_long_country_list_is_cut_to_eight_before_checking():
    countries = ["COL", "BRA", "MEX", "ARG", "CHL", "PER", "ECU", "URY", "PRY", "BOL"]
    view, notices = CompareView.from_params({"countries": ",".join(countries)}, "en")
    assert view.countries == tuple(countries[:8])
    assert notices == ["2 more values were left out: at most 8 can be shown at once."]


def test_trends_defaults_and_valid_values():
    view, notices = TrendView.from_params({}, "en")
    assert notices == []
    assert view.indicators == ("violent_deaths", "homicides", "intentional_homicides")
    view, notices = TrendView.from_params({"indicators": "homicides", "unit": "count", "states": "VE-V,VE-A"}, "es")
    assert notices == [] and view.unit == "count" and view.states == ("VE-V", "VE-A")


def test_trends_invalid_values_are_corrected_with_notices():
    view, notices = TrendView.from_params({"indicators": "nope,homicides", "unit": "furlongs", "states": "VE-A,<b>",
                               "composition": "pie"}, "es")
    assert view.indicators == ("homicides",) and view.unit == "rate_per_100k"
    assert view.states == ("VE-A",) and view.composition == "count"
    assert len(notices) == 4 and any("«nope»" in n or "“nope”" in n for n in notices)


def test_compare_defaults_and_corrections():
    view, notices = CompareView.from_params({}, "en")
    assert notices == [] and view.year == 2022 and view.align == "peak" and view.distributor == "owid"
    view, notices = CompareView.from_params({"year": "2031", "countries": "COL,XYZ", "align": "diagonal", "source": "x"},
                                      "en")
    assert view.year == 2023 and view.countries == ("COL",) and view.align == "peak"
    assert len(notices) == 4
