"""The package says what changed: a changes log per release, shown on the data page, version in every file."""

from __future__ import annotations

import json
from pathlib import Path

from data import query
from data.checks import all_issues
from tests.layout_tree import page_layout
from tests.test_data_package import _edit

PACKAGE = json.loads((Path(__file__).resolve().parent.parent / "data" / "datapackage.json").read_text(encoding="utf-8"))


def test_the_rounding_correction_is_in_the_changes_log():
    changes = query.changes()
    row = changes[(changes["change"] == "corrected") & (changes["old_value"] == "58.9")].iloc[0]
    assert (row["table"], row["new_value"], row["version"]) == ("derived", "59.0", "0.2.0")
    assert "58.95" in row["reason_en"] and "58,95" in row["reason_es"]
    assert query.release() == (PACKAGE["version"], PACKAGE["created"][:10])
    assert PACKAGE["version"] in set(changes["version"])


def test_the_data_page_shows_whats_new_in_each_language(dash_app):
    client = dash_app.server.test_client()
    for lang, heading, reason, change in (("en", "What's new", "rounded half-up", "58.9 → 59.0"),
                                          ("es", "Novedades", "redondeado hacia arriba", "58,9 → 59,0")):
        layout = page_layout(client, f"/{lang}/data")
        section = layout.by_id("whats-new")
        assert heading in section.text and PACKAGE["version"] in section.text
        changes = layout.by_id("data-changes").text
        assert change in changes and reason in changes


def test_a_change_from_a_later_release_is_refused(copy: Path):
    row = _edit(copy, "changes", {"old_value": "58.9"}, {"version": "9.0.0"})
    assert f"changes.csv, row {row}: version 9.0.0 is later than the package's {PACKAGE['version']}" in [
        str(i) for i in all_issues(copy)]


def test_corrections_and_relabels_of_this_release_match_the_tables():
    changes = query.changes()
    bolivar = changes[changes["key"].str.startswith("state, VE-F (Bolívar), 2022")].iloc[0]
    assert (bolivar["change"], bolivar["old_value"], bolivar["new_value"]) == ("corrected", "50", "49.8")
    rows = query.series("state", "VE-F", "violent_deaths_incl_disappearances", "rate_per_100k", "ovv-iav-2022")
    assert list(rows[rows["year"] == 2022]["value"]) == [49.8]
    nueva_esparta = changes[changes["key"].str.startswith("state, VE-O (Nueva Esparta), 2022")].iloc[0]
    assert (nueva_esparta["change"], nueva_esparta["new_value"]) == ("relabelled", "violent_deaths_variant_unstated")
    assert query.has_figure("state", "VE-O", 2022, "violent_deaths_variant_unstated", "rate_per_100k")
    assert not query.has_figure("state", "VE-O", 2022, "violent_deaths", "rate_per_100k")


def test_round2_removal_is_logged_and_done():
    """Suriname 2024 (InSight's rate to September) left the benchmarks; the log says so in both languages."""
    changes = query.changes()
    removed = changes[(changes["change"] == "removed") & (changes["table"] == "benchmarks")].iloc[0]
    assert removed["key"].startswith("SUR, 2024, homicide_rate") and removed["old_value"] == "29.9"
    assert "September" in removed["reason_en"] and "septiembre" in removed["reason_es"]
    rows = query.benchmarks(place_id="SUR", indicator="homicide_rate", source_id="reg-insight-2024-elnacionalista")
    assert 2024 not in set(rows["year"].astype(int))
