"""Validation of the data package: Table Schema rules plus the domain rules a schema cannot say.

Why: a figure must never enter the dashboard unless its codes exist, its source is known and its
arithmetic agrees with the other figures published with it. Every problem is reported as
``file, row N: reason`` where N is the line number in the CSV (the header is line 1).

Tolerances (also in ``data/README.md``):

* components against a total: counts within max(1, 0.1 % of the total) (OVV rounds its
  estimates); rates within the sum of half a unit of the last published digit of every term;
* rate against count and stated population: half a unit of the rate's last digit, plus 2 % of the
  rate when the population is stated rounded ("26 million") or 0.1 % when it is exact; populations
  stated only as a lower bound are not used.

Derived figures (``derived.csv``) have no tolerance: the committed table must equal a fresh exact
recomputation from the published tables (``data/derive.py``), value for value and text for text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pycountry
from frictionless import validate as fl_validate

from data import derive, themes
from data.csv_safe import starts_like_formula
from data.errors import Issue
from data.package import DATA_DIR, read_raw, resources, schema
from data.translations import translation_issues

COMPONENTS = {
    "violent_deaths": ("homicides", "police_killings", "deaths_under_investigation"),
    "violent_deaths_incl_disappearances": (
        "homicides",
        "police_killings",
        "deaths_under_investigation",
        "disappearances",
    ),
}
CODED_TABLES = ("observations", "population", "events", "ranks")


def _file(resource: dict) -> str:
    return Path(resource["path"]).name


def schema_issues(root: Path = DATA_DIR) -> list[Issue]:
    """Types, constraints, primary keys (duplicates) and foreign keys (unknown ids) via frictionless."""
    report = fl_validate(str(root / "datapackage.json"))
    by_name = resources(root)
    issues: list[Issue] = []
    for task in report.tasks:
        fname = _file(by_name[task.name]) if task.name in by_name else task.name
        for err in task.errors:
            row = getattr(err, "row_number", None)
            field = getattr(err, "field_name", None)
            where = f"field {field!r}: " if field else ""
            reason = {"primary-key": "duplicate key", "foreign-key": "unknown reference"}.get(
                err.type, err.type
            )
            issues.append(Issue(fname, row, f"{reason}: {where}{err.note}"))
    for err in report.errors:
        issues.append(Issue("datapackage.json", None, f"{err.type}: {err.note}"))
    return issues


def _decimals(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _half_unit(text: str) -> float:
    return 0.5 * 10 ** (-_decimals(text))


def _num(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _code_ok(level: str, code: str) -> str | None:
    """Reason the code is wrong for its level, or None."""
    from geo import codes  # imported late: geo is a sibling package built in parallel

    if level == "country":
        return None if pycountry.countries.get(alpha_3=code) else f"unknown ISO 3166-1 alpha-3 code {code!r}"
    if level == "state":
        return None if codes.is_state(code) else f"unknown state code {code!r} (ISO 3166-2:VE expected)"
    if level == "municipality":
        return (
            None
            if codes.is_municipality(code)
            else f"unknown municipality code {code!r} (INE P-code expected)"
        )
    return f"unknown level {level!r}"


def code_issues(tables: dict[str, pd.DataFrame], files: dict[str, str]) -> list[Issue]:
    """Every level/code pair must exist in the geography (geo.codes) or in ISO 3166-1."""
    issues = []
    for name in CODED_TABLES:
        frame = tables.get(name)
        if frame is None:
            continue
        for i, row in enumerate(frame.itertuples(index=False), start=2):
            reason = _code_ok(row.level, row.code)
            if reason:
                issues.append(Issue(files[name], i, reason))
    return issues


def observation_issues(
    obs: pd.DataFrame, indicators: pd.DataFrame, sources: pd.DataFrame, fname: str
) -> list[Issue]:
    """Row rules: units allowed per indicator, percent <= 100, derived rows carry inputs, copies are copies."""
    units = {r.indicator_id: set(r.units.split("|")) for r in indicators.itertuples(index=False)}
    kinds = dict(zip(sources.source_id, sources.kind, strict=True))
    issues = []
    for i, row in enumerate(obs.itertuples(index=False), start=2):
        value = _num(row.value)
        if row.indicator in units and row.unit not in units[row.indicator]:
            issues.append(Issue(fname, i, f"unit {row.unit!r} not allowed for indicator {row.indicator!r}"))
        if row.unit == "percent" and value is not None and value > 100:
            issues.append(Issue(fname, i, f"percent above 100 ({row.value})"))
        if value is not None and value < 0:
            issues.append(Issue(fname, i, f"negative value ({row.value})"))
        if row.status == "derived" and not row.inputs.strip():
            issues.append(Issue(fname, i, "derived value without its inputs"))
        if row.status == "published" and row.inputs.strip():
            issues.append(Issue(fname, i, "published value with inputs (inputs are for derived rows)"))
        if row.read_via and kinds.get(row.read_via, "press_copy") != "press_copy":
            issues.append(Issue(fname, i, f"read_via {row.read_via!r} is not a press_copy source"))
    return issues


def rank_issues(ranks: pd.DataFrame, obs: pd.DataFrame, sources: pd.DataFrame, fname: str) -> list[Issue]:
    """A published rank must fit in what it ranks among, name a place inside it, and rank a figure the
    package holds from the same producer (a rank with no figure beside it could not be shown)."""
    from geo import codes

    figures = {(r.level, r.code, r.year, r.period, r.indicator, r.unit, _producer(r.source_id))
               for r in obs.itertuples(index=False)}
    kinds = dict(zip(sources.source_id, sources.kind, strict=True))
    issues = []
    for i, row in enumerate(ranks.itertuples(index=False), start=2):
        if row.ranked_count and int(row.rank) > int(row.ranked_count):
            issues.append(Issue(fname, i, f"rank {row.rank} above the {row.ranked_count} places ranked"))
        if row.ranked_within != "VEN":
            if row.level != "municipality":
                issues.append(Issue(fname, i, "only municipalities are ranked within a state"))
            elif codes.is_municipality(row.code) and codes.state_of_municipality(row.code) != row.ranked_within:
                issues.append(Issue(fname, i, f"{row.code} is not a municipality of {row.ranked_within}"))
        key = (row.level, row.code, row.year, row.period, row.indicator, row.unit, _producer(row.source_id))
        if key not in figures:
            issues.append(Issue(fname, i, f"no published {row.indicator} ({row.unit}) figure of {row.code} for "
                                          f"{row.year} from the rank's producer"))
        if row.read_via and kinds.get(row.read_via, "press_copy") != "press_copy":
            issues.append(Issue(fname, i, f"read_via {row.read_via!r} is not a press_copy source"))
    return issues


def _producer(source_id: str) -> str:
    """The producer a source belongs to, as the query layer groups them (``ovv-iav-2023`` -> ``ovv``)."""
    return source_id.split("-", 1)[0]


def _groups(obs: pd.DataFrame) -> dict[tuple, dict[str, tuple[int, str]]]:
    """(level, code, year, period, unit, source_id) -> indicator -> (row number, value text)."""
    out: dict[tuple, dict[str, tuple[int, str]]] = defaultdict(dict)
    for i, row in enumerate(obs.itertuples(index=False), start=2):
        out[(row.level, row.code, row.year, row.period, row.unit, row.source_id)][row.indicator] = (
            i,
            row.value,
        )
    return out


def sum_issues(obs: pd.DataFrame, fname: str) -> list[Issue]:
    """OVV totals must equal their published components within the stated rounding."""
    issues = []
    for key, inds in _groups(obs).items():
        unit = key[4]
        for total, parts in COMPONENTS.items():
            if total not in inds or not all(p in inds for p in parts):
                continue
            terms = [inds[p][1] for p in parts]
            values = [_num(t) for t in terms]
            total_v = _num(inds[total][1])
            if total_v is None or any(v is None for v in values):
                continue
            got = sum(v for v in values if v is not None)
            if unit == "count":
                tol = max(1.0, 0.001 * total_v)
            else:
                tol = sum(_half_unit(t) for t in [*terms, inds[total][1]])
            if abs(got - total_v) > tol + 1e-9:
                issues.append(
                    Issue(
                        fname,
                        inds[total][0],
                        f"{total} {inds[total][1]} ({unit}) differs from the sum of "
                        f"{' + '.join(parts)} = {got:g} by more than {tol:g}",
                    )
                )
    return issues


def rate_issues(obs: pd.DataFrame, pop: pd.DataFrame, fname: str) -> list[Issue]:
    """Where count, rate and population are all stated by one source, they must agree."""
    pops: dict[tuple, list[tuple[float, str]]] = defaultdict(list)
    for row in pop.itertuples(index=False):
        value = _num(row.value)
        if value and row.qualifier != "lower_bound":
            pops[(row.level, row.code, row.year, row.source_id)].append((value, row.qualifier))
    issues = []
    counts = {
        (r.level, r.code, r.year, r.period, r.indicator, r.source_id): r.value
        for r in obs.itertuples(index=False)
        if r.unit == "count"
    }
    for i, row in enumerate(obs.itertuples(index=False), start=2):
        if row.unit != "rate_per_100k":
            continue
        count = counts.get((row.level, row.code, row.year, row.period, row.indicator, row.source_id))
        rate = _num(row.value)
        if count is None or rate is None or _num(count) is None:
            continue
        for population, qualifier in pops.get((row.level, row.code, row.year, row.source_id), []):
            computed = (_num(count) or 0.0) / population * 100_000
            tol = _half_unit(row.value) + (0.02 if qualifier == "rounded" else 0.001) * rate
            if abs(computed - rate) > tol + 1e-9:
                issues.append(
                    Issue(
                        fname,
                        i,
                        f"rate {row.value} inconsistent with count {count} and stated "
                        f"population {population:.0f} (gives {computed:.2f}; tolerance {tol:.2f})",
                    )
                )
    return issues


def practice_issues(practices: pd.DataFrame, benchmarks: pd.DataFrame | None, fname: str) -> list[Issue]:
    """Each practice's themes come from the vocabulary (``data/themes.py``), once each; its baseline and outcome
    are benchmark rows of its own source, so the card's figures are the table's figures."""
    issues = []
    for i, row in enumerate(practices.itertuples(index=False), start=2):
        cell = str(row.themes)
        if not themes.split(cell):
            issues.append(Issue(fname, i, f"practice {row.practice_id!r} has no theme"))
        for theme in themes.unknown(cell):
            issues.append(Issue(fname, i, f"unknown theme {theme!r} (allowed: {', '.join(themes.THEMES)})"))
        seen = themes.split(cell)
        if len(set(seen)) != len(seen):
            issues.append(Issue(fname, i, f"a theme is listed twice in {cell!r}"))
        if benchmarks is None:
            continue
        for which in ("baseline", "outcome"):
            year, value = getattr(row, f"{which}_year"), getattr(row, f"{which}_value")
            hit = benchmarks[(benchmarks["place_id"] == row.place_id) & (benchmarks["year"] == year)
                             & (benchmarks["indicator"] == row.indicator) & (benchmarks["unit"] == row.unit)
                             & (benchmarks["source_id"] == row.source_id)]
            if hit.empty:
                issues.append(Issue(fname, i, f"{which} {row.indicator} {year} of {row.place_id!r} is not in "
                                              f"benchmarks.csv under {row.source_id!r}"))
            elif _num(hit["value"].iloc[0]) != _num(value):
                issues.append(Issue(fname, i, f"{which} value {value} differs from benchmarks.csv "
                                              f"({hit['value'].iloc[0]})"))
    return issues


def domain_issues(root: Path = DATA_DIR) -> list[Issue]:
    """All rules beyond the Table Schemas, on the raw text of the tables."""
    res = resources(root)
    tables: dict[str, pd.DataFrame] = {}
    files: dict[str, str] = {}
    for name in ("sources", "indicators", *CODED_TABLES):
        if name in res and (root / res[name]["path"]).exists():
            tables[name] = read_raw(root, res[name])
            files[name] = _file(res[name])
    issues = code_issues(tables, files)
    if {"observations", "indicators", "sources"} <= tables.keys():
        obs = tables["observations"]
        issues += observation_issues(obs, tables["indicators"], tables["sources"], files["observations"])
        issues += sum_issues(obs, files["observations"])
        if "population" in tables:
            issues += rate_issues(obs, tables["population"], files["observations"])
        if "ranks" in tables:
            issues += rank_issues(tables["ranks"], obs, tables["sources"], files["ranks"])
    if "practices" in res and (root / res["practices"]["path"]).exists():
        bench = read_raw(root, res["benchmarks"]) if "benchmarks" in res else None
        issues += practice_issues(read_raw(root, res["practices"]), bench, _file(res["practices"]))
    if "changes" in res and (root / res["changes"]["path"]).exists():
        issues += change_issues(read_raw(root, res["changes"]), _file(res["changes"]), root)
    return issues


def change_issues(changes: pd.DataFrame, fname: str, root: Path) -> list[Issue]:
    """The changes log must describe the current release: no change from a later version than the package's,
    and the package's version must have at least one entry (a release says what it changed)."""
    from data.package import descriptor

    version = str(descriptor(root)["version"])

    def parts(text: str) -> tuple[int, ...]:
        return tuple(int(p) for p in text.split(".")) if text.replace(".", "").isdigit() else (0,)

    issues = [Issue(fname, i, f"version {row.version} is later than the package's {version}")
              for i, row in enumerate(changes.itertuples(index=False), start=2) if parts(row.version) > parts(version)]
    if version not in set(changes["version"]):
        issues.append(Issue(fname, 1, f"no entry for the package's version {version}"))
    return issues


