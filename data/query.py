"""Query layer for the pages: the only way the app reads data.

Why: pages must never read files. The package is validated and loaded once per process
(``load``; malformed data raises ``DataValidationError``) and every function below returns a fresh
DataFrame or dict, so callers cannot corrupt the cache.

A missing row means *no published figure*: ``map_values`` returns only the codes that have one, and
``has_figure`` says whether a given cell exists.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from data.checks import all_issues
from data.errors import DataValidationError
from data.package import DATA_DIR, descriptor, read_raw, resources, schema, typed

FIGURE_COLUMNS = ["source_id", "read_via", "locator_url", "locator", "status", "inputs", "note"]


def load(root: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    """Validate the package at ``root`` and return its tables by resource name (typed)."""
    issues = all_issues(root)
    if issues:
        raise DataValidationError(issues)
    return {name: typed(read_raw(root, res), schema(root, res)) for name, res in resources(root).items()}


_LOADING = threading.Lock()
_LOADED: dict[str, pd.DataFrame] = {}


def _tables() -> dict[str, pd.DataFrame]:
    """The validated package, loaded once per process.

    Why the lock: validation takes seconds; without it every thread of a worker that asks for data
    before the first load finished would validate the package again, all at once.
    """
    if not _LOADED:
        with _LOADING:
            if not _LOADED:
                _LOADED.update(load(DATA_DIR))
    return _LOADED


def ensure_loaded() -> None:
    """Validate and load the package now (at start-up, so gunicorn's ``--preload`` shares it with
    every worker instead of each worker validating it again on its first request)."""
    _tables()


def _t(name: str) -> pd.DataFrame:
    return _tables()[name].copy()


def clear_cache() -> None:
    """Forget the loaded package (after editing the CSVs in a running process)."""
    with _LOADING:
        _LOADED.clear()
    _observation_producers.cache_clear()
    for cached in (_rows_by_series, _series, _producers, producer_name, _published_ranks, _spanish):
        cached.cache_clear()


def indicators() -> pd.DataFrame:
    """The indicator catalogue (ids, names and definitions in es/en, allowed units)."""
    return _t("indicators")


def sources(ids: list[str] | None = None) -> pd.DataFrame:
    """All sources, or those with the given ids (in the table's order)."""
    frame = _t("sources")
    return frame if ids is None else frame[frame["source_id"].isin(ids)].reset_index(drop=True)


def producer_of(source_id: str) -> str:
    """The producer a source belongs to: ids are ``<producer>-<publication>`` (``ovv-iav-2023``).

    Why: one producer publishes a series across many reports (OVV's annual reports and regional
    chapters); a map or a line shows one producer's figures, drawn from whichever report gave them.
    """
    return source_id.split("-", 1)[0]


@lru_cache(maxsize=1)
def _observation_producers() -> np.ndarray:
    return _tables()["observations"]["source_id"].map(producer_of).to_numpy()


def _observations(
    indicator: str | None = None,
    unit: str | None = None,
    level: str | None = None,
    source_id: str | None = None,
    producer: str | None = None,
) -> pd.DataFrame:
    """The matching observations as a new frame.

    Why one mask: copying the whole table and filtering it column by column cost 3-4 ms a call, and
    a briefing makes hundreds of calls; the loaded table is only read here, and indexing it with a
    boolean mask returns a new frame, so callers still cannot corrupt the cache.
    """
    obs = _tables()["observations"]
    by_producer = None if producer is None else _observation_producers() == producer
    return _rows_where(obs, {"indicator": indicator, "unit": unit, "level": level, "source_id": source_id},
                       by_producer)


def _rows_where(frame: pd.DataFrame, equal: dict[str, object], mask: np.ndarray | None = None) -> pd.DataFrame:
    """A new frame of the rows (of ``mask``) whose columns equal the given values; None matches any."""
    mask = np.ones(len(frame), dtype=bool) if mask is None else mask.copy()
    for column, value in equal.items():
        if value is not None:
            mask &= (frame[column] == value).to_numpy(dtype=bool, na_value=False)
    return frame[mask].copy()


def map_values(
    indicator: str,
    unit: str,
    source_id: str,
    year: int,
    level: str,
    state: str | None = None,
    period: str = "",
) -> pd.DataFrame:
    """Values for one map: code, value and the figure's source columns.

    Only codes with a published figure appear; for ``level="municipality"`` pass ``state``
    (ISO 3166-2 code) to keep one state's municipalities.
    """
    obs = _observations(indicator, unit, level, source_id)
    obs = obs[(obs["year"] == year) & (obs["period"] == period)]
    if state is not None and level == "municipality":
        from geo import codes

        obs = obs[obs["code"].map(codes.state_of_municipality) == state]
    return obs[["code", "value", *FIGURE_COLUMNS]].sort_values("code").reset_index(drop=True)


SERIES_COLUMNS = ["year", "period", "value", *FIGURE_COLUMNS]


@lru_cache(maxsize=1)
def _rows_by_series() -> dict[tuple[str, str, str, str], np.ndarray]:
    """Row positions of each (level, code, indicator, unit): briefings ask for hundreds of series."""
    return _tables()["observations"].groupby(["level", "code", "indicator", "unit"], sort=False).indices


@lru_cache(maxsize=4096)
def _series(level: str, code: str, indicator: str, unit: str, source_id: str | None) -> pd.DataFrame:
    rows = _tables()["observations"].iloc[_rows_by_series().get((level, code, indicator, unit), [])]
    if source_id is not None:
        rows = rows[rows["source_id"] == source_id]
    return rows[SERIES_COLUMNS].sort_values(["source_id", "year", "period"]).reset_index(drop=True)


def series(level: str, code: str, indicator: str, unit: str, source_id: str | None = None) -> pd.DataFrame:
    """One place's values over time, one row per year, period and source (sources side by side)."""
    return _series(level, code, indicator, unit, source_id).copy()


def producer_values(
    indicator: str, unit: str, producer: str, year: int, level: str, state: str | None = None
) -> pd.DataFrame:
    """One producer's values for a map: per place, the figure from its most recent publication.

    When a later report of the same producer restates a year, the later figure is shown (it is the
    producer's own revision); figures of other producers are never mixed in.
    """
    obs = _observations(indicator, unit, level, producer=producer)
    obs = obs[(obs["year"] == year) & (obs["period"] == "")]
    if state is not None and level == "municipality":
        from geo import codes

        obs = obs[obs["code"].map(codes.state_of_municipality) == state]
    published = _t("sources").set_index("source_id")["published"].astype(str)
    obs = obs.assign(_published=obs["source_id"].map(published).fillna(""))
    obs = obs.sort_values(["code", "_published", "source_id"]).drop_duplicates("code", keep="last")
    return obs[["code", "value", *FIGURE_COLUMNS]].reset_index(drop=True)


def producers(indicator: str | None = None, unit: str | None = None, level: str | None = None) -> list[str]:
    """Producers with figures for a selection, the one with most figures first."""
    return list(_producers(indicator, unit, level))


@lru_cache(maxsize=1024)
def _producers(indicator: str | None, unit: str | None, level: str | None) -> tuple[str, ...]:
    obs = _observations(indicator, unit, level)
    counts = obs["source_id"].map(producer_of).value_counts()
    return tuple(sorted(counts.index, key=lambda p: (-counts[p], p)))


@lru_cache(maxsize=512)
def producer_name(producer: str, lang: str) -> str:
    """The organisation named most often among a producer's sources, in the reader's language
    (``organisation_es`` on Spanish pages where the package gives one)."""
    frame = _t("sources")
    rows = frame[frame["source_id"].map(producer_of) == producer]
    if not len(rows):
        return producer
    name = str(rows["organisation"].mode().iloc[0])
    spanish = rows[rows["organisation"] == name]["organisation_es"].fillna("")
    return str(spanish.iloc[0]) if lang == "es" and spanish.iloc[0] else name


def options(
    indicator: str | None = None,
    unit: str | None = None,
    level: str | None = None,
    producer: str | None = None,
) -> dict:
    """What exists for building controls: indicators, units, levels, sources and years."""
    obs = _observations(indicator, unit, level, producer=producer)
    return {
        "indicators": sorted(obs["indicator"].unique()),
        "units": sorted(obs["unit"].unique()),
        "levels": sorted(obs["level"].unique()),
        "sources": sorted(obs["source_id"].unique()),
        "years": sorted(int(y) for y in obs["year"].unique()),
    }


def _ranges(years: list[int]) -> str:
    """Compact year list: 2012-2016, 2018."""
    out: list[str] = []
    for year in sorted(set(years)):
        if out and out[-1].split("-")[-1] == str(year - 1):
            out[-1] = f"{out[-1].split('-')[0]}-{year}"
        else:
            out.append(str(year))
    return ", ".join(out)


def coverage(by_source: bool = True) -> pd.DataFrame:
    """Which indicator, level (and source) has figures for which years, and for how many places."""
    obs = _t("observations")
    keys = ["indicator", "level", "source_id"] if by_source else ["indicator", "level"]
    rows = []
    for key, group in obs.groupby(keys, sort=True):
        rows.append(
            {
                **dict(zip(keys, key, strict=True)),
                "units": ", ".join(sorted(group["unit"].unique())),
                "years": _ranges([int(y) for y in group["year"]]),
                "places": group["code"].nunique(),
                "rows": len(group),
            }
        )
    return pd.DataFrame(rows)


def has_figure(
    level: str,
    code: str,
    year: int,
    indicator: str,
    unit: str,
    source_id: str | None = None,
    period: str = "",
) -> bool:
    """True when a published (or labelled derived) figure exists for that cell."""
    obs = _observations(indicator, unit, level, source_id)
    return bool(((obs["code"] == code) & (obs["year"] == year) & (obs["period"] == period)).any())


def population(
    level: str | None = None, code: str | None = None, year: int | None = None, base: str | None = None
) -> pd.DataFrame:
    """Population bases stated by sources (several per year: they disagree after emigration)."""
    pop = _t("population")
    for column, value in (("level", level), ("code", code), ("year", year), ("base", base)):
        if value is not None:
            pop = pop[pop[column] == value]
    return pop.sort_values(["level", "code", "year", "base"]).reset_index(drop=True)


def published_ranks(level: str, year: int, indicator: str, unit: str, producer: str,
                    period: str = "") -> dict[str, dict[str, object]]:
    """The ranks a producer published for places of one level, year, indicator and unit, by place code.

    Each value holds ``rank``, ``ranked_count`` (None when the source did not say how many it ranked),
    ``ranked_within``, ``source_id`` and ``locator_url``. When two releases of the producer state a rank
    for the same place, the later release wins, as for figures.
    """
    return _published_ranks(level, int(year), indicator, unit, producer, period)


@lru_cache(maxsize=4096)
def _published_ranks(level: str, year: int, indicator: str, unit: str, producer: str,
                     period: str) -> dict[str, dict[str, object]]:
    ranks = _tables()["ranks"]
    rows = ranks[(ranks["level"] == level) & (ranks["year"] == year) & (ranks["indicator"] == indicator)
                 & (ranks["unit"] == unit) & (ranks["period"] == period)
                 & (ranks["source_id"].map(producer_of) == producer)]
    published = sources().set_index("source_id")["published"].astype(str)
    rows = rows.assign(_published=rows["source_id"].map(published)).sort_values(["_published", "source_id"])
    out: dict[str, dict[str, object]] = {}
    for row in rows.itertuples():
        count = row.ranked_count
        out[str(row.code)] = {"rank": int(row.rank), "ranked_count": None if pd.isna(count) else int(count),
                              "ranked_within": str(row.ranked_within), "source_id": str(row.source_id),
                              "locator_url": str(row.locator_url)}
    return out


def place_observations(level: str, code: str) -> pd.DataFrame:
    """Every figure the package holds for one place (all indicators, years, periods and sources), ordered by
    indicator, unit, year, period and source: what a place's own page lists."""
    obs = _rows_where(_tables()["observations"], {"level": level, "code": code})
    columns = ["indicator", "unit", "year", "period", "value", *FIGURE_COLUMNS]
    return obs[columns].sort_values(["indicator", "unit", "year", "period", "source_id"]).reset_index(drop=True)


def place_ranks(level: str, code: str) -> pd.DataFrame:
    """Every rank a source published for one place (``ranks.csv``), oldest year first."""
    ranks = _rows_where(_tables()["ranks"], {"level": level, "code": code})
    return ranks.sort_values(["year", "period", "indicator", "unit", "source_id"]).reset_index(drop=True)


def release() -> tuple[str, str]:
    """(version, date YYYY-MM-DD) of the data package, as every download and ``/healthz`` state it."""
    meta = descriptor(DATA_DIR)
    return str(meta["version"]), str(meta.get("created", ""))[:10]


def changes() -> pd.DataFrame:
    """What changed in the package, newest release first (the table's own order within a release)."""
    frame = _t("changes")
    return frame.assign(_order=range(len(frame))).sort_values(["date", "_order"], ascending=[False, True]).drop(
        columns="_order").reset_index(drop=True)


@lru_cache(maxsize=1)
def _spanish() -> dict[str, str]:
    frame = _tables()["translations"]
    return dict(zip(frame["text_en"], frame["text_es"], strict=True))


def in_language(text: str, lang: str) -> str:
    """A licence, locator or note we wrote (``data/translations.py`` lists the fields) in the reader's
    language. The package checks that every such text has its Spanish, so the fallback to the English
    text only serves a text that is not ours (a source's own title passes through unchanged)."""
    if lang != "es" or not text:
        return text
    return _spanish().get(text, text)


def events() -> pd.DataFrame:
    """Timeline events, oldest first."""
    return _t("events").sort_values("date").reset_index(drop=True)


def places() -> pd.DataFrame:
    """Benchmark places (countries, states, cities) of the regional tables."""
    return _t("places")


def benchmarks(
    place_id: str | None = None,
    indicator: str | None = None,
    unit: str | None = None,
    source_id: str | None = None,
) -> pd.DataFrame:
    """Regional benchmark figures, optionally filtered."""
    equal = {"place_id": place_id, "indicator": indicator, "unit": unit, "source_id": source_id}
    return _rows_where(_tables()["benchmarks"], equal).reset_index(drop=True)


def practices() -> pd.DataFrame:
    """Documented violence-reduction practices (regional tables)."""
    return _t("practices")


def targets() -> pd.DataFrame:
    """Published reduction targets (regional tables)."""
    return _t("targets")


def derived(
    kind: str,
    level: str | None = None,
    code: str | None = None,
    place_id: str | None = None,
    indicator: str | None = None,
    population_base: str | None = None,
    practice_id: str | None = None,
    alignment: str | None = None,
    distributor: str | None = None,
    source_id: str | None = None,
) -> pd.DataFrame:
    """Figures of one kind from the derived table (``data/derive.py``), in the table's order.

    Why the charts read them here instead of computing them: the table was recomputed and checked
    with the rest of the package at load, so a chart shows exactly the figure the package publishes,
    with its method and inputs. ``None`` matches any value; ``""`` matches an empty cell.
    """
    equal = {"kind": kind, "level": level, "code": code, "place_id": place_id, "indicator": indicator,
             "population_base": population_base, "practice_id": practice_id, "alignment": alignment,
             "distributor": distributor, "source_id": source_id}
    return _rows_where(_tables()["derived"], equal).reset_index(drop=True)
