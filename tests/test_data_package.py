"""The package validates, and corrupted copies are rejected with file, row and reason."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from data.checks import all_issues
from data.errors import DataValidationError
from data.package import DATA_DIR
from data.query import load


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.reader(f))


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _edit(root: Path, table: str, match: dict[str, str], changes: dict[str, str]) -> int:
    """Change the first row matching ``match``; return its line number (header = 1)."""
    path = root / "tables" / f"{table}.csv"
    rows = _rows(path)
    head = rows[0]
    for n, row in enumerate(rows[1:], start=2):
        if all(row[head.index(k)] == v for k, v in match.items()):
            for k, v in changes.items():
                row[head.index(k)] = v
            _write(path, rows)
            return n
    raise AssertionError(f"no row {match} in {table}")


def _messages(root: Path) -> list[str]:
    return [str(i) for i in all_issues(root)]


OVV_2023 = {
    "level": "country",
    "year": "2023",
    "indicator": "homicides",
    "unit": "count",
    "source_id": "ovv-iav-2023",
}


def test_package_validates() -> None:
    assert all_issues(DATA_DIR) == []


def test_loader_returns_all_resources() -> None:
    tables = load(DATA_DIR)
    assert {
        "sources",
        "indicators",
        "observations",
        "population",
        "events",
        "places",
        "benchmarks",
        "practices",
        "targets",
    } <= tables.keys()
    assert tables["observations"]["value"].dtype == "Float64"


def test_bad_state_code_rejected(copy: Path) -> None:
    row = _edit(copy, "observations", {"level": "state", "code": "VE-A"}, {"code": "VE-Q"})
    assert f"observations.csv, row {row}: unknown state code 'VE-Q'" in " ".join(_messages(copy))


def test_bad_municipality_code_rejected(copy: Path) -> None:
    row = _edit(copy, "observations", {"level": "municipality"}, {"code": "VE9999"})
    assert f"observations.csv, row {row}: unknown municipality code 'VE9999'" in " ".join(_messages(copy))


def test_bad_country_code_in_population_rejected(copy: Path) -> None:
    row = _edit(copy, "population", {"level": "country"}, {"code": "VNZ"})
    assert f"population.csv, row {row}: unknown ISO 3166-1 alpha-3 code 'VNZ'" in " ".join(_messages(copy))


def test_duplicate_key_rejected(copy: Path) -> None:
    path = copy / "tables" / "observations.csv"
    rows = _rows(path)
    rows.append(list(rows[5]))
    _write(path, rows)
    messages = _messages(copy)
    assert any(m.startswith(f"observations.csv, row {len(rows)}: duplicate key") for m in messages), messages


def test_broken_sum_rejected(copy: Path) -> None:
    _edit(copy, "observations", OVV_2023, {"value": "1000"})
    total = _edit(copy, "observations", {**OVV_2023, "indicator": "violent_deaths"}, {})
    messages = _messages(copy)
    assert any(
        m.startswith(f"observations.csv, row {total}: violent_deaths 6973 (count) differs from the sum")
        for m in messages
    ), messages


def test_unknown_source_rejected(copy: Path) -> None:
    row = _edit(copy, "observations", OVV_2023, {"source_id": "ovv-iav-2099"})
    messages = _messages(copy)
    assert any(
        m.startswith(f"observations.csv, row {row}: unknown reference") and "ovv-iav-2099" in m
        for m in messages
    ), messages


def test_unknown_source_in_events_rejected(copy: Path) -> None:
    row = _edit(copy, "events", {"event_id": "olp-2015"}, {"source_id": "nobody"})
    assert any(m.startswith(f"events.csv, row {row}: unknown reference") for m in _messages(copy))


def test_duplicate_source_id_rejected(copy: Path) -> None:
    path = copy / "tables" / "sources.csv"
    rows = _rows(path)
    rows.append(list(rows[-1]))
    _write(path, rows)
    assert any(m.startswith(f"sources.csv, row {len(rows)}:") for m in _messages(copy))


def test_inconsistent_rate_rejected(copy: Path) -> None:
    row = _edit(
        copy,
        "observations",
        {**OVV_2023, "indicator": "violent_deaths", "unit": "rate_per_100k"},
        {"value": "30.1"},
    )
    assert any(
        m.startswith(f"observations.csv, row {row}: rate 30.1 inconsistent with count 6973")
        for m in _messages(copy)
    )


def test_percent_above_100_rejected(copy: Path) -> None:
    row = _edit(copy, "observations", {"unit": "percent"}, {"value": "130"})
    assert f"observations.csv, row {row}: percent above 100 (130)" in _messages(copy)


def test_negative_value_and_bad_year_rejected(copy: Path) -> None:
    row = _edit(copy, "observations", OVV_2023, {"value": "-5", "year": "1850"})
    messages = [m for m in _messages(copy) if m.startswith(f"observations.csv, row {row}:")]
    assert any("'value'" in m for m in messages) and any("'year'" in m for m in messages), messages


def test_unit_not_allowed_rejected(copy: Path) -> None:
    row = _edit(copy, "observations", {"indicator": "firearm_share_homicides"}, {"unit": "count"})
    assert any(
        m == f"observations.csv, row {row}: unit 'count' not allowed for indicator 'firearm_share_homicides'"
        for m in _messages(copy)
    )


def test_derived_without_inputs_rejected(copy: Path) -> None:
    row = _edit(copy, "observations", OVV_2023, {"status": "derived"})
    assert f"observations.csv, row {row}: derived value without its inputs" in _messages(copy)


def test_loader_raises_with_file_row_reason(copy: Path) -> None:
    row = _edit(copy, "observations", {"level": "state", "code": "VE-A"}, {"code": "VE-Q"})
    with pytest.raises(DataValidationError) as info:
        load(copy)
    assert f"observations.csv, row {row}: unknown state code" in str(info.value)
