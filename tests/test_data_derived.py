"""The derived table: it equals a fresh exact recomputation, edited copies are rejected with file, row
and reason, and values are rounded half-up (every expected value below is computed by hand)."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

from data import derive
from data.checks import all_issues, derived_issues
from data.errors import DataValidationError
from data.package import DATA_DIR
from data.query import load
from data.validate import main as validate
from tests.test_data_package import _edit, _rows, _write

ENCOVI_2019 = {"kind": "population_rate", "year": "2019", "indicator": "violent_deaths",
               "population_base": "encovi_estimate"}




def _messages(root: Path) -> list[str]:
    return [str(i) for i in all_issues(root)]


def test_committed_table_equals_a_fresh_recomputation() -> None:
    with (DATA_DIR / "tables" / "derived.csv").open(encoding="utf-8", newline="") as f:
        committed = list(csv.DictReader(f))
    assert committed == [d.row() for d in derive.compute(DATA_DIR)]
    assert derived_issues(DATA_DIR) == []


def test_every_row_is_derived_with_method_inputs_and_known_sources() -> None:
    table = load(DATA_DIR)
    frame, sources = table["derived"], set(table["sources"]["source_id"])
    assert set(frame["status"]) == {"derived"}
    assert (frame["method"].str.len() > 20).all() and (frame["inputs"].str.len() > 10).all()
    for row in frame.itertuples():
        ids = row.input_source_ids.split("|")
        assert row.source_id == ids[0] and set(ids) <= sources
        assert all(i in row.inputs for i in ids)  # the inputs name every source they came from


@pytest.mark.parametrize(
    ("numerator", "denominator", "decimals", "expected"),
    [
        (16506 * 100_000, 28_000_000, 1, "59.0"),  # 58.95 exactly; round() on the float gives 58.9
        (1443 * 100_000, 26_000_000, 1, "5.6"),  # 5.55 exactly; round() on the float gives 5.5
        (37 * 100, 80, 1, "46.3"),  # 46.25 exactly (Bogotá 2000 / 1993); round() gives 46.2
        (6973 * 100_000, 26_000_000, 1, "26.8"),  # 26.8192...: below the half, down
        (47 * 100, 388, 1, "12.1"),  # 12.1134...
        (2675, 1000, 2, "2.68"),  # 2.675 exactly; round(2.675, 2) gives 2.67
        (1265, 200, 2, "6.33"),  # 6.325 exactly
        (1, 8, 2, "0.13"),  # 0.125: half-up, not to even (0.12)
        (1, 20, 1, "0.1"),  # 0.05
        (0, 7, 1, "0.0"),
        (5, 2, 0, "3"),  # 2.5: half-up, not to even (2)
    ],
)
def test_half_up_by_hand(numerator: int, denominator: int, decimals: int, expected: str) -> None:
    assert derive.half_up(Fraction(numerator, denominator), decimals) == expected


def test_the_rounding_cases_in_the_table() -> None:
    frame = load(DATA_DIR)["derived"]

    def value(**where: object) -> float:
        rows = frame
        for column, wanted in where.items():
            rows = rows[rows[column] == wanted]
        assert len(rows) == 1, where
        return float(rows["value"].iloc[0])

    # 16506 / 28,000,000 × 100,000 = 58.95 → 59.0
    assert value(kind="population_rate", year=2019, indicator="violent_deaths", population_base="encovi_estimate") == 59.0
    # 1443 / 26,000,000 × 100,000 = 5.55 → 5.6
    assert value(kind="population_rate", year=2023, indicator="disappearances", population_base="ovv_stated") == 5.6
    # 37 / 80 × 100 = 46.25 → 46.3
    assert value(kind="trajectory_index", practice_id="bogota-cultura-ciudadana", alignment="peak", year=2000) == 46.3
    # 1956 / (1956 + 953 + 4064 + 1443) × 100 = 23.241... → 23.2
    assert value(kind="composition_share", year=2023, indicator="homicides") == 23.2


def test_shares_need_the_core_categories() -> None:
    assert derive.shares(2011, [("homicides", "19336", "s")]) == []
    two = derive.shares(2015, [("homicides", "100", "s"), ("police_killings", "50", "s")])
    assert two == []
    three = derive.shares(2016, [("homicides", "1", "a"), ("police_killings", "1", "a"),
                                 ("deaths_under_investigation", "1", "b")])
    # 1 / 3 = 33.33...% each; the two sources are both named
    assert [d.value for d in three] == ["33.3", "33.3", "33.3"]
    assert three[2].source_ids == ("b", "a") and "sources: homicides a" in three[2].inputs


def test_rates_never_combine_another_years_base() -> None:
    counts = pd.DataFrame({"year": ["2020"], "value": ["11891"], "source_id": ["c"]})
    bases = pd.DataFrame({"year": ["2019", "2021"], "base": ["ovs_stated", "ine_projection"],
                          "value": ["32217223", "32985763"], "source_id": ["p", "q"]})
    assert derive.population_rates("violent_deaths", counts, bases) == []


def test_edited_value_is_rejected_with_file_row_and_reason(copy: Path) -> None:
    row = _edit(copy, "derived", ENCOVI_2019, {"value": "60.0"})
    messages = _messages(copy)
    assert any(m.startswith(f"derived.csv, row {row}: value 60.0 differs from a fresh recomputation from the "
                            "published tables: 59.0") for m in messages), messages


def test_value_rounded_the_float_way_is_rejected_as_not_half_up(copy: Path) -> None:
    row = _edit(copy, "derived", ENCOVI_2019, {"value": "58.9"})
    assert any(m.startswith(f"derived.csv, row {row}: value 58.9 is not rounded half-up: the exact value 58.95 "
                            "gives 59.0") for m in _messages(copy))


def test_value_with_other_decimals_is_rejected(copy: Path) -> None:
    row = _edit(copy, "derived", ENCOVI_2019, {"value": "58.95"})
    messages = _messages(copy)
    assert f"derived.csv, row {row}: value 58.95 is written with 2 decimals; population_rate values are rounded " \
           "half-up to 1" in messages, messages


def test_stale_row_after_a_published_input_changed_is_rejected(copy: Path) -> None:
    # OVV's 2019 count changes in observations.csv but derived.csv is not regenerated.
    _edit(copy, "observations", {"level": "country", "year": "2019", "indicator": "violent_deaths",
                                 "unit": "count", "source_id": "ovv-iav-2019"}, {"value": "16000"})
    row = _edit(copy, "derived", ENCOVI_2019, {})
    messages = [m for m in _messages(copy) if m.startswith(f"derived.csv, row {row}:")]
    # 16000 / 28,000,000 × 100,000 = 57.142... → 57.1
    assert any("value 59.0 differs from a fresh recomputation from the published tables: 57.1" in m
               for m in messages), messages
    assert any(m.startswith(f"derived.csv, row {row}: inputs ") for m in messages), messages


def test_row_without_method_and_an_unknown_input_source_are_rejected(copy: Path) -> None:
    row = _edit(copy, "derived", ENCOVI_2019, {"method": "", "input_source_ids": "ovv-iav-2019|nobody-2099"})
    messages = _messages(copy)
    assert f"derived.csv, row {row}: derived value without its method" in messages
    assert f"derived.csv, row {row}: unknown reference: input source 'nobody-2099' not in sources" in messages


def test_removed_and_added_rows_are_reported(copy: Path) -> None:
    path = copy / "tables" / "derived.csv"
    rows = _rows(path)
    head = rows[0]
    extra = list(rows[1])
    extra[head.index("year")] = "2018"  # no OVV 2018 count has a 2018 population base
    _write(path, [*rows[:2], *rows[3:], extra])
    messages = _messages(copy)
    assert any(m.startswith("derived.csv: missing the derived row population_rate") for m in messages), messages
    assert any(m.startswith(f"derived.csv, row {len(rows)}: not in a fresh recomputation") for m in messages), messages


def test_validate_command_and_loader_report_the_derived_table(copy: Path, capsys: pytest.CaptureFixture) -> None:
    row = _edit(copy, "derived", ENCOVI_2019, {"value": "58.9"})
    assert validate([str(copy)]) == 1
    assert f"derived.csv, row {row}: value 58.9 is not rounded half-up" in capsys.readouterr().out
    with pytest.raises(DataValidationError) as info:
        load(copy)
    assert f"derived.csv, row {row}:" in str(info.value)


def test_regenerating_fixes_the_copy(copy: Path) -> None:
    _edit(copy, "derived", ENCOVI_2019, {"value": "58.9"})
    assert derive.main([str(copy)]) == 0
    assert derived_issues(copy) == []
    assert (copy / "tables" / "derived.csv").read_bytes() == (DATA_DIR / "tables" / "derived.csv").read_bytes()
