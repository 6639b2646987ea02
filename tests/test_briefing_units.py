"""Briefing numbers and prose without a browser: neighbours, series, changes, gaps, charts."""

from __future__ import annotations

import re

from analysis import percentages
from analysis.briefing_figures import COUNTRY, Point, Series, briefing, data_year, official_vs_ovv, yearly
from analysis.briefing_options import briefing_options, practice_change, share_of
from analysis.briefing_text import change_text, year_ranges
from components.briefing_svg import Line, line_chart, nice_step
from data import query
from geo import codes
from geo.neighbours import is_island, neighbours


def test_neighbours_are_symmetric_and_islands_get_the_nearest_states():
    for code in codes.state_iso_codes():
        if not is_island(code):
            assert all(code in neighbours(other) for other in neighbours(code) if not is_island(other)), code
    assert set(neighbours("VE-A")) == {"VE-M", "VE-X"}
    assert is_island("VE-O") and is_island("VE-W") and len(neighbours("VE-O")) == 3


def test_a_year_restated_by_a_producer_takes_its_latest_publication():
    # OVV gave 14,600 homicides for 2008 in 2009 and 14,532 in its 2010 statement; the Interior Ministry
    # gave a 2018 rate of 30 in December 2018 and 33 in January 2020 (observations.csv).
    ovv = yearly("country", COUNTRY, "homicides", "count", "ovv")
    assert (ovv.at(2008).value, ovv.at(2008).source_id) == (14532, "ovv-2010-statement")
    assert [p.year for p in ovv.points].count(2008) == 1
    mij = yearly("country", COUNTRY, "homicides", "rate_per_100k", "mij")
    assert (mij.at(2018).value, mij.at(2018).source_id) == (33, "mij-2020-statement")
    series = yearly("country", COUNTRY, "violent_deaths", "rate_per_100k", "ovv")
    assert [p.year for p in series.points] == list(range(2012, 2024))  # one point a year, oldest first


def _series(*pairs: tuple[int, float], unit: str = "rate_per_100k") -> Series:
    return Series("state", "VE-F", "violent_deaths", unit, "ovv", tuple(Point(y, v, "ovv-x", "") for y, v in pairs))


def test_change_and_gap_wording():
    assert change_text(_series((2022, 40.0), (2023, 30.0)), "en") == "down 25 % from 40 in 2022"
    assert change_text(_series((2022, 40.0), (2023, 50.0)), "es") == "sube un 25 % desde 40 en 2022"
    assert change_text(_series((2023, 30.0)), "en") == "no earlier figure from this source"
    assert change_text(_series((2022, 40.0), (2023, 45.5), unit="percent"), "en") == "up 5.5 points from 40 in 2022"
    assert _series((2012, 1.0), (2016, 2.0), (2017, 3.0), (2020, 1.0)).missing_years() == [2013, 2014, 2015, 2018, 2019]
    assert year_ranges([2013, 2014, 2015, 2018]) == "2013–2015, 2018"


def test_line_chart_leaves_gaps_where_no_figure_was_published():
    svg = line_chart([Line("A", [(2012, 10.0), (2013, 12.0), (2016, 9.0), (2017, 8.0), (2020, 5.0)])], "t", "u", "en")
    assert svg.count("<polyline") == 2  # 2012-2013 and 2016-2017; 2020 stands alone
    assert svg.count("<circle") == 5
    assert nice_step(119) == 50 and nice_step(8.8) == 2.5


def test_states_without_figures_say_so_and_still_get_options():
    # Dependencias Federales is the only entity without a figure since Yaracuy got OVV's 2023 rate (round 2).
    b = briefing("VE-W")
    assert not b.figures and b.headline is None and b.comparison is None and b.trend == []
    assert len(briefing_options("VE-W")) >= 3  # from the national shares, said so in the text
    assert briefing("VE-U").figures


def test_one_percentage_method():
    # The card: 22 -> 12.7 is a fall of 42 %, not 57.7 % (12.7 is 57.7 % *of* 22).
    assert percentages.rounded(percentages.change(12.7, 22)) == -42
    assert percentages.rounded(percentages.share(953, 6973)) == 14
    assert percentages.rounded(percentages.share(1, 400)) == 0.2  # not printed as 0
    assert percentages.change(5, 0) is None and percentages.share(5, 0) is None
    neza = query.practices().set_index("practice_id").loc["neza-policia-proximidad"].to_dict()
    assert practice_change(neza) == -42


