"""The reader's own figures on our boundaries: which column names the places, which rows match which state or
municipality (with the name resolver, which never guesses), and the colour classes of the chosen column.

Why here: the "map your own figures" page (``pages/your_map.py``) only draws what this module decides, and the
tests check the decisions without a browser. Every row ends in one status: matched (or picked by the reader),
ambiguous (several candidates, each with its state), unknown (suggestions, never used unasked), duplicate
(two rows for one place: neither is drawn until one is left out) or left out.
"""

from __future__ import annotations

import difflib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from analysis.color_classes import SCHEMES, class_breaks, class_labels, class_of, palette_for
from data.csv_safe import SafeWriter
from geo import codes
from geo.names import (
    AmbiguousName,
    UnknownName,
    municipality_candidates,
    normalise,
    resolve_municipality,
    resolve_state,
)
from geo.user_table import Problem, UserTable, decimal_mark, parse_number
from i18n.markers import N_
from i18n.numbers import format_number

LEVELS = ("state", "municipality")
SKIP = "skip"  # a reader's pick that leaves a row out
MATCHED, PICKED, AMBIGUOUS, UNKNOWN, DUPLICATE, LEFT_OUT = "matched", "picked", "ambiguous", "unknown", "duplicate", "left out"
DRAWN = (MATCHED, PICKED)
CLASS_COUNTS = (3, 4, 5, 6)
MERGED = {"VE0518": "VE0508"}  # Ocumare de la Costa de Oro has no polygon of its own (geo/README.md)
_ISO = re.compile(r"^VE-[A-Z]$", re.I)
_STATE_PCODE = re.compile(r"^VE\d{2}$", re.I)
_MUNI_PCODE = re.compile(r"^VE\d{4}$", re.I)
_WITH_STATE = re.compile(r"^(?P<name>.+?)\s*(?:\((?P<a>[^()]+)\)|[,/–-]\s+(?P<b>[^,/–-]+))\s*$")
PLACE_WORDS = ("municipio", "municipality", "mun", "lugar", "place", "nombre", "name", "codigo", "code", "pcode",
               "entidad", "estado", "state", "region", "localidad", "territorio")
STATE_WORDS = ("estado", "state", "entidad", "edo", "region")


@dataclass
class RowMatch:
    """What became of one data row."""

    index: int  # position in ``UserTable.rows``
    line: int  # line in the reader's file
    written: str
    state_written: str
    status: str
    code: str | None = None
    options: list[str] = field(default_factory=list)  # candidates (ambiguous) or suggestions (unknown)


def place_label(code: str) -> str:
    """``El Callao (Bolívar)`` for a municipality, ``Bolívar`` for a state."""
    if codes.is_state(code):
        return codes.state_name(code)
    return f"{codes.municipality_name(code)} ({codes.state_name(codes.state_of_municipality(code))})"


def _folded(text: str) -> str:
    return normalise(text)


def guess_columns(table: UserTable) -> tuple[int, int | None, list[int]]:
    """The place column, the state column (when a second place-like column names states) and the numeric columns."""
    folded = [_folded(name) for name in table.header]
    numeric = [i for i in range(len(table.header)) if _numeric_share(table, i) >= 0.5]
    place = next((i for i, name in enumerate(folded) if i not in numeric and any(
        w in name.split() for w in PLACE_WORDS) and not any(w in name.split() for w in STATE_WORDS)), None)
    state = next((i for i, name in enumerate(folded) if i not in numeric and i != place
                  and any(w in name.split() for w in STATE_WORDS)), None)
    if place is None:
        place = state if state is not None else next((i for i in range(len(folded)) if i not in numeric), 0)
        state = None if place == state else state
    if state is not None and _state_share(table, state) < 0.5:
        state = None
    values = [i for i in numeric if i not in (place, state)]
    return place, state, values


def _numeric_share(table: UserTable, index: int) -> float:
    cells = [c for c in table.column(index) if c.strip()]
    if not cells:
        return 0.0
    mark = decimal_mark(cells, table.delimiter)
    good = 0
    for cell in cells:
        try:
            parse_number(cell, mark)
            good += 1
        except ValueError:
            pass
    return good / len(cells)


def _state_share(table: UserTable, index: int) -> float:
    cells = [c for c in table.column(index) if c.strip()]
    return sum(1 for c in cells if _state_or_none(c)) / len(cells) if cells else 0.0


def _state_or_none(text: str) -> str | None:
    try:
        return resolve_state(text)
    except (UnknownName, AmbiguousName, KeyError):
        return None


