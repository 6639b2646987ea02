"""Published ranks: stored as the source stated them, checked against what they rank, shown in words.

Expected values are typed from the cited pages (OVV Aragua's 2021 and 2023 regional releases and its
2019 municipal release), not read back from the table.
"""

from __future__ import annotations

from pathlib import Path

from analysis.ranks import PlaceRank, rank_phrase
from data import query
from data.checks import all_issues
from tests.test_data_package import _edit

OVV_ARAGUA_2023 = "https://observatoriodeviolencia.org.ve/news/descenso-de-muertes-violentas-en-aragua-tiene-varias-explicaciones/"
OVV_ARAGUA_2021 = ("https://observatoriodeviolencia.org.ve/news/migracion-y-pandemia-contribuyeron-para-que-tasa-de-"
                   "muertes-violentas-en-aragua-disminuyera-en-2021/")


def _messages(root: Path) -> list[str]:
    return [str(i) for i in all_issues(root)]


def test_aragua_ranks_are_ovvs_own():
    ranks_2023 = query.published_ranks("state", 2023, "violent_deaths", "rate_per_100k", "ovv")
    assert ranks_2023["VE-D"] == {"rank": 8, "ranked_count": None, "ranked_within": "VEN",
                                  "source_id": "ovv-iav-2023", "locator_url": OVV_ARAGUA_2023}
    by_year = {year: query.published_ranks("state", year, "violent_deaths", "rate_per_100k", "ovv")["VE-D"]["rank"]
               for year in (2017, 2018, 2019, 2020)}
    assert by_year == {2017: 1, 2018: 1, 2019: 3, 2020: 4}
    assert query.published_ranks("state", 2021, "violent_deaths_incl_disappearances", "rate_per_100k",
                                 "ovv")["VE-D"]["locator_url"] == OVV_ARAGUA_2021
    municipal = query.published_ranks("municipality", 2019, "violent_deaths", "rate_per_100k", "ovv")
    # OVV Aragua 2019: the seven municipalities above the state's rate, in descending order.
    assert {code: r["rank"] for code, r in municipal.items()} == {
        "VE0512": 1, "VE0506": 2, "VE0505": 3, "VE0502": 4, "VE0516": 5, "VE0501": 6, "VE0504": 7}
    assert {r["ranked_within"] for r in municipal.values()} == {"VE-D"}
    assert query.published_ranks("state", 2023, "violent_deaths", "rate_per_100k", "mij") == {}
    # The issue's example: Monagas was shown as 10th among the states with a figure; OVV ranked it 19th.
    assert ranks_2023["VE-N"]["rank"] == 19


def test_a_rank_reads_as_what_it_ranks_among():
    assert rank_phrase(PlaceRank(6, 11, 8, None, "VEN", "ovv-iav-2023"), "state", "ovv", "en") == (
        "8th in OVV's ranking of the states")
    assert rank_phrase(PlaceRank(6, 11, 8, None, "VEN", "ovv-iav-2023"), "state", "ovv", "es") == (
        "8.º en la clasificación de estados de OVV")
    assert rank_phrase(PlaceRank(3, 11, 19, 24), "state", "ovv", "en") == "19th of 24 states in OVV's ranking"
    assert rank_phrase(PlaceRank(3, 11), "state", "ovv", "en") == "3rd of the 11 states with a published figure"
    assert rank_phrase(PlaceRank(3, 11), "state", "ovv", "es") == "3.º de los 11 estados con cifra publicada"
    assert rank_phrase(PlaceRank(2, 7, 2, None, "VE-D"), "municipality", "ovv", "en") == (
        "2nd among the municipalities of Aragua in OVV's ranking")
    assert rank_phrase(PlaceRank(12, 40), "municipality", "ovv", "en", "VE-F") == (
        "12th of the 40 municipalities of Bolívar with a published figure")


def test_a_rank_above_the_places_ranked_is_refused(copy: Path):
    row = _edit(copy, "ranks", {"code": "VE-D", "year": "2023"}, {"ranked_count": "5"})
    assert f"ranks.csv, row {row}: rank 8 above the 5 places ranked" in _messages(copy)


def test_a_rank_without_the_figure_it_ranks_is_refused(copy: Path):
    row = _edit(copy, "ranks", {"code": "VE-D", "year": "2023"}, {"indicator": "homicides"})
    assert (f"ranks.csv, row {row}: no published homicides (rate_per_100k) figure of VE-D for 2023 from the "
            "rank's producer") in _messages(copy)


def test_a_municipality_ranked_within_another_state_is_refused(copy: Path):
    row = _edit(copy, "ranks", {"code": "VE0512"}, {"ranked_within": "VE-F"})
    assert f"ranks.csv, row {row}: VE0512 is not a municipality of VE-F" in _messages(copy)
