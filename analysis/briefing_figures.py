"""The numbers behind a briefing, gathered from the query layer: latest figures and how they changed,
the place against the country and its neighbours, municipalities with figures, the trend and, for
the nation, official figures beside OVV's. The options for action are chosen in ``briefing_options``.

Why one producer per line: sources disagree, so a figure is always compared with figures of the
same producer (OVV with OVV, UNODC with UNODC); a year a producer restated takes its latest
publication, as the map does. Nothing here fills a gap: a missing year stays missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from analysis.ranks import PlaceRank, place_ranks
from data import query
from geo import codes
from geo.neighbours import neighbours

COUNTRY = "VEN"
# Indicators listed in a briefing, in this order; the headline is the first rate among HEADLINE.
FIGURE_ORDER = (
    "violent_deaths", "homicides", "intentional_homicides", "police_killings", "deaths_under_investigation",
    "disappearances", "violent_deaths_incl_disappearances", "security_force_killings_documented",
    "firearm_share_homicides", "firearm_share_violent_deaths", "firearm_homicides", "firearm_deaths",
    "violent_deaths_variant_unstated",
)
HEADLINE = ("violent_deaths", "homicides", "intentional_homicides", "violent_deaths_incl_disappearances",
            "violent_deaths_variant_unstated")
UNIT_PREFERENCE = ("rate_per_100k", "count", "percent")
NATIONAL_TREND = ("violent_deaths", "homicides", "intentional_homicides")


@dataclass(frozen=True)
class Point:
    year: int
    value: float
    source_id: str
    locator: str


@dataclass(frozen=True)
class Series:
    """One producer's yearly figures of one indicator and unit for one place."""

    level: str
    code: str
    indicator: str
    unit: str
    producer: str
    points: tuple[Point, ...]

    def at(self, year: int) -> Point | None:
        return next((p for p in self.points if p.year == year), None)

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    @property
    def previous(self) -> Point | None:
        return self.points[-2] if len(self.points) > 1 else None

    def missing_years(self) -> list[int]:
        """Years inside the series' span with no figure from this producer."""
        if not self.points:
            return []
        have = {p.year for p in self.points}
        return [y for y in range(self.points[0].year, self.points[-1].year + 1) if y not in have]


@dataclass(frozen=True)
class FigureLine:
    """A line of the "latest figures" table: the main unit's series, and the count of the same year."""

    series: Series
    count: Point | None


@dataclass(frozen=True)
class Comparison:
    """The headline figure against the country and the neighbours (or, nationally, the states)."""

    indicator: str
    unit: str
    producer: str
    year: int
    place: Point
    national: Point | None
    others: tuple[tuple[str, Point | None], ...]  # (state code, its figure or None)
    rank: PlaceRank | None  # the place's published rank, or its position among states with a figure
    ranked: int  # how many states have a figure that year


@dataclass(frozen=True)
class MunicipalFigure:
    code: str
    indicator: str
    unit: str
    producer: str
    point: Point


@dataclass
class Briefing:
    code: str  # VEN or a state ISO code
    figures: list[FigureLine]
    headline: Series | None
    comparison: Comparison | None
    municipalities: list[MunicipalFigure]
    municipality_total: int
    trend: list[Series]
    notes: list[str] = field(default_factory=list)

    @property
    def level(self) -> str:
        return "country" if self.code == COUNTRY else "state"


@cache
def _published() -> dict[str, str]:
    table = query.sources()
    return dict(zip(table["source_id"], table["published"].astype(str), strict=True))


