"""The figures of the front page: each producer's latest national figure, the biggest recent changes and
the newest additions to the data package.

Why these rules: the front page is most readers' first visit and many leave after it, so what it shows must
hold on its own. Producers disagree (OVV's violent deaths include deaths the state classifies otherwise), so
each producer's figure stands beside the others, never averaged, and a change is only ever computed between
two figures of the same producer, indicator and unit. A year a producer restated takes its latest
publication, as on the map and in the briefings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from analysis.changes import Change
from analysis.color_classes import class_breaks
from data import query
from geo import codes

COUNTRY_LEVEL, COUNTRY = "country", "VEN"


@dataclass(frozen=True)
class FigureGroup:
    """A row of figure cards: indicators that answer one question, in one unit."""

    key: str
    indicators: tuple[str, ...]  # in the order their cards are listed when years tie
    unit: str
    # A producer is listed when its latest figure is at most this many years older than the group's newest
    # one: a figure from 2009 is history, not "the latest figures".
    recent_years: int


GROUPS = (
    # Three years, so UNODC's international series (published two years behind) stands beside the others.
    FigureGroup("rates", ("violent_deaths", "homicides", "intentional_homicides"), "rate_per_100k", 3),
    FigureGroup("state_killings", ("police_killings", "security_force_killings_documented"), "count", 2),
)
# The changes compared: rates of the violence indicators, at national and state level.
CHANGE_INDICATORS = ("violent_deaths", "homicides", "intentional_homicides", "police_killings")
CHANGE_UNIT = "rate_per_100k"


@dataclass(frozen=True)
class Figure:
    """One published figure with where it was read."""

    level: str
    code: str
    indicator: str
    unit: str
    producer: str
    year: int
    value: float
    source_id: str
    read_via: str
    locator_url: str
    note: str


@dataclass(frozen=True)
class Headline:
    """A producer's latest national figure of one indicator and, where published, the count of that year."""

    figure: Figure
    count: Figure | None


@dataclass(frozen=True)
class Shift:
    """The change between a producer's two most recent consecutive yearly figures of one series."""

    before: Figure
    after: Figure

    @property
    def change(self) -> Change:
        return Change(self.before.year, self.before.value, self.after.value)


@cache
def _published() -> dict[str, str]:
    table = query.sources()
    return dict(zip(table["source_id"], table["published"].astype(str), strict=True))


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def yearly_by_producer(level: str, code: str, indicator: str, unit: str) -> dict[str, list[Figure]]:
    """Per producer, its full-year figures for one place, oldest first; a restated year keeps the latest
    release. One query per series, split here: a query per producer made the page's first build 3 s long."""
    frame = query.series(level, code, indicator, unit)
    frame = frame[frame["period"] == ""]
    frame = frame.assign(_producer=frame["source_id"].map(query.producer_of),
                         _published=frame["source_id"].map(_published()).fillna(""))
    frame = frame.sort_values(["_producer", "year", "_published", "source_id"])
    frame = frame.drop_duplicates(["_producer", "year"], keep="last")
    out: dict[str, list[Figure]] = {}
    for row in frame.to_dict("records"):
        out.setdefault(str(row["_producer"]), []).append(
            Figure(level, code, indicator, unit, str(row["_producer"]), int(row["year"]), float(row["value"]),
                   str(row["source_id"]), _text(row["read_via"]), _text(row["locator_url"]), _text(row["note"])))
    return out


def yearly(level: str, code: str, indicator: str, unit: str, producer: str) -> list[Figure]:
    """A producer's full-year figures for one place, oldest first."""
    return yearly_by_producer(level, code, indicator, unit).get(producer, [])


@cache
def latest_national(group_key: str) -> tuple[Headline, ...]:
    """Each producer's latest national figure of the group's indicators (one card per producer and indicator),
    newest year first; producers whose latest figure is more than the group's ``recent_years`` older than
    the newest are left out."""
    group = group_of(group_key)
    latest: list[Figure] = []
    for indicator in group.indicators:
        for figures in yearly_by_producer(COUNTRY_LEVEL, COUNTRY, indicator, group.unit).values():
            latest.append(figures[-1])
    if not latest:
        return ()
    newest = max(f.year for f in latest)
    kept = [f for f in latest if f.year >= newest - group.recent_years]
    kept.sort(key=lambda f: (-f.year, group.indicators.index(f.indicator), f.producer))
    return tuple(Headline(f, _count_of(f)) for f in kept)


