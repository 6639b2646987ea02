"""What the package knows about one place: every published figure, the ranks its sources gave it, the
series worth a small trend chart, its parent state and the municipalities inside it.

Why one profile: a journalist starts from a place ("what do we know about El Callao?"), and the page,
its table and its CSV must list the very same rows; they are all built from ``rows`` here. A
municipality with no figure is common (the sources publish a few dozen of 335), so the profile says so
and carries its state's figures instead, never a neighbour's or an estimate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analysis.labels import indicator_name, place_name, source_organisation
from analysis.ranks import PlaceRank, rank_phrase
from data import query
from geo import codes

COUNTRY = "VEN"
MAX_TRENDS = 4  # small charts per page, the series with the most years first
CSV_COLUMNS = ["code", "place", "indicator", "indicator_name", "unit", "year", "period", "value", "source_id",
               "source", "read_via", "locator_url", "locator", "published_rank", "note"]


@dataclass(frozen=True)
class Trend:
    indicator: str
    unit: str
    lines: tuple[tuple[str, tuple[tuple[int, float], ...]], ...]  # (producer, ((year, value), ...))


@dataclass
class Profile:
    level: str  # country, state or municipality
    code: str
    name: str
    state: str = ""  # parent state's ISO code (municipalities)
    municipalities: list[str] = field(default_factory=list)  # P-codes inside a state
    rows: list[dict[str, object]] = field(default_factory=list)  # the place's figures (CSV_COLUMNS)
    trends: list[Trend] = field(default_factory=list)
    fallback: Profile | None = None  # the state's profile, for a municipality without figures


def level_of(code: str) -> str | None:
    """The level of a place code, or None for a code that names no place."""
    if code == COUNTRY:
        return "country"
    if codes.is_state(code):
        return "state"
    if codes.is_municipality(code):
        return "municipality"
    return None


def is_place(code: object) -> bool:
    return isinstance(code, str) and level_of(code) is not None


def display_name(code: str, lang: str) -> str:
    """The place's name; a municipality with its state ("El Callao (Bolívar)")."""
    level = level_of(code)
    if level == "country":
        return "Venezuela"
    return place_name(level or "", code, with_state=level == "municipality")


def _rank_texts(level: str, code: str, lang: str) -> dict[tuple, str]:
    texts: dict[tuple, str] = {}
    for r in query.place_ranks(level, code).itertuples():
        count = None if pd.isna(r.ranked_count) else int(r.ranked_count)
        rank = PlaceRank(0, 0, int(r.rank), count, str(r.ranked_within), str(r.source_id))
        key = (r.indicator, r.unit, int(r.year), r.period or "", r.source_id)
        texts[key] = rank_phrase(rank, level, query.producer_of(str(r.source_id)), lang)
    return texts


def _text(value: object) -> str:
    return "" if value is None or bool(pd.isna(value)) else str(value)


def figure_rows(level: str, code: str, lang: str) -> list[dict[str, object]]:
    """One row per published figure, with its source, the page it was read on and any published rank."""
    ranks = _rank_texts(level, code, lang)
    name = display_name(code, lang)
    catalogue = {i: n for n, i in enumerate(query.indicators()["indicator_id"])}  # the package's order
    observations = query.place_observations(level, code)
    observations = observations.assign(_order=observations["indicator"].map(catalogue)).sort_values(
        ["_order", "unit", "year", "period", "source_id"], kind="stable")
    rows = []
    for r in observations.itertuples():
        period = _text(r.period)
        rows.append({
            "code": code, "place": name, "indicator": r.indicator, "indicator_name": indicator_name(r.indicator, lang),
            "unit": r.unit, "year": int(r.year), "period": period, "value": float(r.value),
            "source_id": r.source_id, "source": source_organisation(str(r.source_id), lang),
            "read_via": _text(r.read_via), "locator_url": _text(r.locator_url),
            "locator": query.in_language(_text(r.locator), lang),
            "published_rank": ranks.get((r.indicator, r.unit, int(r.year), period, r.source_id), ""),
            "note": query.in_language(_text(r.note), lang),
        })
    return rows


def trends(rows: list[dict[str, object]]) -> list[Trend]:
    """Series with at least two full years, one line per producer (its latest release wins a restated year,
    as on the map); the indicators with most years first."""
    published = dict(zip(query.sources()["source_id"], query.sources()["published"].astype(str), strict=True))
    series: dict[tuple[str, str], dict[str, dict[int, tuple[str, float]]]] = {}
    for row in rows:
        if row["period"]:
            continue
        producer = query.producer_of(str(row["source_id"]))
        points = series.setdefault((str(row["indicator"]), str(row["unit"])), {}).setdefault(producer, {})
        year, release = int(row["year"]), published.get(str(row["source_id"]), "")  # type: ignore[call-overload]
        if year not in points or points[year][0] <= release:
            points[year] = (release, float(row["value"]))  # type: ignore[arg-type]
    found = []
    for (indicator, unit), by_producer in series.items():
        lines = tuple((p, tuple(sorted((y, v) for y, (_r, v) in pts.items())))
                      for p, pts in sorted(by_producer.items()) if len(pts) >= 2)
        if lines:
            found.append(Trend(indicator, unit, lines))
    found.sort(key=lambda t: (-max(len(points) for _p, points in t.lines), t.indicator, t.unit))
    return found[:MAX_TRENDS]


def profile(code: str, lang: str) -> Profile:
    """The profile of a place code (``KeyError`` for a code that names no place)."""
    level = level_of(code)
    if level is None:
        raise KeyError(f"Unknown place code {code!r}")
    rows = figure_rows(level, code, lang)
    found = Profile(level, code, display_name(code, lang), rows=rows, trends=trends(rows))
    if level == "municipality":
        found.state = codes.state_of_municipality(code)
        if not rows:
            found.fallback = profile(found.state, lang)
    elif level == "state":
        found.municipalities = codes.municipality_pcodes(code)
    return found
