"""Series for the trends page, built on the query layer: one line per producer, the composition of
OVV's violent deaths, rates under each population base, and dated events.

Why here and not in the page: the arithmetic (which release wins a year, shares, derived rates, event
positions) is what a reader must be able to trust, so it lives in small functions with unit tests.
Nothing is interpolated or averaged: a year without a figure stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from data import query

COMPONENTS = ("homicides", "police_killings", "deaths_under_investigation", "disappearances")
CORE_COMPONENTS = COMPONENTS[:3]
OVV = "ovv"


def producer_label(producer: str) -> str:
    """A short legend label for a producer: the acronym its name ends with, or a short name."""
    name = query.producer_name(producer)
    match = re.search(r"\(([A-Z][A-Za-z/\-]{1,11})\)\s*$", name)
    if match:
        return match.group(1)
    head = name.split(" (")[0]
    return head if len(head) <= 28 else producer.upper()


def _published() -> dict[str, str]:
    frame = query.sources()
    return dict(zip(frame["source_id"], frame["published"].fillna("").astype(str), strict=True))


def latest_release(frame: pd.DataFrame, published: dict[str, str], keys: tuple[str, ...] = ("year",)
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split rows into the figure from the most recent publication per key, and the superseded ones.

    A producer that restates a year in a later report revises itself; the earlier figure stays visible
    as a superseded value, it is never averaged in.
    """
    if frame.empty:
        return frame.copy(), frame.copy()
    ordered = frame.assign(_published=frame["source_id"].map(published).fillna("")).sort_values(
        [*keys, "_published", "source_id"]
    )
    current_mask = ~ordered.duplicated(list(keys), keep="last")
    current = ordered[current_mask].drop(columns="_published").sort_values(list(keys)).reset_index(drop=True)
    superseded = ordered[~current_mask].drop(columns="_published").sort_values(list(keys)).reset_index(drop=True)
    return current, superseded


def producer_series(level: str, code: str, indicator: str, unit: str, producer: str
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One producer's full-year figures for a place: (current per year, superseded restatements)."""
    rows = query.series(level, code, indicator, unit)
    rows = rows[(rows["period"] == "") & (rows["source_id"].map(query.producer_of) == producer)]
    return latest_release(rows, _published())


def indicators_at(level: str, code: str | None = None) -> list[str]:
    """Indicators with full-year figures at a level, in catalogue order."""
    available = set(query.options(level=level)["indicators"])
    return [i for i in query.indicators()["indicator_id"] if i in available]


def units_for(indicator: str, level: str) -> list[str]:
    order = ["rate_per_100k", "count", "percent"]
    units = set(query.options(indicator=indicator, level=level)["units"])
    return [u for u in order if u in units]


def producers_for(indicator: str, unit: str, level: str) -> list[str]:
    return query.producers(indicator=indicator, unit=unit, level=level)


def composition(producer: str = OVV) -> pd.DataFrame:
    """OVV's national counts per category and year, with each category's share where it can be computed.

    The share's denominator is the sum of the categories the producer reported that year; it is only
    computed when the three core categories (homicides, police intervention, under investigation) are
    all present, so a missing category never inflates the others. Columns: year, component, value,
    source_id, share, share_inputs.
    """
    parts = []
    for component in COMPONENTS:
        current, _superseded = producer_series("country", "VEN", component, "count", producer)
        if len(current):
            parts.append(current.assign(component=component))
    if not parts:
        return pd.DataFrame(columns=["year", "component", "value", "source_id", "share", "share_inputs"])
    frame = pd.concat(parts, ignore_index=True)
    rows = []
    for year, group in frame.groupby("year", sort=True):
        present = set(group["component"])
        total = float(group["value"].sum()) if set(CORE_COMPONENTS) <= present else None
        inputs = " + ".join(f"{c}={int(v)}" for c, v in zip(group["component"], group["value"], strict=True))
        for row in group.itertuples():
            rows.append({
                "year": int(year),
                "component": row.component,
                "value": float(row.value),
                "source_id": row.source_id,
                "share": round(float(row.value) / total * 100, 1) if total else None,
                "share_inputs": f"{int(row.value)} / ({inputs})" if total else "",
            })
    order = {c: i for i, c in enumerate(COMPONENTS)}
    rows.sort(key=lambda r: (r["year"], order[r["component"]]))
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class DerivedRate:
    year: int
    base: str
    rate: float
    count: float
    count_source: str
    population: float
    population_source: str
    qualifier: str

    @property
    def inputs(self) -> str:
        return (f"count={int(self.count)} ({self.count_source}); population={int(self.population)} "
                f"({self.base}, {self.population_source})")


def rate_per_100k(count: float, population: float) -> float:
    """Rate per 100,000 rounded to one decimal, as the sources publish it."""
    if population <= 0:
        raise ValueError("population must be positive")
    return round(count / population * 100_000, 1)


def derived_rates(counts: pd.DataFrame, bases: pd.DataFrame) -> list[DerivedRate]:
    """The same count over every population base published for the same year (never another year's).

    ``counts``: year, value, source_id; ``bases``: year, base, value, source_id, qualifier.
    """
    out: list[DerivedRate] = []
    by_year = {int(r.year): r for r in counts.itertuples()}
    for base in bases.sort_values(["year", "value"]).itertuples():
        count = by_year.get(int(base.year))
        if count is None:
            continue
        out.append(DerivedRate(int(base.year), str(base.base), rate_per_100k(float(count.value), float(base.value)),
                               float(count.value), str(count.source_id), float(base.value), str(base.source_id),
                               str(base.qualifier)))
    return out


def population_sensitivity(indicator: str, producer: str = OVV) -> tuple[pd.DataFrame, list[DerivedRate], pd.DataFrame]:
    """(count series, derived rates under each national base, the producer's published rates)."""
    counts, _ = producer_series("country", "VEN", indicator, "count", producer)
    rates, _ = producer_series("country", "VEN", indicator, "rate_per_100k", producer)
    bases = query.population(level="country", code="VEN")
    return counts, derived_rates(counts, bases), rates


def event_position(when: str) -> float:
    """A date written YYYY, YYYY-MM or YYYY-MM-DD as a fractional year for a year axis."""
    parts = [int(p) for p in when.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return float(year)
    day = date(year, parts[1], parts[2] if len(parts) > 2 else 1)
    length = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    return round(year + (day - date(year, 1, 1)).days / length, 3)


def national_events() -> pd.DataFrame:
    """Events with a published source, positioned on the year axis."""
    frame = query.events()
    frame = frame[frame["source_id"].fillna("") != ""]
    return frame.assign(x=frame["date"].astype(str).map(event_position)).reset_index(drop=True)