REGENERATE = "regenerate it with python -m data.derive"


def _exact_text(exact: Fraction) -> str:
    """The unrounded value: every digit when it terminates, else eight decimals and an ellipsis."""
    for places in range(13):
        scaled = exact * 10**places
        if scaled.denominator == 1:
            return derive.half_up(exact, places)
    return derive.half_up(exact, 8) + "…"


def _rounding_mistake(text: str, fresh: derive.Derived) -> str | None:
    """Why ``text`` is the right value rounded the wrong way (down, or ties to even), or None."""
    decimals = derive.DECIMALS[fresh.kind]
    scaled = fresh.exact * 10**decimals
    down = derive.half_up(Fraction(int(scaled), 10**decimals), decimals)
    if text == down and text != fresh.value:
        return (f"value {text} is not rounded half-up: the exact value {_exact_text(fresh.exact)} gives "
                f"{fresh.value} ({decimals} decimal{'s' if decimals != 1 else ''})")
    return None


def _derived_row_issues(row: dict[str, str], fresh: derive.Derived | None, known: set[str], fname: str,
                        line: int) -> list[Issue]:
    """One committed derived row against its recomputation and the rules every derived row follows."""
    issues = []
    for column in ("method", "inputs"):
        if not row.get(column, "").strip():
            issues.append(Issue(fname, line, f"derived value without its {column}"))
    ids = [i for i in row.get("input_source_ids", "").split("|") if i]
    for source_id in ids:
        if source_id not in known:
            issues.append(Issue(fname, line, f"unknown reference: input source {source_id!r} not in sources"))
    if ids and row.get("source_id") != ids[0]:
        issues.append(Issue(fname, line, f"source_id {row.get('source_id')!r} is not the first input source"))
    decimals = derive.DECIMALS.get(row.get("kind", ""))
    value = row.get("value", "")
    if decimals is not None and _num(value) is not None and _decimals(value) != decimals:
        issues.append(Issue(fname, line, f"value {value} is written with {_decimals(value)} decimals; "
                                         f"{row['kind']} values are rounded half-up to {decimals}"))
    if fresh is None:
        issues.append(Issue(fname, line, "not in a fresh recomputation from the published tables (stale or edited "
                                         f"row: its inputs are no longer published as written); {REGENERATE}"))
        return issues
    expected = fresh.row()
    if value != expected["value"]:
        reason = _rounding_mistake(value, fresh) or (
            f"value {value} differs from a fresh recomputation from the published tables: {expected['value']} "
            f"(exact {_exact_text(fresh.exact)}, rounded half-up)")
        issues.append(Issue(fname, line, f"{reason}; {REGENERATE}"))
    for column in derive.COLUMNS:
        if column != "value" and row.get(column, "") != expected[column]:
            issues.append(Issue(fname, line, f"{column} {row.get(column, '')!r} differs from a fresh recomputation: "
                                             f"{expected[column]!r}; {REGENERATE}"))
    return issues


