"""The one CSV writer for every file the dashboard produces: text cells made safe for spreadsheets.

A spreadsheet opens a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
which some strip first) as a formula: a note such as "-57.7% per the article" becomes an error, and
a hostile one a command. Text cells that start so are written with a leading apostrophe, which
spreadsheets read as "this is text" and do not show. Numbers are numbers: a negative value stays
``-3.5``. The published tables hold no such text (``formula_issues`` checks them), so the data
package zip ships its files unchanged.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def starts_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def safe_cell(value: object) -> object:
    """``value`` as written to a CSV: a text that a spreadsheet would read as a formula gets a ``'``."""
    if isinstance(value, str) and starts_like_formula(value):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` whose rows have their text cells made safe (``lineterminator`` ``\\n``)."""

    def __init__(self, stream: TextIO) -> None:
        self._writer = csv.writer(stream, lineterminator="\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class SafeDictWriter:
    """``csv.DictWriter`` with the same safety, for tables written by column name."""

    def __init__(self, stream: TextIO, fieldnames: list[str]) -> None:
        self._writer = csv.DictWriter(stream, fieldnames=fieldnames, lineterminator="\n")

    def writeheader(self) -> None:
        self._writer.writeheader()

    def writerows(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self._writer.writerow({key: safe_cell(value) for key, value in row.items()})
