"""Regional comparison series on top of the query layer: rankings, trajectories and the halving path.

Why separate: ranking and alignment by years since a policy or a peak are what readers compare
speeds with, so each is a small tested function. The indexes (base year = 100) and the halving path
are not computed here: they are read from the package's derived table (``data/derive.py``), where
they were computed once, exactly, and checked. UNODC's series is read through one distributor at a
time (OWID or the World Bank); the two copies are never mixed. Venezuela's UNODC series lives in the
observations, the other countries in the benchmarks.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data import query
from data.derive import DISTRIBUTORS, TRAJECTORY_INDICATORS  # DISTRIBUTORS: key -> (bench source, VEN source)

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
        if row.indicator not in TRAJECTORY_INDICATORS:  # police killings, firearm deaths: not a homicide trajectory
            continue
        frame = query.benchmarks(place_id=row.place_id, indicator=row.indicator, unit=row.unit, source_id=row.source_id)
        points = sorted((int(r.year), float(r.value)) for r in frame.itertuples())
        if len(points) >= 2:
            cases.append(Case(row.practice_id, row.place_id, int(row.period_start), row.source_id, row.unit,
                              str(row.evidence_level), points))
    return cases


@dataclass(frozen=True)
class Trajectory:
    anchor: int  # year 0 on the axis
    base_year: int  # year whose value is 100
    points: list[tuple[int, int, float, float]]  # (year, years since anchor, value, index)


def _trajectory(indexes: pd.DataFrame, values: dict[int, float], start: int | None) -> Trajectory:
    """Published values with their derived indexes; year 0 is ``start``, or the base year (the peak)."""
    if indexes.empty:
        return Trajectory(start or 0, start or 0, [])
    base = int(indexes["base_year"].iloc[0])
    anchor = base if start is None else start
    return Trajectory(anchor, base, [(int(r.year), int(r.year) - anchor, values[int(r.year)], float(r.value))
                                     for r in indexes.itertuples()])


def practice_trajectory(case: Case, mode: str) -> Trajectory:
    """A practice's place since the policy started (``mode="start"``) or since its peak, indexed to 100.

    Start: year 0 is the policy's first year; the index base is the last figure at or before it.
    Peak: year 0 and the index base are the year of the highest figure. Only published years appear.
    """
    alignment = "start" if mode == "start" else "peak"
    indexes = query.derived("trajectory_index", practice_id=case.practice_id, alignment=alignment)
    return _trajectory(indexes, dict(case.points), case.start if alignment == "start" else None)


def venezuela_trajectory(distributor: str) -> Trajectory:
    """Venezuela's UNODC rate (one distributor) since its peak, indexed to the peak = 100."""
    rates = country_rates(distributor)
    rates = rates[rates["place_id"] == "VEN"]
    indexes = query.derived("trajectory_index", level="country", code="VEN", distributor=distributor)
    values = {int(y): float(v) for y, v in zip(rates["year"], rates["value"], strict=True)}
    return _trajectory(indexes, values, None)


def halving_path(distributor: str) -> list[Point]:
    """The path that halves Venezuela's latest UNODC rate in ten years at a constant pace (about 6.7% a
    year), as the derived table holds it for that distributor: (year, rate) from the start year on."""
    path = query.derived("halving_path", level="country", code="VEN", distributor=distributor)
    return [(int(r.year), float(r.value)) for r in path.itertuples()]


FIREARM_SINCE = 2015


def _derived_firearm_shares(countries: set[str], lang: str) -> pd.DataFrame:
    """The package's derived firearm shares (``data/derive.py``), each with the page its counts were read on."""
    rows = []
    for r in query.derived("firearm_share").itertuples():
        if r.place_id not in countries:
            continue
        counts = query.benchmarks(place_id=r.place_id, indicator="firearm_homicides", source_id=r.source_id)
        counts = counts[counts["year"] == r.year]
        rows.append({"place_id": r.place_id, "year": int(r.year), "value": float(r.value), "source_id": r.source_id,
                     "locator_url": counts["locator_url"].iloc[0] if len(counts) else "",
                     "note": f"{query.in_language(r.method, lang)}: {r.inputs}", "status": "derived"})
    return pd.DataFrame(rows, columns=["place_id", "year", "value", "source_id", "locator_url", "note", "status"])


def firearm_shares(lang: str, since: int = FIREARM_SINCE) -> pd.DataFrame:
    """Each country's latest published share of homicides committed with firearms since ``since``: the
    region's countries from the benchmarks, Venezuela from its own observations (full years only).

    Sources differ (national statistics, observatories, UNODC); each row keeps its own, and a country's
    figure is the one of its latest year (every source's, when several published that year), never an
    average. Columns: place_id, year, value, source_id,
    locator_url, note (in ``lang``).
    """
    cols = ["place_id", "year", "value", "source_id", "locator_url", "note", "status"]
    countries = set(query.places().query("kind == 'country'")["place_id"])
    region = query.benchmarks(indicator="firearm_homicide_share", unit="percent")
    region = region[region["place_id"].isin(countries)].assign(status="published")
    ven = query.series("country", "VEN", "firearm_share_homicides", "percent")
    ven = ven[ven["period"] == ""].assign(place_id="VEN", status="published")
    region = region.assign(note=[query.in_language(n, lang) for n in region["note"]])
    ven = ven.assign(note=[query.in_language(n, lang) for n in ven["note"]])
    derived = _derived_firearm_shares(countries, lang)
    frame = pd.concat([region[cols], ven[cols], derived[cols]], ignore_index=True).astype({"year": int, "value": float})
    frame = frame[frame["year"] >= since]
    latest = frame.groupby("place_id")["year"].transform("max")
    frame = frame[frame["year"] == latest]
    # Our share from a publication's two counts only where no share was published for that year.
    published = set(frame[frame["status"] == "published"]["place_id"])
    frame = frame[(frame["status"] == "published") | ~frame["place_id"].isin(published)]
    # Two sources for a country's latest year both stay (side by side, never averaged).
    return frame.sort_values(["value", "place_id"], ascending=[False, True]).reset_index(
        drop=True)
