"""Regional comparison series on top of the query layer, and the arithmetic of the comparisons.

Why separate: ranking, indexing to 100, alignment by years since a policy or a peak and the halving
path are what readers compare speeds with, so each is a small tested function. UNODC's series is
read through one distributor at a time (OWID or the World Bank); the two copies are never mixed.
Venezuela's UNODC series lives in the observations, the other countries in the benchmarks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from data import query

# distributor key -> (benchmarks source id, Venezuela's observations source id)
DISTRIBUTORS = {"owid": ("reg-unodc-owid", "unodc-owid"), "wb": ("reg-unodc-wb", "unodc-wdi")}
REGION = "lac"
Point = tuple[int, float]


def place_names(lang: str) -> dict[str, str]:
    frame = query.places()
    return dict(zip(frame["place_id"], frame["name_es" if lang == "es" else "name_en"], strict=True))


def country_rates(distributor: str) -> pd.DataFrame:
    """UNODC homicide rates of every LAC country (Venezuela included) from one distributor.

    Columns: place_id, year, value, source_id, locator_url, note.
    """
    bench_source, ven_source = DISTRIBUTORS[distributor]
    countries = set(query.places().query("kind == 'country'")["place_id"]) - {"VEN"}
    frame = query.benchmarks(indicator="homicide_rate", unit="rate_per_100k", source_id=bench_source)
    frame = frame[frame["place_id"].isin(countries)]
    ven = query.series("country", "VEN", "intentional_homicides", "rate_per_100k", source_id=ven_source)
    ven = ven[ven["period"] == ""].assign(place_id="VEN")
    cols = ["place_id", "year", "value", "source_id", "locator_url", "note"]
    out = pd.concat([frame[cols], ven[cols]], ignore_index=True)
    return out.astype({"year": int, "value": float}).sort_values(["place_id", "year"]).reset_index(drop=True)


def regional_average(distributor: str) -> pd.DataFrame:
    """The distributor's Latin America and Caribbean aggregate (year, value, source_id, locator_url)."""
    frame = query.benchmarks(place_id=REGION, indicator="homicide_rate", source_id=DISTRIBUTORS[distributor][0])
    return frame.astype({"year": int, "value": float}).sort_values("year").reset_index(drop=True)


def ranking(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """Places with a figure for ``year``, highest rate first, with rank 1..M (ties share the lower rank)."""
    rows = frame[frame["year"] == year].sort_values(["value", "place_id"], ascending=[False, True])
    ranks = rows["value"].rank(method="min", ascending=False).astype(int)
    return rows.assign(rank=ranks.to_numpy()).reset_index(drop=True)


def index_to(points: Sequence[Point], base_year: int) -> list[Point]:
    """Each value as a percentage of the value in ``base_year`` (which must have a figure)."""
    base = dict(points)[base_year]
    if base <= 0:
        raise ValueError("base value must be positive")
    return [(year, round(value / base * 100, 1)) for year, value in sorted(points)]


def peak_year(points: Sequence[Point]) -> int:
    """Year of the highest value (the earliest one on a tie)."""
    return max(sorted(points), key=lambda p: p[1])[0]


def base_year_for_start(points: Sequence[Point], start: int) -> int:
    """The last published year at or before a policy start, or the first after it if none precedes it."""
    years = sorted(y for y, _v in points)
    before = [y for y in years if y <= start]
    return before[-1] if before else years[0]


@dataclass(frozen=True)
class Trajectory:
    anchor: int  # year 0 on the axis
    base_year: int  # year whose value is 100
    points: list[tuple[int, int, float, float]]  # (year, years since anchor, value, index)


def align(points: Sequence[Point], mode: str, start: int | None) -> Trajectory:
    """Years since the policy started (``start``) or since the peak (``peak``), indexed to 100.

    Start: year 0 is the policy's first year; the index base is the last figure at or before it.
    Peak: year 0 and the index base are the year of the highest figure. Only published years appear.
    """
    if mode == "start" and start is not None:
        anchor, base = start, base_year_for_start(points, start)
    else:
        anchor = base = peak_year(points)
    indexed = dict(index_to(points, base))
    values = dict(points)
    return Trajectory(anchor, base, [(y, y - anchor, values[y], indexed[y]) for y in sorted(values)])


def halving_path(year: int, value: float, years: int = 10) -> list[Point]:
    """The path that halves ``value`` in ``years`` at a constant yearly pace (about 6.7% a year for ten)."""
    return [(year + k, round(value * 0.5 ** (k / years), 2)) for k in range(years + 1)]


@dataclass(frozen=True)
class Case:
    practice_id: str
    place_id: str
    start: int
    source_id: str
    unit: str
    evidence: str
    points: list[Point]


def practice_cases() -> list[Case]:
    """Each good practice with its own source's series (the source the practice card cites for it)."""
    cases = []
    for row in query.practices().itertuples():
        indicator = "homicide_rate" if row.unit == "rate_per_100k" else "homicides"
        frame = query.benchmarks(place_id=row.place_id, indicator=indicator, unit=row.unit, source_id=row.source_id)
        points = sorted((int(r.year), float(r.value)) for r in frame.itertuples())
        if len(points) >= 2:
            cases.append(Case(row.practice_id, row.place_id, int(row.period_start), row.source_id, row.unit,
                              str(row.evidence_level), points))
    return cases