def _count_of(figure: Figure) -> Figure | None:
    """The same producer's count of deaths for the figure's place, indicator and year (a rate's numerator)."""
    if figure.unit == "count":
        return None
    counts = yearly(figure.level, figure.code, figure.indicator, "count", figure.producer)
    return next((c for c in counts if c.year == figure.year), None)


def group_of(key: str) -> FigureGroup:
    return next(g for g in GROUPS if g.key == key)


def oldest_year_shown(group_key: str) -> int | None:
    """The earliest year a group's cards may show (the cut-off the page states)."""
    headlines = latest_national(group_key)
    newest = max((h.figure.year for h in headlines), default=None)
    return None if newest is None else newest - group_of(group_key).recent_years


@cache
def _shifts() -> tuple[Shift, ...]:
    places = [(COUNTRY_LEVEL, COUNTRY), *(("state", code) for code in codes.state_iso_codes())]
    shifts: list[Shift] = []
    for indicator in CHANGE_INDICATORS:
        for level, code in places:
            for figures in yearly_by_producer(level, code, indicator, CHANGE_UNIT).values():
                if len(figures) >= 2 and figures[-1].year == figures[-2].year + 1:
                    shifts.append(Shift(figures[-2], figures[-1]))
    return tuple(shifts)


def biggest_changes(limit: int = 6) -> list[Shift]:
    """The largest changes, in rate points, between a series' last two consecutive years, among the series
    whose last year is the newest year of any series or the one before (so a change from 2015 to 2016 does
    not stand beside this year's). Rate points, not percent: a fall from 50 to 40 per 100,000 saves more
    lives than one from 4 to 2, although the second halves the rate."""
    shifts = _shifts()
    if not shifts:
        return []
    newest = max(s.after.year for s in shifts)
    current = [s for s in shifts if s.after.year >= newest - 1]
    current.sort(key=lambda s: (-abs(s.change.difference), s.after.level != COUNTRY_LEVEL, s.after.code))
    return current[:limit]


@dataclass(frozen=True)
class Addition:
    """One entry of the package's changes log that added figures."""

    table: str
    key: str  # in English; the page shows it in the reader's language
    new_value: str


@dataclass(frozen=True)
class Release:
    """A release of the data package and the additions of it that are shown."""

    date: str
    version: str
    additions: tuple[Addition, ...]


def newest_additions(limit: int = 4) -> list[Release]:
    """The latest ``limit`` entries of the changes log that added data, newest release first (the log's own
    order within a release), grouped by release."""
    log = query.changes()
    added = log[log["change"] == "added"].head(limit)
    releases: list[Release] = []
    for (date, version), rows in added.groupby(["date", "version"], sort=False):
        entries = tuple(Addition(str(r.table), str(r.key), _text(r.new_value)) for r in rows.itertuples())
        releases.append(Release(str(date), str(version), entries))
    return releases


@dataclass(frozen=True)
class StateMap:
    """The states' figures of one map view, with the colour classes the map explorer uses for it."""

    indicator: str
    unit: str
    producer: str
    year: int
    values: dict[str, Figure]
    breaks: tuple[float, ...]

    @property
    def source_ids(self) -> list[str]:
        return sorted({f.source_id for f in self.values.values()})


def state_map(indicator: str, unit: str, producer: str, year: int) -> StateMap:
    """The states' figures of a producer for a year; the class breaks come from every year of the selection,
    as on the map explorer, so a state has the same colour here and there."""
    frame = query.producer_values(indicator, unit, producer, year, "state")
    values = {str(r["code"]): Figure("state", str(r["code"]), indicator, unit, producer, year, float(r["value"]),
                                     str(r["source_id"]), _text(r["read_via"]), _text(r["locator_url"]),
                                     _text(r["note"]))
              for _index, r in frame.iterrows()}
    every_year = [float(v) for y in query.options(indicator, unit, "state", producer)["years"]
                  for v in query.producer_values(indicator, unit, producer, int(y), "state")["value"]]
    return StateMap(indicator, unit, producer, year, values, tuple(class_breaks(every_year)))


ACRONYM = re.compile(r"\(([A-ZÁÉÍÓÚÑ]{2,8})\)$")


def short_producer_name(producer: str, lang: str) -> str:
    """The acronym a producer's name ends with (``Observatorio Venezolano de Violencia (OVV)`` → ``OVV``), or
    the whole name when it has none; for lists where the full name would repeat on every line."""
    name = query.producer_name(producer, lang)
    found = ACRONYM.search(name)
    return found.group(1) if found else name
