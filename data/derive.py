"""Derived figures as a data step: ``python -m data.derive [PATH]`` rewrites ``tables/derived.csv``.

Why: a figure the dashboard computes (a rate under another population base, a share of OVV's violent
deaths, an index of a good-practice trajectory, the halving path) must be as checkable as a published
one. It is computed once, here, from the published tables, written with its method, its exact inputs
and their sources, validated with the rest of the package (``data/checks.py`` recomputes it and
compares) and read by the charts through ``data.query.derived``; no chart computes it per request.

Arithmetic is exact: published numbers are read as decimal text into fractions, never binary floats,
and each result is rounded half-up to the decimals the corresponding published figures use (what
sources do: 16506 / 28,000,000 × 100,000 = 58.95 is published as 59.0, where Python's ``round`` on a
float gives 58.9). Nothing is interpolated or filled: a value exists only where all its inputs are
published for that year.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction
from pathlib import Path

import pandas as pd

from data.package import DATA_DIR, read_raw, resources

RESOURCE = "derived"
COLUMNS = [
    "kind", "level", "code", "place_id", "year", "indicator", "population_base", "practice_id", "alignment",
    "distributor", "value", "unit", "base_year", "status", "method", "inputs", "source_id", "input_source_ids",
]
KEY = ["kind", "level", "code", "place_id", "year", "indicator", "population_base", "practice_id", "alignment",
       "distributor", "input_source_ids"]
# Decimals of each kind: those of the published figures of the same unit (rates and shares: 1), and for
# indexes and the halving path those the charts showed before this step (1 and 2).
DECIMALS = {"population_rate": 1, "composition_share": 1, "trajectory_index": 1, "halving_path": 2, "firearm_share": 1}

OVV = "ovv"
VENEZUELA = ("country", "VEN")
# Counts the trends page turns into rates under each population base (its "Count" control).
RATE_INDICATORS = ("violent_deaths", "homicides", "police_killings", "deaths_under_investigation", "disappearances")
COMPONENTS = ("homicides", "police_killings", "deaths_under_investigation", "disappearances")
CORE_COMPONENTS = COMPONENTS[:3]
# distributor key -> (benchmarks source id, Venezuela's observations source id) of UNODC's series
DISTRIBUTORS = {"owid": ("reg-unodc-owid", "unodc-owid"), "wb": ("reg-unodc-wb", "unodc-wdi")}
UNODC_INDICATOR = "intentional_homicides"
# A practice's trajectory is indexed only when it measures homicide: the chart compares how fast homicide
# came down, so a practice measured in police killings or all-intent firearm deaths has no trajectory.
TRAJECTORY_INDICATORS = ("homicide_rate", "homicides")
HALVING_TARGET = "instinto-de-vida-half-10y"
TARGET_YEARS = {"percent_reduction_10y": 10}
POWER_DIGITS = 50  # significant digits for the halving path's irrational powers

Tables = dict[str, pd.DataFrame]


@dataclass(frozen=True)
class Derived:
    """One derived value, its method and its inputs; ``exact`` is the value before rounding."""

    kind: str
    year: int
    value: str
    unit: str
    method: str
    inputs: str
    source_ids: tuple[str, ...]  # every input's source, in the order ``inputs`` names them
    exact: Fraction
    level: str = ""
    code: str = ""
    place_id: str = ""
    indicator: str = ""
    population_base: str = ""
    practice_id: str = ""
    alignment: str = ""
    distributor: str = ""
    base_year: int | None = None

    def row(self) -> dict[str, str]:
        """The CSV row (every cell as text)."""
        fields = {**self.__dict__, "status": "derived", "source_id": self.source_ids[0],
                  "input_source_ids": "|".join(self.source_ids)}
        return {c: "" if fields[c] is None else str(fields[c]) for c in COLUMNS}

    def key(self) -> tuple[str, ...]:
        row = self.row()
        return tuple(row[c] for c in KEY)


def half_up(exact: Fraction, decimals: int) -> str:
    """``exact`` rounded half-up (ties away from zero) to ``decimals``, as text with that many decimals.

    Why not ``round``: it rounds the binary float nearest to the value (58.95 is stored as 58.9499…)
    and breaks ties to even; sources round the decimal value half-up.
    """
    scaled = abs(exact) * 10**decimals
    units = math.floor(scaled + Fraction(1, 2))
    digits = str(units).rjust(decimals + 1, "0")
    text = f"{digits[:-decimals]}.{digits[-decimals:]}" if decimals else digits
    return f"-{text}" if exact < 0 and units else text


def _distinct(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def producer_of(source_id: str) -> str:
    """Source ids are ``<producer>-<publication>``; the same rule as ``data.query.producer_of``."""
    return source_id.split("-", 1)[0]


def latest_release(rows: pd.DataFrame, published: dict[str, str]) -> pd.DataFrame:
    """Per year, the row of the producer's most recent publication (a restatement revises the year).

    The same rule the charts use for the published series; ties on the date go to the later source id.
    """
    if rows.empty:
        return rows
    ordered = rows.assign(_published=rows["source_id"].map(published).fillna(""))
    ordered = ordered.sort_values(["year", "_published", "source_id"])
    return ordered.drop_duplicates("year", keep="last").drop(columns="_published")


def _published(tables: Tables) -> dict[str, str]:
    sources = tables["sources"]
    return dict(zip(sources["source_id"], sources["published"], strict=True))


def national_counts(tables: Tables, indicator: str, producer: str = OVV) -> pd.DataFrame:
    """A producer's national full-year counts of one indicator, latest release per year (text cells)."""
    obs = tables["observations"]
    rows = obs[(obs["level"] == VENEZUELA[0]) & (obs["code"] == VENEZUELA[1]) & (obs["period"] == "")
               & (obs["indicator"] == indicator) & (obs["unit"] == "count")
               & (obs["source_id"].map(producer_of) == producer)]
    return latest_release(rows, _published(tables))


