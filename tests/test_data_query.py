"""The query layer answers the pages' questions and says 'no published figure' by absence."""

from __future__ import annotations

from data import query


def test_map_values_only_published_codes() -> None:
    frame = query.map_values("violent_deaths", "rate_per_100k", "ovv-iav-2023", 2023, "state")
    assert {"code", "value", "source_id", "locator_url", "locator", "status", "note"} <= set(frame.columns)
    assert "VE-A" in set(frame["code"])
    assert "VE-E" not in set(frame["code"])  # Barinas: no published 2023 figure
    assert frame["code"].is_unique


def test_map_values_municipalities_of_one_state() -> None:
    frame = query.map_values(
        "violent_deaths", "rate_per_100k", "ovv-iav-2018", 2018, "municipality", state="VE-D"
    )
    assert len(frame) == 8 and frame["code"].str.startswith("VE05").all()


def test_has_figure_and_gap() -> None:
    assert query.has_figure("country", "VEN", 2023, "violent_deaths", "count", "ovv-iav-2023")
    assert not query.has_figure("country", "VEN", 2024, "violent_deaths", "count")
    # Yaracuy's first figure is OVV's 2023 rate (round 2); 2022 is still a gap.
    assert query.has_figure("state", "VE-U", 2023, "violent_deaths", "rate_per_100k", "ovv-iav-2023")
    assert not query.has_figure("state", "VE-U", 2022, "violent_deaths", "rate_per_100k", "ovv-iav-2022")


def test_national_ovv_series_covers_2012_2023() -> None:
    frame = query.series("country", "VEN", "violent_deaths", "rate_per_100k")
    assert set(range(2012, 2024)) <= set(frame["year"].astype(int))


def test_sources_side_by_side_for_one_year() -> None:
    frame = query.series("country", "VEN", "homicides", "rate_per_100k")
    y2023 = frame[frame["year"] == 2023].set_index("source_id")["value"].astype(float).to_dict()
    assert y2023 == {"ovv-iav-2023": 7.5, "mij-2024-statement": 5.2, "cicpc-2024-statement": 5.35}


def test_options_and_coverage() -> None:
    opts = query.options("violent_deaths", level="state")
    assert "ovv-iav-2023" in opts["sources"] and 2012 in opts["years"]
    cov = query.coverage(by_source=False)
    row = cov[(cov["indicator"] == "violent_deaths") & (cov["level"] == "country")].iloc[0]
    assert row["years"] == "2012-2023"


def test_sources_lookup_and_kinds() -> None:
    frame = query.sources(["ovv-iav-2023", "copy-confirmado-2023"])
    kinds = dict(zip(frame["source_id"], frame["kind"], strict=True))
    assert kinds == {"ovv-iav-2023": "ngo", "copy-confirmado-2023": "press_copy"}
    assert frame.set_index("source_id").loc["copy-confirmado-2023", "producer"].startswith("Observatorio")


def test_regional_tables_reachable() -> None:
    assert len(query.places()) > 0 and len(query.benchmarks()) > 0
    assert len(query.practices()) > 0 and len(query.targets()) > 0
    assert query.events()["date"].is_monotonic_increasing
