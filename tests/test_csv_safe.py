"""Every CSV the dashboard writes keeps spreadsheets from reading text as a formula (issue 18: two
benchmark notes started with "-" and opened as formulas)."""

from __future__ import annotations

import ast
import csv
import io
from pathlib import Path

import plotly.graph_objects as go
import pytest

from components.chart_card import ChartData, chart_csv
from data.checks import formula_issues
from data.csv_safe import SafeWriter, safe_cell

ROOT = Path(__file__).resolve().parent.parent
# Writers of the package's own tables (build and curation tools): their number columns may be negative,
# and ``formula_issues`` checks the text columns of what they wrote.
TABLE_WRITERS = {"data/csv_safe.py", "data/derive.py", "data/curation/import_unodc_benchmarks.py",
                 "data/curation/import_unodc_venezuela.py"}


@pytest.mark.parametrize("text", ["=1+1", "+57", "-57.7% per the article", "@SUM(A1)", "\tx", "\rx",
                                  "=HYPERLINK(\"http://x\",\"y\")"])
def test_text_that_starts_like_a_formula_is_quoted(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Aragua", "", "2023", "57.7%", " -1", -3.5, 0, None, 2020])
def test_other_cells_are_left_alone(value):
    assert safe_cell(value) == value


def test_the_writer_quotes_text_and_keeps_negative_numbers():
    buffer = io.StringIO()
    SafeWriter(buffer).writerow(["-57.7% per the article", -3.5, "=cmd|' /C calc'!A0", "Zulia"])
    assert next(csv.reader(io.StringIO(buffer.getvalue()))) == [
        "'-57.7% per the article", "-3.5", "'=cmd|' /C calc'!A0", "Zulia"]


def test_a_chart_csv_quotes_a_hostile_cell():
    data = ChartData(go.Figure(), [("place", "Place"), ("value", "Value")],
                     [{"place": "=HYPERLINK(\"http://evil\")", "value": -2.0}], [])
    lines = chart_csv("Title", data, "en").splitlines()
    assert lines[-1] == '"\'=HYPERLINK(""http://evil"")",-2.0'


def test_no_module_writes_a_csv_but_through_the_safe_writer():
    offenders = []
    for path in sorted(p for folder in ("analysis", "views", "components", "pages", "web", "data")
                       for p in (ROOT / folder).rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr in {"writer", "DictWriter"}
                    and getattr(node.value, "id", "") == "csv" and relative not in TABLE_WRITERS):
                offenders.append(f"{relative}:{node.lineno}")
    assert offenders == []


def test_the_published_tables_hold_no_formula_text():
    assert formula_issues() == []


def test_a_note_starting_with_a_minus_sign_is_reported(copy):
    table = copy / "tables" / "benchmarks.csv"
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace(",Down 57.7% per the article\n", ",-57.7% per the article\n"), encoding="utf-8")
    issues = formula_issues(copy)
    assert len(issues) == 1
    assert issues[0].file == "benchmarks.csv" and "note" in issues[0].reason and issues[0].row == 1633
