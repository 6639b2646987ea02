"""Release selection, shares, derived rates and event positions against hand-computed values."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.trend_series import (
    composition,
    derived_rates,
    event_position,
    latest_release,
    producer_label,
    rate_per_100k,
)
from components.trend_charts import _gapped


def test_latest_release_wins_and_the_earlier_stays_visible():
    frame = pd.DataFrame({"year": [2018, 2018, 2019], "value": [30.0, 33.0, 21.0],
                          "source_id": ["mij-2018-statement", "mij-2020-statement", "mij-2020-statement"]})
    published = {"mij-2018-statement": "2018-12", "mij-2020-statement": "2020-01"}
    current, superseded = latest_release(frame, published)
    assert list(zip(current["year"], current["value"], strict=True)) == [(2018, 33.0), (2019, 21.0)]
    assert list(superseded["value"]) == [30.0]


def test_rate_per_100k():
    assert rate_per_100k(6973, 26_000_000) == 26.8  # OVV's own 2023 rate
    assert rate_per_100k(6973, 32_217_223) == 21.6
    with pytest.raises(ValueError):
        rate_per_100k(1, 0)


def test_derived_rates_only_combine_the_same_year():
    counts = pd.DataFrame({"year": [2019, 2023], "value": [16506.0, 6973.0], "source_id": ["c19", "c23"]})
    bases = pd.DataFrame({"year": [2019, 2019, 2024], "base": ["ovs_stated", "encovi_estimate", "encovi_estimate"],
                          "value": [32217223.0, 28000000.0, 29370000.0], "source_id": ["p1", "p2", "p3"],
                          "qualifier": ["exact", "rounded", "rounded"]})
    rates = derived_rates(counts, bases)
    # 16506 / 28,000,000 * 1e5 = 58.95 -> 58.9 (banker's rounding of .95 is not involved: 58.9500... -> 58.9)
    assert [(r.year, r.base, r.rate) for r in rates] == [(2019, "encovi_estimate", 58.9), (2019, "ovs_stated", 51.2)]
    assert rates[1].inputs == "count=16506 (c19); population=32217223 (ovs_stated, p1)"


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
    assert producer_label("ovv") == "OVV"
    assert producer_label("unodc") == "UNODC"