def derived_issues(root: Path = DATA_DIR) -> list[Issue]:
    """The committed derived table must equal a fresh recomputation from the published tables.

    Why: a derived figure is only as good as the arithmetic that made it; an edited value, a stale row
    left after a published input changed, or a value rounded another way would otherwise reach a chart.
    """
    res = resources(root)
    if derive.RESOURCE not in res:
        return [Issue("datapackage.json", None, f"no resource {derive.RESOURCE!r} (derived figures)")]
    fname = _file(res[derive.RESOURCE])
    if not (root / res[derive.RESOURCE]["path"]).exists():
        return [Issue(fname, None, f"missing; {REGENERATE}")]
    committed = read_raw(root, res[derive.RESOURCE])
    try:
        fresh = {d.key(): d for d in derive.compute(root)}
    except (KeyError, AttributeError, ValueError, ZeroDivisionError) as exc:
        return [Issue(fname, None, f"could not recompute the derived figures from the published tables: {exc!r}")]
    known = set(read_raw(root, res["sources"])["source_id"]) if "sources" in res else set()
    issues = []
    seen = set()
    for line, row in enumerate(committed.to_dict("records"), start=2):
        key = tuple(str(row.get(c, "")) for c in derive.KEY)
        seen.add(key)
        issues += _derived_row_issues(row, fresh.get(key), known, fname, line)
    for key, figure in fresh.items():
        if key not in seen:
            issues.append(Issue(fname, None, f"missing the derived row {figure.kind} {figure.year} "
                                             f"({figure.inputs}); {REGENERATE}"))
    return issues


