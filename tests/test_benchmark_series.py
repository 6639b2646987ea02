"""Indexing, alignment, ranking and the halving path against hand-computed values.

The indexes and the halving path are computed by ``data/derive.py`` (tested here with the same hand
values as before) and read by the comparison page from the derived table.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.benchmark_series import (
    country_rates,
    halving_path,
    practice_cases,
    practice_trajectory,
    ranking,
    venezuela_trajectory,
)
from data.derive import base_year_for_start, indexes, peak_year
from data.derive import halving_path as derive_halving_path

MEDELLIN = [(1979, 44.0), (1991, 388.0), (2008, 47.0)]
MEDELLIN_TEXT = [(1979, "44"), (1991, "388"), (2008, "47")]


def _index(points: list[tuple[int, str]], alignment: str, start: int | None = None) -> list[tuple[int, str]]:
    return [(d.year, d.value) for d in indexes(points, alignment, start, "s")]


def test_index_to_base_year():
    assert _index([(2000, "50"), (2001, "25"), (2003, "75")], "start", 2000) == [
        (2000, "100.0"), (2001, "50.0"), (2003, "150.0")]
    # 47 / 388 * 100 = 12.113... -> 12.1
    assert _index(MEDELLIN_TEXT, "peak")[2] == (2008, "12.1")


def test_peak_and_start_base_years():
    assert peak_year(MEDELLIN_TEXT) == 1991
    assert peak_year([(2000, "5"), (2001, "5.0")]) == 2000  # the earliest on a tie
    assert base_year_for_start(MEDELLIN_TEXT, 2004) == 1991  # last figure at or before the start
    assert base_year_for_start(MEDELLIN_TEXT, 1991) == 1991
    assert base_year_for_start(MEDELLIN_TEXT, 1970) == 1979  # nothing before: the first after


def test_align_since_start_and_since_peak():
    start = indexes(MEDELLIN_TEXT, "start", 2004, "s")
    assert {d.base_year for d in start} == {1991}
    assert [(d.year, d.value) for d in start] == [(1979, "11.3"), (1991, "100.0"), (2008, "12.1")]
    peak = indexes([(2007, "53.4"), (2013, "33.6"), (2017, "58.3")], "peak", 2007, "s")
    assert {d.base_year for d in peak} == {2017}
    # 53.4 / 58.3 = 91.59...; 33.6 / 58.3 = 57.63...
    assert [d.value for d in peak] == ["91.6", "57.6", "100.0"]


def test_the_page_reads_trajectories_from_the_derived_table():
    cases = {c.practice_id: c for c in practice_cases()}
    start = practice_trajectory(cases["medellin-urbanismo-social"], "start")
    assert (start.anchor, start.base_year) == (2004, 1991)
    assert start.points == [(1979, -25, 44.0, 11.3), (1991, -13, 388.0, 100.0), (2008, 4, 47.0, 12.1)]
    peak = practice_trajectory(cases["medellin-urbanismo-social"], "peak")
    assert (peak.anchor, peak.base_year) == (1991, 1991)
    # 37 / 80 * 100 = 46.25 exactly: half-up gives 46.3 (Python's round on the float gave 46.2 before)
    bogota = practice_trajectory(cases["bogota-cultura-ciudadana"], "peak")
    assert (2000, 7, 37.0, 46.3) in bogota.points
    ven = venezuela_trajectory("owid")
    assert ven.anchor == ven.base_year and (ven.base_year, 0) in {(p[0], p[1]) for p in ven.points}
    assert [p[3] for p in ven.points if p[1] == 0] == [100.0]


def test_halving_path_halves_in_ten_years():
    path = [(d.year, d.value) for d in derive_halving_path(2022, "12.6", "s", "50", 10, "t", "ts", "owid")]
    assert path[0] == (2022, "12.60") and path[-1] == (2032, "6.30")
    assert len(path) == 11
    # one year at a constant pace: 12.6 * 0.5 ** 0.1 = 11.756...
    assert path[1] == (2023, "11.76")
    # 12.65 / 2 = 6.325 exactly: half-up gives 6.33, where round(12.65 * 0.5, 2) gives 6.32
    assert derive_halving_path(2022, "12.65", "s", "50", 10, "t", "ts", "owid")[-1].value == "6.33"


def test_the_page_reads_the_halving_path_from_the_derived_table():
    for distributor in ("owid", "wb"):
        ven = country_rates(distributor)
        ven = ven[ven["place_id"] == "VEN"]
        path = halving_path(distributor)
        assert len(path) == 11 and path[0][0] == int(ven["year"].iloc[-1]) and path[-1][0] == path[0][0] + 10
        assert path[0][1] == pytest.approx(float(ven["value"].iloc[-1]), abs=0.005)


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
    # every card measured in homicide has at least two figures from its source
    homicide_cards = cards[cards["indicator"].isin(["homicide_rate", "homicides"])]
    assert set(cases) == set(homicide_cards.index)
    # cards measured in police killings or all-intent firearm deaths are not drawn as homicide trajectories
    assert not {"sao-paulo-camaras-corporales", "rio-adpf-635-operaciones", "brasil-estatuto-desarme"} & set(cases)
    assert {"rio-upp-pacificacion", "espirito-santo-estado-presente"} <= set(cases)
    for practice_id, case in cases.items():
        assert (case.place_id, case.source_id) == (cards.loc[practice_id, "place_id"], cards.loc[practice_id, "source_id"])
    assert cases["medellin-urbanismo-social"].points == MEDELLIN
    # El Salvador: the two figures of the article the card cites, not UNODC's yearly series of the country.
    assert [year for year, _value in cases["el-salvador-regimen-excepcion"].points] == [2015, 2024]
