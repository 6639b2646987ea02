"""Indexing, alignment, ranking and the halving path against hand-computed values."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.benchmark_series import (
    align,
    base_year_for_start,
    country_rates,
    halving_path,
    index_to,
    peak_year,
    practice_cases,
    ranking,
)

MEDELLIN = [(1979, 44.0), (1991, 388.0), (2008, 47.0)]


def test_index_to_base_year():
    assert index_to([(2000, 50.0), (2001, 25.0), (2003, 75.0)], 2000) == [(2000, 100.0), (2001, 50.0), (2003, 150.0)]
    # 47 / 388 * 100 = 12.113... -> 12.1
    assert index_to(MEDELLIN, 1991)[2] == (2008, 12.1)


def test_index_needs_a_published_base():
    with pytest.raises(KeyError):
        index_to(MEDELLIN, 2004)


def test_peak_and_start_base_years():
    assert peak_year(MEDELLIN) == 1991
    assert peak_year([(2000, 5.0), (2001, 5.0)]) == 2000  # the earliest on a tie
    assert base_year_for_start(MEDELLIN, 2004) == 1991  # last figure at or before the start
    assert base_year_for_start(MEDELLIN, 1991) == 1991
    assert base_year_for_start(MEDELLIN, 1970) == 1979  # nothing before: the first after


def test_align_since_start_and_since_peak():
    start = align(MEDELLIN, "start", 2004)
    assert (start.anchor, start.base_year) == (2004, 1991)
    assert start.points == [(1979, -25, 44.0, 11.3), (1991, -13, 388.0, 100.0), (2008, 4, 47.0, 12.1)]
    peak = align([(2007, 53.4), (2013, 33.6), (2017, 58.3)], "peak", 2007)
    assert (peak.anchor, peak.base_year) == (2017, 2017)
    # 53.4 / 58.3 = 91.59...; 33.6 / 58.3 = 57.63...
    assert [(s, i) for _y, s, _v, i in peak.points] == [(-10, 91.6), (-4, 57.6), (0, 100.0)]


def test_halving_path_halves_in_ten_years():
    path = halving_path(2022, 12.6)
    assert path[0] == (2022, 12.6) and path[-1] == (2032, 6.3)
    assert len(path) == 11
    # one year at a constant pace: 12.6 * 0.5 ** 0.1 = 11.756...
    assert path[1] == (2023, 11.76)


def test_ranking_orders_and_shares_ties():
    frame = pd.DataFrame({"place_id": ["A", "B", "C", "D"], "year": [2020] * 4, "value": [5.0, 9.0, 5.0, 1.0]})
    ranked = ranking(frame, 2020)
    assert list(ranked["place_id"]) == ["B", "A", "C", "D"]
    assert list(ranked["rank"]) == [1, 2, 2, 4]
    assert ranking(frame, 1999).empty


def test_venezuela_comes_from_observations_and_distributors_are_not_mixed():
    owid = country_rates("owid")
    wb = country_rates("wb")
    assert set(owid["source_id"]) == {"reg-unodc-owid", "unodc-owid"}
    assert set(wb["source_id"]) == {"reg-unodc-wb", "unodc-wdi"}
    ven = owid[owid["place_id"] == "VEN"]
    assert len(ven) > 20 and 2013 not in set(ven["year"])  # a missing year stays missing


def test_each_case_uses_the_source_its_card_cites():
    cards = pd.read_csv(Path(__file__).resolve().parent.parent / "data" / "tables" / "practices.csv", dtype=str,
                        keep_default_na=False).set_index("practice_id")
    cases = {c.practice_id: c for c in practice_cases()}
    assert set(cases) == set(cards.index)  # every card has at least two figures from its source
    for practice_id, case in cases.items():
        assert (case.place_id, case.source_id) == (cards.loc[practice_id, "place_id"], cards.loc[practice_id, "source_id"])
    assert cases["medellin-urbanismo-social"].points == MEDELLIN
    # El Salvador: the two figures of the article the card cites, not UNODC's yearly series of the country.
    assert [year for year, _value in cases["el-salvador-regimen-excepcion"].points] == [2015, 2024]