# -- population_rate -----------------------------------------------------------------------------------

RATE_METHOD = ("count ÷ population × 100,000, rounded half-up to 1 decimal; the count is OVV's latest release "
               "for the year, the population a base published for the same year")


def population_rates(indicator: str, counts: pd.DataFrame, bases: pd.DataFrame) -> list[Derived]:
    """The same count over every population base published for the same year (never another year's).

    ``counts``: year, value, source_id (one row per year); ``bases``: year, base, value, source_id.
    Bases stated as a lower bound are kept, as the chart showed them (its table states the qualifier).
    """
    by_year = {str(r.year): r for r in counts.itertuples()}
    ordered = bases.assign(_year=bases["year"].astype(int), _value=bases["value"].map(Fraction))
    out = []
    for base in ordered.sort_values(["_year", "_value"], kind="stable").itertuples():
        count = by_year.get(str(base.year))
        if count is None:
            continue
        population = Fraction(base.value)
        if population <= 0:
            raise ValueError(f"population {base.value} of {base.base} {base.year} is not positive")
        exact = Fraction(count.value) / population * 100_000
        out.append(Derived(
            "population_rate", int(base.year), half_up(exact, DECIMALS["population_rate"]), "rate_per_100k",
            RATE_METHOD,
            f"count={count.value} ({count.source_id}); population={base.value} ({base.base}, {base.source_id})",
            _distinct([count.source_id, base.source_id]), exact, level=VENEZUELA[0], code=VENEZUELA[1],
            indicator=indicator, population_base=base.base,
        ))
    return out


def all_population_rates(tables: Tables) -> list[Derived]:
    """Rates of OVV's national counts under every national population base of the same year."""
    pop = tables["population"]
    bases = pop[(pop["level"] == VENEZUELA[0]) & (pop["code"] == VENEZUELA[1])]
    return [d for indicator in RATE_INDICATORS for d in population_rates(indicator, national_counts(tables, indicator),
                                                                         bases)]


# -- composition_share ---------------------------------------------------------------------------------

SHARE_METHOD = ("category count ÷ sum of the categories OVV reported that year × 100, rounded half-up to "
                "1 decimal; only for years with homicides, police killings and deaths under investigation all "
                "published (disappearances are added to the sum when published)")


def shares(year: int, counts: list[tuple[str, str, str]]) -> list[Derived]:
    """Each category's share of the categories reported in ``year``; none without the core three.

    ``counts``: (component, value, source_id) in ``COMPONENTS`` order. Why the rule: a missing core
    category would inflate the others' shares.
    """
    if not set(CORE_COMPONENTS) <= {c for c, _v, _s in counts}:
        return []
    total = sum(Fraction(v) for _c, v, _s in counts)
    terms = " + ".join(f"{c}={v}" for c, v, _s in counts)
    ids = _distinct(s for _c, _v, s in counts)
    cited = f"source: {ids[0]}" if len(ids) == 1 else "sources: " + ", ".join(f"{c} {s}" for c, _v, s in counts)
    out = []
    for component, value, source in counts:
        exact = Fraction(value) / total * 100
        out.append(Derived(
            "composition_share", year, half_up(exact, DECIMALS["composition_share"]), "percent", SHARE_METHOD,
            f"{value} / ({terms}); {cited}", _distinct([source, *ids]), exact, level=VENEZUELA[0],
            code=VENEZUELA[1], indicator=component,
        ))
    return out


