"""Change between two published figures of the same series, for the tables' change column.

Why here: the change a reader takes away ("down 9 % since 2016") is a calculation on published figures, so
it is made once, next to the other calculations, and every table only writes it out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Change:
    """From ``base`` (in ``base_year``) to ``value``: the difference in the figures' unit and, when the base is
    not zero, the relative change in percent."""

    base_year: int
    base: float
    value: float

    @property
    def difference(self) -> float:
        return round(self.value - self.base, 10)

    @property
    def relative(self) -> float | None:
        return None if self.base == 0 else (self.value - self.base) / abs(self.base) * 100


def since_first(rows: Sequence[dict[str, Any]], group: str, value: str,
                counts: Callable[[dict[str, Any]], bool] = lambda row: True) -> list[Change | None]:
    """For each row, the change from the first year shown of its group (series, place, category) to the row's
    year; ``None`` for the first year itself, rows without a number and rows ``counts`` leaves out (figures a
    later report replaced, events)."""
    first: dict[Any, tuple[int, float]] = {}
    for row in rows:
        if counts(row) and isinstance(row.get(value), int | float) and row.get("year") is not None:
            key = row.get(group)
            if key not in first or int(row["year"]) < first[key][0]:
                first[key] = (int(row["year"]), float(row[value]))
    changes: list[Change | None] = []
    for row in rows:
        base = first.get(row.get(group))
        if (base is None or not counts(row) or not isinstance(row.get(value), int | float)
                or row.get("year") is None or int(row["year"]) == base[0]):
            changes.append(None)
        else:
            changes.append(Change(base[0], base[1], float(row[value])))
    return changes


def between(values: dict[str, float], earlier: dict[str, float], base_year: int) -> dict[str, Change]:
    """Per place, the change from its figure of ``base_year`` (``earlier``) to ``values``; places without a
    figure in either year have none."""
    return {code: Change(base_year, earlier[code], value) for code, value in values.items() if code in earlier}