def test_options_follow_the_rules_with_the_figures_they_cite():
    """Aragua: Lupa por la Vida documented 135 killings by security forces in 2022; OVV's 2019 rate of Santos
    Michelena (VE0512), 272, is more than 1.5 times Aragua's 82 that year; OVV's 2023 rate 27.2 is above 20
    (observations.csv, hand-copied)."""
    chosen = {o.theme: o for o in briefing_options("VE-D")}
    assert 3 <= len(chosen) <= 5
    assert chosen["police_use_of_force"].rule == "documented" and chosen["police_use_of_force"].facts["point"].value == 135
    hotspot = chosen["focused_deterrence"]
    assert hotspot.rule == "hotspot" and hotspot.facts["municipality"] == "VE0512"
    assert (hotspot.facts["point"].value, hotspot.facts["place"].value, hotspot.facts["point"].year) == (272, 82, 2019)
    assert chosen["urban_social_programmes"].facts["point"].value == 27.2
    practices = [p["practice_id"] for o in chosen.values() for p in o.practices]
    assert len(set(practices)) >= 3
    table = query.practices().set_index("practice_id")
    for option in chosen.values():  # each cites practices tagged with its theme, never a contested one
        for row in option.practices:
            assert option.theme in table.loc[row["practice_id"], "themes"].split("|")
            assert row["evidence_level"] in ("evaluation", "observational")
    # Monagas: OVV 2023, police killings 1.2 of 18.5 violent deaths per 100,000 = 6 %, under the 10 % rule; no
    # documented count -> no use-of-force option (its own share is published, so the national one does not stand in).
    monagas = share_of("VE-N", "police_killings", "violent_deaths")
    assert (monagas.part.value, monagas.whole.value, monagas.percent) == (1.2, 18.5, 6)
    assert "police_use_of_force" not in {o.theme for o in briefing_options("VE-N")}


def test_national_table_sets_official_beside_ovv_for_the_same_years():
    rows = official_vs_ovv()
    assert 2 <= len(rows) <= 6 and all(r.ovv and r.official for r in rows)
    last = rows[-1]  # 2023: OVV 26.8 violent deaths, 7.5 homicides; MIJ 5.2 (observations.csv)
    assert last.year == 2023 and last.ovv["violent_deaths"].value == 26.8 and last.ovv["homicides"].value == 7.5
    assert ("mij", 5.2) in {(p, pt.value) for p, pt in last.official}
    assert data_year(briefing("VE-D")) == 2023  # "Data up to" = the latest figure's year, not a publication date


def test_every_place_has_a_briefing_with_its_headline_from_one_producer():
    compared = 0
    for code in [COUNTRY, *codes.state_iso_codes()]:
        b = briefing(code)
        if b.comparison:
            assert b.comparison.place == b.headline.latest
            if b.comparison.national:
                assert re.match(rf"{b.comparison.producer}-", b.comparison.national.source_id)
                compared += 1
    assert compared >= 20  # most states have a rate to set beside the country's (not a vacuous loop)


def test_latest_figures_show_the_last_year_published_even_when_only_a_count_was():
    """OVV published national rates of police killings and of deaths under investigation up to 2021,
    counts up to 2023 (953 and 4,064, hand-copied in test_data_figures and test_trends_series)."""
    lines = {(f.series.indicator, f.series.producer): f.series for f in briefing(COUNTRY).figures}
    police = lines[("police_killings", "ovv")]
    assert (police.unit, police.latest.year, police.latest.value) == ("count", 2023, 953)
    pending = lines[("deaths_under_investigation", "ovv")]
    assert (pending.unit, pending.latest.year, pending.latest.value) == ("count", 2023, 4064)
    rate = lines[("violent_deaths", "ovv")]  # a rate where the latest year has one
    assert (rate.unit, rate.latest.year, rate.latest.value) == ("rate_per_100k", 2023, 26.8)


def test_every_briefing_offers_three_to_five_options_citing_three_practices():
    """The fast check for all 26 places (the PDFs of a sample are printed in test_briefing_pdf)."""
    for code in [COUNTRY, *codes.state_iso_codes()]:
        chosen = briefing_options(code)
        assert 3 <= len(chosen) <= 5, code
        assert len({p["practice_id"] for o in chosen for p in o.practices}) >= 3, code
        assert len({o.theme for o in chosen}) == len(chosen), code  # one option per theme


def test_disappearances_are_people_not_deaths():
    """The issue: the national briefing printed OVV's 1,443 disappearances as "(1.443 muertes)"."""
    from analysis.briefing_text import count_text, value_text

    assert count_text("disappearances", 1443, "es") == "1.443 personas desaparecidas"
    assert value_text(163, "count", "en", "disappearances") == "163 people disappeared"
    assert value_text(41, "count", "en", "police_killings") == "41 deaths"