def composition_shares(tables: Tables) -> list[Derived]:
    """Shares of OVV's national violent deaths by category, per year with the core categories."""
    by_year: dict[int, list[tuple[str, str, str]]] = {}
    for component in COMPONENTS:
        for r in national_counts(tables, component).itertuples():
            by_year.setdefault(int(r.year), []).append((component, r.value, r.source_id))
    return [d for year in sorted(by_year) for d in shares(year, by_year[year])]


# -- firearm_share -------------------------------------------------------------------------------------

FIREARM_METHOD = ("homicides committed with a firearm ÷ all homicides × 100, rounded half-up to 1 decimal; both "
                  "counts from the same publication for the same place and year")


def firearm_shares(tables: Tables) -> list[Derived]:
    """A country's firearm share of homicides where a publication gives the two counts but no share."""
    bench = tables["benchmarks"]
    firearms = bench[(bench["indicator"] == "firearm_homicides") & (bench["unit"] == "count")]
    totals = bench[(bench["indicator"] == "homicides") & (bench["unit"] == "count")]
    total_of = {(r.place_id, r.year, r.source_id): r.value for r in totals.itertuples()}
    out = []
    for r in firearms.sort_values(["place_id", "year", "source_id"]).itertuples():
        total = total_of.get((r.place_id, r.year, r.source_id))
        if total is None or Fraction(total) <= 0:
            continue
        exact = Fraction(r.value) / Fraction(total) * 100
        out.append(Derived("firearm_share", int(r.year), half_up(exact, DECIMALS["firearm_share"]), "percent",
                           FIREARM_METHOD, f"firearm_homicides={r.value} / homicides={total}; source: {r.source_id}",
                           (r.source_id,), exact, place_id=r.place_id, indicator="firearm_homicide_share"))
    return out


# -- trajectory_index ----------------------------------------------------------------------------------

INDEX_METHOD = {
    "start": "value ÷ value of the base year × 100, rounded half-up to 1 decimal; base year = the last published "
             "year at or before the policy started (the first after it if none precedes it)",
    "peak": "value ÷ value of the base year × 100, rounded half-up to 1 decimal; base year = the year of the "
            "highest published value (the earliest on a tie)",
}
Point = tuple[int, str]  # (year, value as published)


def peak_year(points: list[Point]) -> int:
    """Year of the highest value (the earliest one on a tie)."""
    return max(sorted(points), key=lambda p: Fraction(p[1]))[0]


def base_year_for_start(points: list[Point], start: int) -> int:
    """The last published year at or before a policy start, or the first after it if none precedes it."""
    years = sorted(y for y, _v in points)
    before = [y for y in years if y <= start]
    return before[-1] if before else years[0]


def indexes(points: list[Point], alignment: str, start: int | None, source_id: str, **where: str) -> list[Derived]:
    """Every published point as a percentage of the base year's value (``alignment``: start or peak)."""
    base_year = base_year_for_start(points, start) if alignment == "start" and start is not None else peak_year(points)
    base = dict(points)[base_year]
    if Fraction(base) <= 0:
        raise ValueError(f"base value {base} ({base_year}, {source_id}) is not positive")
    out = []
    for year, value in sorted(points):
        exact = Fraction(value) / Fraction(base) * 100
        out.append(Derived(
            "trajectory_index", year, half_up(exact, DECIMALS["trajectory_index"]), "index_base_100",
            INDEX_METHOD[alignment],
            f"value={value} ({year}, {source_id}); base={base} ({base_year}, {source_id})", (source_id,), exact,
            alignment=alignment, base_year=base_year, **where,
        ))
    return out


def practice_points(tables: Tables, practice: pd.Series) -> list[Point]:
    """A practice's series from the source its card cites, in the indicator and unit the practice is measured in."""
    bench = tables["benchmarks"]
    rows = bench[(bench["place_id"] == practice["place_id"]) & (bench["indicator"] == practice["indicator"])
                 & (bench["unit"] == practice["unit"]) & (bench["source_id"] == practice["source_id"])]
    return sorted((int(r.year), r.value) for r in rows.itertuples())


def venezuela_unodc(tables: Tables, distributor: str) -> list[Point]:
    """Venezuela's UNODC rates as one distributor republishes them (full years)."""
    obs = tables["observations"]
    rows = obs[(obs["level"] == VENEZUELA[0]) & (obs["code"] == VENEZUELA[1]) & (obs["period"] == "")
               & (obs["indicator"] == UNODC_INDICATOR) & (obs["unit"] == "rate_per_100k")
               & (obs["source_id"] == DISTRIBUTORS[distributor][1])]
    return sorted((int(r.year), r.value) for r in rows.itertuples())