def detect_level(table: UserTable, place: int, state: int | None) -> str:
    """Municipalities when a state column is given or most names are municipalities; states otherwise."""
    if state is not None and state != place:
        return "municipality"
    cells = [c for c in table.column(place) if c.strip()]
    if not cells:
        return "state"
    as_state = sum(1 for c in cells if _MUNI_PCODE.match(c.strip()) is None and _state_or_none(c))
    return "state" if as_state >= 0.8 * len(cells) and len(cells) <= 40 else "municipality"


@cache
def _muni_names() -> dict[str, list[str]]:
    """Folded official (and display) names → P-codes, for suggestions."""
    found: dict[str, list[str]] = {}
    for row in codes.municipalities().itertuples():
        for name in {row.name, row.name_display}:
            found.setdefault(normalise(name), []).append(row.pcode)
    return found


def suggestions(text: str, state_iso: str | None = None, limit: int = 5) -> list[str]:
    """Places whose names look like ``text`` (offered, never used unasked)."""
    if state_iso is None and not _muni_names():
        return []
    key = normalise(text)
    names = _muni_names()
    pool = {n: [c for c in cs if state_iso is None or codes.state_of_municipality(c) == state_iso]
            for n, cs in names.items()}
    pool = {n: cs for n, cs in pool.items() if cs}
    close = difflib.get_close_matches(key, list(pool), n=limit, cutoff=0.6)
    return [c for name in close for c in pool[name]][:limit]


def _state_suggestions(text: str) -> list[str]:
    names = {normalise(codes.state_name(iso)): iso for iso in codes.state_iso_codes()}
    return [names[n] for n in difflib.get_close_matches(normalise(text), list(names), n=3, cutoff=0.6)]


def _match_state(text: str) -> tuple[str, str | None, list[str]]:
    raw = text.strip()
    if _STATE_PCODE.match(raw) or _ISO.match(raw):
        found = _state_or_none(raw.upper())
        return (MATCHED, found, []) if found else (UNKNOWN, None, [])
    try:
        return MATCHED, resolve_state(raw), []
    except AmbiguousName:
        return AMBIGUOUS, None, _ambiguous_states(raw)
    except UnknownName:
        return UNKNOWN, None, _state_suggestions(raw)


def _ambiguous_states(text: str) -> list[str]:
    try:
        resolve_state(text)
    except AmbiguousName as error:
        return re.findall(r"\((VE-[A-Z])\)", str(error))
    return []


def _match_municipality(text: str, state_text: str) -> tuple[str, str | None, list[str]]:
    raw = text.strip()
    upper = raw.upper()
    if _MUNI_PCODE.match(upper):
        return (MATCHED, upper, []) if codes.is_municipality(upper) else (UNKNOWN, None, [])
    if state_text.strip():
        state_status, iso, _options = _match_state(state_text)
        if state_status != MATCHED or iso is None:
            found = municipality_candidates(raw)
            return (AMBIGUOUS, None, found) if found else (UNKNOWN, None, suggestions(raw))
        try:
            return MATCHED, resolve_municipality(raw, iso), []
        except AmbiguousName as error:
            return AMBIGUOUS, None, re.findall(r"\b(VE\d{4})\b", str(error))
        except UnknownName:
            return UNKNOWN, None, suggestions(raw, iso) or suggestions(raw)
    found = municipality_candidates(raw)
    if len(found) == 1:
        return MATCHED, found[0], []
    written_state = _WITH_STATE.match(raw)
    if written_state and not found:  # "El Callao (Bolívar)", "Libertador, Mérida", "Sucre - Zulia"
        status, code, options = _match_municipality(written_state["name"], written_state["a"] or written_state["b"])
        if status == MATCHED:
            return status, code, options
    if found:
        return AMBIGUOUS, None, found
    return UNKNOWN, None, suggestions(raw)


def match_rows(table: UserTable, place: int, state: int | None, level: str,
               picks: dict[int, str] | None = None) -> list[RowMatch]:
    """One ``RowMatch`` per data row; the reader's ``picks`` (line → code or ``SKIP``) are applied last."""
    picks = picks or {}
    matches: list[RowMatch] = []
    for index, (row, line) in enumerate(zip(table.rows, table.lines, strict=True)):
        written = row[place] if place < len(row) else ""
        state_written = row[state] if state is not None and state < len(row) else ""
        if not written.strip():
            matches.append(RowMatch(index, line, written, state_written, LEFT_OUT))
            continue
        if level == "state":
            status, code, options = _match_state(written)
        else:
            status, code, options = _match_municipality(written, state_written)
        match = RowMatch(index, line, written, state_written, status, code, options)
        pick = picks.get(line)
        if pick == SKIP:
            match.status, match.code = LEFT_OUT, None
        elif isinstance(pick, str) and (codes.is_state(pick) if level == "state" else codes.is_municipality(pick)):
            match.status, match.code = PICKED, pick
        matches.append(match)
    counts = Counter(m.code for m in matches if m.status in DRAWN)
    for match in matches:
        if match.status in DRAWN and counts[match.code] > 1:
            match.options = sorted({match.code, *match.options})  # type: ignore[arg-type]
            match.status = DUPLICATE
    return matches