def formula_issues(root: Path = DATA_DIR) -> list[Issue]:
    """Text cells a spreadsheet would open as a formula (``=``, ``+``, ``-``, ``@``, tab, CR first): the
    package's tables ship as they are in the download, so they must hold none (write "Down 57.7%",
    not "-57.7%"). Number fields may be negative."""
    issues: list[Issue] = []
    for resource in resources(root).values():
        path = root / resource["path"]
        if not path.exists() or path.suffix != ".csv":
            continue
        texts = [f["name"] for f in schema(root, resource)["fields"] if f.get("type", "string") == "string"]
        table = read_raw(root, resource)
        for name in (t for t in texts if t in table.columns):
            for index, value in table[name].items():
                if starts_like_formula(value):
                    issues.append(Issue(_file(resource), int(index) + 2,
                                        f"field {name!r} starts like a spreadsheet formula: {value[:40]!r}"))
    return issues


def all_issues(root: Path = DATA_DIR) -> list[Issue]:
    """Schema issues first; domain rules only run on files whose schema checks passed enough to parse."""
    issues = schema_issues(root)
    try:
        issues += domain_issues(root)
    except (KeyError, AttributeError, ValueError) as exc:  # a table too broken to apply the rules
        issues.append(Issue("datapackage.json", None, f"domain checks could not run: {exc}"))
    issues += derived_issues(root)
    issues += translation_issues(root)
    issues += formula_issues(root)
    return _dedupe(issues)


def _dedupe(issues: Iterable[Issue]) -> list[Issue]:
    seen: set[Issue] = set()
    out = []
    for issue in issues:
        if issue not in seen:
            seen.add(issue)
            out.append(issue)
    return out