def _latest_publication(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Keep, per key, the figure of the producer's most recent publication (its own revision)."""
    frame = frame.assign(_published=frame["source_id"].map(_published()).fillna(""))
    return frame.sort_values([*keys, "_published", "source_id"]).drop_duplicates(keys, keep="last")


def _point(row: pd.Series) -> Point:
    return Point(int(row["year"]), float(row["value"]), str(row["source_id"]), str(row.get("locator") or ""))


def yearly(level: str, code: str, indicator: str, unit: str, producer: str) -> Series:
    """One producer's annual figures for a place, oldest first."""
    frame = query.series(level, code, indicator, unit)
    frame = frame[(frame["period"] == "") & (frame["source_id"].map(query.producer_of) == producer)]
    frame = _latest_publication(frame, ["year"]).sort_values("year")
    return Series(level, code, indicator, unit, producer, tuple(_point(r) for _i, r in frame.iterrows()))


def latest_figures(level: str, code: str) -> list[FigureLine]:
    """Per indicator and producer, the series of its latest year in the preferred unit among those
    published for that year (a count published after the last rate is shown, not hidden behind the
    older rate), and the count of that year beside a rate."""
    lines: list[FigureLine] = []
    for indicator in FIGURE_ORDER:
        by_unit = {unit: query.series(level, code, indicator, unit) for unit in UNIT_PREFERENCE}
        by_unit = {unit: frame[frame["period"] == ""] for unit, frame in by_unit.items()}
        present = {query.producer_of(s) for frame in by_unit.values() for s in frame["source_id"]}
        for producer in [p for p in query.producers(indicator=indicator, level=level) if p in present]:
            last_year = {u: int(frame["year"][frame["source_id"].map(query.producer_of) == producer].max())
                         for u, frame in by_unit.items() if (frame["source_id"].map(query.producer_of) == producer).any()}
            latest = max(last_year.values())
            units = [u for u in last_year if last_year[u] == latest] + [u for u in last_year if last_year[u] < latest]
            series = yearly(level, code, indicator, units[0], producer)
            count = None
            if units[0] == "rate_per_100k" and "count" in units:
                count = yearly(level, code, indicator, "count", producer).at(series.latest.year)
            lines.append(FigureLine(series, count))
    return lines


def headline_of(lines: list[FigureLine]) -> Series | None:
    """The most recent rate among the headline indicators (ties go to the first in ``HEADLINE``)."""
    rates = [line.series for line in lines if line.series.indicator in HEADLINE and line.series.unit == "rate_per_100k"]
    if not rates:
        return None
    return max(rates, key=lambda s: (s.latest.year, -HEADLINE.index(s.indicator)))


def state_values(indicator: str, unit: str, producer: str, year: int) -> dict[str, Point]:
    frame = query.producer_values(indicator, unit, producer, year, "state")
    return {str(r["code"]): Point(year, float(r["value"]), str(r["source_id"]), str(r.get("locator") or ""))
            for _i, r in frame.iterrows()}


def compare(headline: Series, code: str) -> Comparison:
    latest = headline.latest
    assert latest is not None
    by_state = state_values(headline.indicator, headline.unit, headline.producer, latest.year)
    national = yearly("country", COUNTRY, headline.indicator, headline.unit, headline.producer).at(latest.year)
    if code == COUNTRY:
        others = tuple(sorted(((c, p) for c, p in by_state.items()), key=lambda item: -item[1].value))
        rank = None
    else:
        others = tuple((c, by_state.get(c)) for c in neighbours(code))
        ranks = place_ranks("state", latest.year, headline.indicator, headline.unit, headline.producer,
                            {c: p.value for c, p in by_state.items()})
        rank = ranks.get(code)
    return Comparison(headline.indicator, headline.unit, headline.producer, latest.year, latest, national, others,
                      rank, len(by_state))


@cache
def _all_municipal() -> tuple[MunicipalFigure, ...]:
    """Each municipality's latest figure per indicator, unit and producer, in display order."""
    frames = []
    for indicator in FIGURE_ORDER:
        for unit in UNIT_PREFERENCE:
            for producer in query.producers(indicator=indicator, unit=unit, level="municipality"):
                options = query.options(indicator=indicator, unit=unit, level="municipality", producer=producer)
                for year in options["years"]:
                    frame = query.producer_values(indicator, unit, producer, year, "municipality")
                    if len(frame):
                        frames.append(frame.assign(indicator=indicator, unit=unit, producer=producer, year=year))
    if not frames:
        return ()
    frame = pd.concat(frames, ignore_index=True)
    frame = frame.sort_values("year").drop_duplicates(["code", "indicator", "unit", "producer"], keep="last")
    # Rates before counts; within an indicator, the most recent and then the highest first.
    frame = frame.assign(_u=frame["unit"].map(UNIT_PREFERENCE.index), _i=frame["indicator"].map(FIGURE_ORDER.index))
    frame = frame.sort_values(["_i", "_u", "year", "value"], ascending=[True, True, False, False])
    return tuple(MunicipalFigure(str(r["code"]), str(r["indicator"]), str(r["unit"]), str(r["producer"]), _point(r))
                 for _i, r in frame.iterrows())


def municipal_figures(state: str | None) -> list[MunicipalFigure]:
    """Latest municipal figures of one state (``None``: the whole country)."""
    return [m for m in _all_municipal() if not state or codes.state_of_municipality(m.code) == state]


def national_trend() -> list[Series]:
    """The country's rate from each producer with the longest series of each headline indicator."""
    out = []
    for indicator in NATIONAL_TREND:
        candidates = [yearly("country", COUNTRY, indicator, "rate_per_100k", p)
                      for p in query.producers(indicator=indicator, unit="rate_per_100k", level="country")]
        candidates = [s for s in candidates if len(s.points) >= 2]
        if candidates:
            out.append(max(candidates, key=lambda s: (len(s.points), s.latest.year)))
    return out


OVV = "ovv"
SIDE_BY_SIDE = ("violent_deaths", "homicides")  # OVV's two national rates, set against the official homicide rate
OFFICIAL_COMPARED = "homicides"
SIDE_BY_SIDE_YEARS = 6


@dataclass(frozen=True)
class YearSideBySide:
    """One year of the national table: OVV's rates and every official producer's homicide rate."""

    year: int
    ovv: dict[str, Point]  # indicator -> OVV's figure
    official: tuple[tuple[str, Point], ...]  # (producer, its figure)


@cache
def official_producers() -> frozenset[str]:
    """Producers whose publications are all or mostly official (``kind`` = official in sources.csv)."""
    table = query.sources()
    return frozenset(query.producer_of(s) for s in table.loc[table["kind"] == "official", "source_id"])


def official_vs_ovv(limit: int = SIDE_BY_SIDE_YEARS) -> list[YearSideBySide]:
    """The years in which OVV and at least one official producer both published a national rate, the
    most recent ``limit`` of them, oldest first: the same years side by side, not every producer."""
    ovv = {i: yearly("country", COUNTRY, i, "rate_per_100k", OVV) for i in SIDE_BY_SIDE}
    official = [yearly("country", COUNTRY, OFFICIAL_COMPARED, "rate_per_100k", p)
                for p in query.producers(indicator=OFFICIAL_COMPARED, unit="rate_per_100k", level="country")
                if p in official_producers()]
    years = sorted({p.year for s in official for p in s.points}
                   & {p.year for s in ovv.values() for p in s.points})[-limit:]
    rows = []
    for year in years:
        ours = {i: s.at(year) for i, s in ovv.items() if s.at(year) is not None}
        theirs = tuple((s.producer, s.at(year)) for s in official if s.at(year) is not None)
        rows.append(YearSideBySide(year, ours, theirs))  # type: ignore[arg-type]
    return rows


def latest_official(code: str = COUNTRY) -> Series | None:
    """The official homicide rate with the most recent year for the country."""
    found = [yearly("country", code, OFFICIAL_COMPARED, "rate_per_100k", p)
             for p in query.producers(indicator=OFFICIAL_COMPARED, unit="rate_per_100k", level="country")
             if p in official_producers()]
    found = [s for s in found if s.points]
    return max(found, key=lambda s: s.latest.year) if found else None


def data_year(b: Briefing) -> int | None:
    """The year of the most recent figure the briefing shows ("Data up to 2023"), never a publication date."""
    years = [line.series.latest.year for line in b.figures if line.series.latest]
    return max(years, default=None)


def place_name(code: str) -> str:
    return "Venezuela" if code == COUNTRY else codes.state_name(code)


def is_briefing_place(code: object) -> bool:
    return code == COUNTRY or (isinstance(code, str) and codes.is_state(code))


@cache
def briefing(code: str) -> Briefing:
    """Everything a briefing shows for a place (``VEN`` or a state ISO code)."""
    level = "country" if code == COUNTRY else "state"
    lines = latest_figures(level, code)
    headline = headline_of(lines)
    if code == COUNTRY:  # OVV's series is the one with state figures to compare and rank; the box shows both
        ovv = yearly("country", COUNTRY, "violent_deaths", "rate_per_100k", OVV)
        headline = ovv if ovv.points else headline
    comparison = compare(headline, code) if headline else None
    munis = municipal_figures(None if code == COUNTRY else code)
    total = len(codes.municipality_pcodes(None if code == COUNTRY else code))
    if code == COUNTRY:
        trend = national_trend()
    elif headline:
        trend = [headline, yearly("country", COUNTRY, headline.indicator, headline.unit, headline.producer)]
    else:
        trend = []
    return Briefing(code, lines, headline, comparison, munis, total, [s for s in trend if s.points])
