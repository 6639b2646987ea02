"""Series for the trends page, built on the query layer: one line per producer, the composition of
OVV's violent deaths, rates under each population base, and dated events.

Why here and not in the page: the selection (which release wins a year, event positions) is what a
reader must be able to trust, so it lives in small functions with unit tests. Shares and derived rates
are not computed here: they are read from the package's derived table (``data/derive.py``), where they
were computed once, exactly, and checked. Nothing is interpolated or averaged: a year without a figure
stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from data import query
from data.derive import COMPONENTS, OVV  # the categories the shares are of, and their producer


def producer_label(producer: str, lang: str) -> str:
    """A short legend label for a producer: the acronym its name ends with, or a short name."""
    name = query.producer_name(producer, lang)
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
    """OVV's national counts per category and year, with each category's share where the package has one.

    Shares and their inputs are read from the derived table (``data/derive.py``): each category divided
    by the sum of the categories the producer reported that year, only when the three core categories
    (homicides, police intervention, under investigation) are all present, so a missing category never
    inflates the others. Columns: year, component, value, source_id, share, share_inputs.
    """
    parts = []
    for component in COMPONENTS:
        current, _superseded = producer_series("country", "VEN", component, "count", producer)
        if len(current):
            parts.append(current.assign(component=component))
    if not parts:
        return pd.DataFrame(columns=["year", "component", "value", "source_id", "share", "share_inputs"])
    frame = pd.concat(parts, ignore_index=True)
    derived = query.derived("composition_share", level="country", code="VEN")
    shares = {(int(r.year), r.indicator, r.source_id): (float(r.value), r.inputs) for r in derived.itertuples()}
    rows = []
    for row in frame.itertuples():
        share, inputs = shares.get((int(row.year), row.component, row.source_id), (None, ""))
        rows.append({"year": int(row.year), "component": row.component, "value": float(row.value),
                     "source_id": row.source_id, "share": share, "share_inputs": inputs})
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
    inputs: str


def derived_rates(indicator: str, counts: pd.DataFrame) -> list[DerivedRate]:
    """The package's rates of these counts under each national population base of the same year.

    The rates come from the derived table (count ÷ population × 100,000, exact, rounded half-up; a
    count is never combined with another year's base); the count and the base are looked up in the
    published tables for the chart's columns. ``counts``: year, value, source_id.
    """
    by_count = {(int(r.year), r.source_id): float(r.value) for r in counts.itertuples()}
    bases = {(int(r.year), r.base, r.source_id): r for r in query.population(level="country", code="VEN").itertuples()}
    out = []
    for r in query.derived("population_rate", level="country", code="VEN", indicator=indicator).itertuples():
        ids = r.input_source_ids.split("|")
        count, base = by_count.get((int(r.year), ids[0])), bases.get((int(r.year), r.population_base, ids[-1]))
        if count is None or base is None:
            continue  # another producer's count
        out.append(DerivedRate(int(r.year), r.population_base, float(r.value), count, ids[0], float(base.value),
                               ids[-1], str(base.qualifier), r.inputs))
    return out


def population_sensitivity(indicator: str, producer: str = OVV) -> tuple[pd.DataFrame, list[DerivedRate], pd.DataFrame]:
    """(count series, derived rates under each national base, the producer's published rates)."""
    counts, _ = producer_series("country", "VEN", indicator, "count", producer)
    rates, _ = producer_series("country", "VEN", indicator, "rate_per_100k", producer)
    return counts, derived_rates(indicator, counts), rates


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
