"""Release selection, shares, derived rates and event positions against hand-computed values.

The shares and rates are computed by ``data/derive.py`` and read from the derived table; these tests
check the rules and the values the trends page gets.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.trend_series import (
    composition,
    event_position,
    latest_release,
    population_sensitivity,
    producer_label,
)
from components.trend_charts import _gapped
from data.derive import population_rates


def test_latest_release_wins_and_the_earlier_stays_visible():
    frame = pd.DataFrame({"year": [2018, 2018, 2019], "value": [30.0, 33.0, 21.0],
                          "source_id": ["mij-2018-statement", "mij-2020-statement", "mij-2020-statement"]})
    published = {"mij-2018-statement": "2018-12", "mij-2020-statement": "2020-01"}
    current, superseded = latest_release(frame, published)
    assert list(zip(current["year"], current["value"], strict=True)) == [(2018, 33.0), (2019, 21.0)]
    assert list(superseded["value"]) == [30.0]


def _rate(count: str, population: str) -> str:
    counts = pd.DataFrame({"year": ["2023"], "value": [count], "source_id": ["c"]})
    bases = pd.DataFrame({"year": ["2023"], "base": ["ovv_stated"], "value": [population], "source_id": ["p"]})
    return population_rates("violent_deaths", counts, bases)[0].value


def test_rate_per_100k():
    assert _rate("6973", "26000000") == "26.8"  # OVV's own 2023 rate
    assert _rate("6973", "32217223") == "21.6"
    with pytest.raises(ValueError):
        _rate("1", "0")


def test_derived_rates_only_combine_the_same_year():
    counts = pd.DataFrame({"year": ["2019", "2023"], "value": ["16506", "6973"], "source_id": ["c19", "c23"]})
    bases = pd.DataFrame({"year": ["2019", "2019", "2024"], "base": ["ovs_stated", "encovi_estimate", "encovi_estimate"],
                          "value": ["32217223", "28000000", "29370000"], "source_id": ["p1", "p2", "p3"],
                          "qualifier": ["exact", "rounded", "rounded"]})
    rates = population_rates("violent_deaths", counts, bases)
    # 16506 / 28,000,000 * 1e5 = 58.95 exactly. This test used to pin 58.9: Python's round() saw the binary
    # float 58.9499999... Sources round the decimal value half-up, so the derived table publishes 59.0.
    assert [(r.year, r.population_base, r.value) for r in rates] == [(2019, "encovi_estimate", "59.0"),
                                                                      (2019, "ovs_stated", "51.2")]
    assert rates[1].inputs == "count=16506 (c19); population=32217223 (ovs_stated, p1)"


def test_the_page_reads_the_rates_of_the_derived_table():
    _counts, rates, _published = population_sensitivity("violent_deaths")
    y2019 = {r.base: r for r in rates if r.year == 2019}
    assert y2019["encovi_estimate"].rate == 59.0  # 16506 / 28,000,000 × 1e5 = 58.95, half-up (was 58.9)
    assert (y2019["encovi_estimate"].count, y2019["encovi_estimate"].population) == (16506, 28_000_000)
    assert y2019["encovi_estimate"].qualifier == "rounded"
    disappearances = {(r.year, r.base): r.rate for r in population_sensitivity("disappearances")[1]}
    assert disappearances[(2023, "ovv_stated")] == 5.6  # 1443 / 26,000,000 × 1e5 = 5.55 exactly (was 5.5)


def test_composition_shares_add_up_and_need_the_core_categories():
    frame = composition()
    shares = frame[frame["share"].notna()]
    for _year, group in shares.groupby("year"):
        assert abs(group["share"].sum() - 100) <= 0.2
    y2023 = shares[shares["year"] == 2023].set_index("component")
    # 1956 / (1956 + 953 + 4064 + 1443) = 0.2324...
    assert y2023.loc["homicides", "share"] == 23.2
    assert frame[frame["year"] == 2011]["share"].isna().all()  # homicides alone: no share


def test_event_position():
    assert event_position("2004") == 2004.0
    assert event_position("2017-03") == round(2017 + 59 / 365, 3)
    assert event_position("2013-05-13") == round(2013 + 132 / 365, 3)
    assert event_position("2020-01") == 2020.0


def test_gaps_break_lines_instead_of_bridging_them():
    assert _gapped([2014, 2016], [1.0, 2.0]) == ([2014, 2015, 2016], [1.0, None, 2.0])
    assert _gapped([], []) == ([], [])


def test_producer_labels_are_short():
    assert producer_label("ovv", "es") == "OVV"
    assert producer_label("unodc", "en") == "UNODC"
    assert producer_label("who", "en") == "WHO" and producer_label("who", "es") == "OMS"
