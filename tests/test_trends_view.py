"""URL parameters of the trends and comparison pages: valid values kept, invalid ones corrected with notices."""

from __future__ import annotations

from views.compare_view import CompareView
from views.trends_view import TrendView, split_list


def test_split_list():
    assert split_list("a, b,,a") == ["a", "b"]
    assert split_list(["a,b", "c"]) == ["a", "b", "c"]
    assert split_list(None) == []


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