def trajectory_indexes(tables: Tables) -> list[Derived]:
    """Each practice with two or more figures, under both alignments; Venezuela since its peak, per distributor."""
    out = []
    for _i, practice in tables["practices"].iterrows():
        if practice["indicator"] not in TRAJECTORY_INDICATORS:
            continue
        points = practice_points(tables, practice)
        if len(points) < 2:
            continue
        for alignment in ("start", "peak"):
            out += indexes(points, alignment, int(practice["period_start"]), practice["source_id"],
                           place_id=practice["place_id"], practice_id=practice["practice_id"],
                           indicator=practice["indicator"])
    for distributor, (_bench, source) in DISTRIBUTORS.items():
        points = venezuela_unodc(tables, distributor)
        if points:
            out += indexes(points, "peak", None, source, level=VENEZUELA[0], code=VENEZUELA[1],
                           indicator=UNODC_INDICATOR, distributor=distributor)
    return out


# -- halving_path --------------------------------------------------------------------------------------

HALVING_METHOD = ("start value × (1 − {cut} %)^(years since the start ÷ {years}), the power computed to 50 "
                  "significant digits (it is irrational between the ends), rounded half-up to 2 decimals")


def halving_path(year: int, value: str, source_id: str, cut: str, years: int, target: str, target_source: str,
                 distributor: str) -> list[Derived]:
    """The path that cuts ``value`` by ``cut`` % in ``years`` years at a constant yearly pace."""
    out = []
    with localcontext() as ctx:
        ctx.prec = POWER_DIGITS
        factor = 1 - Decimal(cut) / 100
        for k in range(years + 1):
            exact = Fraction(Decimal(value) * factor ** (Decimal(k) / Decimal(years)))
            out.append(Derived(
                "halving_path", year + k, half_up(exact, DECIMALS["halving_path"]), "rate_per_100k",
                HALVING_METHOD.format(cut=cut, years=years),
                f"start={value} ({year}, {source_id}); target={cut} % in {years} years ({target}, {target_source})",
                _distinct([source_id, target_source]), exact, level=VENEZUELA[0], code=VENEZUELA[1],
                indicator=UNODC_INDICATOR, distributor=distributor, base_year=year,
            ))
    return out


def halving_paths(tables: Tables) -> list[Derived]:
    """The Instinto de Vida halving path from Venezuela's latest UNODC figure, per distributor.

    Why precomputable: the start is the latest published year of the series the chart draws and the
    pace is the published target; the reader chooses neither.
    """
    targets = tables["targets"]
    rows = targets[targets["target_id"] == HALVING_TARGET]
    if rows.empty or rows.iloc[0]["unit"] not in TARGET_YEARS:
        return []
    target = rows.iloc[0]
    out = []
    for distributor, (_bench, source) in DISTRIBUTORS.items():
        points = venezuela_unodc(tables, distributor)
        if points:
            year, value = points[-1]
            out += halving_path(year, value, source, target["value"], TARGET_YEARS[target["unit"]], HALVING_TARGET,
                                target["source_id"], distributor)
    return out


# -- the table -----------------------------------------------------------------------------------------

INPUTS = ("sources", "observations", "population", "benchmarks", "practices", "targets")


def read_inputs(root: Path = DATA_DIR) -> Tables:
    """The published tables the derived figures come from, as text (never parsed to floats)."""
    res = resources(root)
    return {name: read_raw(root, res[name]) for name in INPUTS}


def compute(root: Path = DATA_DIR) -> list[Derived]:
    """Every derived figure of the package at ``root``, in the table's order."""
    tables = read_inputs(root)
    return (all_population_rates(tables) + composition_shares(tables) + trajectory_indexes(tables)
            + halving_paths(tables) + firearm_shares(tables))


def table_path(root: Path = DATA_DIR) -> Path:
    return root / resources(root)[RESOURCE]["path"]


def write(rows: list[Derived], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(r.row() for r in rows)


def counts(kinds: Iterable[str]) -> str:
    """Rows per kind, in ``DECIMALS`` order: ``population_rate 78, ...``."""
    tally = Counter(kinds)
    return ", ".join(f"{kind} {tally[kind]}" for kind in DECIMALS)


def main(argv: list[str] | None = None) -> int:
    """Regenerate the derived table (or, with ``--counts``, only print its rows per kind)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=DATA_DIR, help="folder of the data package")
    parser.add_argument("--counts", action="store_true", help="print the committed table's rows per kind; write nothing")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    path = table_path(args.root)
    if args.counts:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        print(f"{len(frame)} rows in {path}: {counts(frame['kind'])}")
        return 0
    rows = compute(args.root)
    write(rows, path)
    print(f"wrote {len(rows)} rows to {path}: {counts(r.kind for r in rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