def level_places(level: str, state_iso: str | None = None) -> list[str]:
    """Every code of a level (a state's municipalities when ``state_iso`` is given)."""
    if level == "state":
        return codes.state_iso_codes()
    return [c for c in codes.municipality_pcodes(state_iso) if c not in MERGED]


@dataclass
class MapValues:
    """The chosen column on the matched places: classes, colours, legend, and the rows' problems."""

    values: dict[str, float]
    breaks: list[float]
    colours: list[str]
    labels: list[str]
    problems: list[Problem]
    state_iso: str | None  # when every place is in one state, the map shows that state only
    missing_values: int


def column_values(table: UserTable, matches: list[RowMatch], column: int, level: str, scheme: str, classes: int,
                  lang: str) -> MapValues:
    """Numbers of ``column`` for the drawn rows, and the classes to colour them (quantile breaks, our rounding)."""
    cells = table.column(column)
    mark = decimal_mark([c for c in cells if c.strip()], table.delimiter)
    values: dict[str, float] = {}
    problems: list[Problem] = []
    missing = 0
    name = table.header[column]
    for match in matches:
        if match.status not in DRAWN or match.code is None:
            continue
        try:
            number = parse_number(cells[match.index], mark)
        except ValueError:
            problems.append(Problem(N_("Row {row}: “{cell}” in column “{column}” is not a number; the place is drawn "
                                       "without a figure."), {"row": match.line, "cell": cells[match.index][:40],
                                                               "column": name[:40]}, match.line))
            continue
        if number is None:
            missing += 1
            continue
        if match.code in MERGED:
            problems.append(Problem(N_("Row {row}: Ocumare de la Costa de Oro has no boundary of its own on our map (it "
                                       "lies inside Mario Briceño Iragorry); its figure is in the CSV but not drawn."),
                                    {"row": match.line}, match.line))
            continue
        code = match.code
        values[code] = number
    classes = classes if classes in CLASS_COUNTS else 5
    scheme = scheme if scheme in SCHEMES else "YlOrRd"
    breaks = class_breaks(list(values.values()), classes)
    states = {codes.state_of_municipality(c) for c in values} if level == "municipality" else set()
    return MapValues(values, breaks, palette_for(breaks, scheme), class_labels(breaks, lang), problems,
                     next(iter(states)) if len(states) == 1 else None, missing)


def map_frame(mapped: MapValues, level: str, column_name: str, lang: str, no_figure: str) -> dict[str, list]:
    """The arrays ``components.choropleth.map_figure`` draws: coloured places and places without a figure."""
    loc = sorted(mapped.values)
    shown = [f"{place_label(c)}<br>{column_name}: {format_number(mapped.values[c], lang)}" for c in loc]
    missing = [c for c in level_places(level, mapped.state_iso) if c not in mapped.values]
    return {"loc": loc, "z": [class_of(mapped.values[c], mapped.breaks) for c in loc], "text": shown,
            "missing": missing, "missing_text": [f"{place_label(c)}<br>{no_figure}" for c in missing]}


def coded_csv(table: UserTable, matches: list[RowMatch], level: str) -> str:
    """The reader's table as they gave it, with the code, official name, state and match status added in front."""
    buffer = io.StringIO()
    writer = SafeWriter(buffer)  # the reader's own cells may start like a formula: made safe too
    writer.writerow(["code", "official_name", "state_code", "state", "match", *table.header])
    for match in matches:
        code = match.code if match.status in DRAWN else None
        state_iso = (code if level == "state" else codes.state_of_municipality(code)) if code else ""
        name = (codes.state_name(code) if level == "state" else codes.municipality_name(code)) if code else ""
        writer.writerow([code or "", name, state_iso, codes.state_name(state_iso) if state_iso else "", match.status,
                         *table.rows[match.index]])
    return buffer.getvalue()


def feature_properties(table: UserTable, matches: list[RowMatch], level: str) -> dict[str, dict[str, object]]:
    """Per drawn code, what the GeoJSON download's feature carries: the official names and the reader's cells."""
    found: dict[str, dict[str, object]] = {}
    for match in matches:
        if match.status not in DRAWN or match.code is None or match.code in MERGED:
            continue  # (a place without a boundary of its own has no feature)
        state_iso = match.code if level == "state" else codes.state_of_municipality(match.code)
        found[match.code] = {
            "code": match.code, "name": codes.state_name(match.code) if level == "state" else
            codes.municipality_name(match.code), "state": codes.state_name(state_iso),
            **{name: table.rows[match.index][i] for i, name in enumerate(table.header)}}
    return found
