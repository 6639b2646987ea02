"""Per-year values of one map selection, shaped for the browser (hover texts, classes, table rows).

A selection is (indicator, unit, source, level, state). All its years are computed at once and
sent to the browser in a ``dcc.Store``, so moving the year slider or playing the timeline redraws
the map from that store without asking the server again.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.changes import Change
from analysis.color_classes import class_breaks, class_labels, class_of, palette_for
from analysis.labels import indicator_name, place_name, source_label, source_record, unit_label
from analysis.ranks import place_ranks, rank_label, rank_phrase
from data import query
from geo import codes
from geo.tile_grid import tile_grid
from i18n import translator
from i18n.numbers import format_number
from views.map_view import MEASURE_UNITS, MapView, years_for
from web.services import memoize

SMALL_COUNT = 20  # rates from fewer deaths than this are flagged as unstable (as WISQARS does)


def places(level: str, state: str | None) -> list[str]:
    """Codes drawn on the map for a level (municipalities: those with their own polygon)."""
    if level == "state":
        return codes.state_iso_codes()
    table = codes.municipalities()
    if state:
        table = table[table.state_iso == state]
    return [c for c, status in zip(table.pcode, table.polygon_status, strict=True) if status == "own"]


def _values(indicator: str, unit: str, producer: str, year: int, level: str, state: str | None) -> pd.DataFrame:
    frame = query.producer_values(indicator, unit, producer, year, level, state=state)
    return frame.dropna(subset=["value"])


LATEST = "latest"  # the frame of each place's most recent figure
OLDER_OPACITY = 0.45  # how a figure older than the newest one is drawn in the latest-figure view


def _hover(row: dict[str, Any], rank_text: str, extra: str = "") -> str:
    return (f"<b>{row['place']}</b><br>{row['value_text'].removesuffix(' ⚠')} {row['unit']}"
            + (f"<br>{rank_text}" if rank_text else "") + f"<br>{row['year']} · {row['source']}" + extra
            + (f"<br>⚠ {row['note']}" if row["note"] else ""))


def _frame(rows: list[dict[str, Any]], drawn: list[str], breaks: list[float], level: str, with_state: bool,
           no_figure: str, extra: str = "") -> dict[str, Any]:
    """One frame for the browser: classes and hover texts of the places drawn, the places without a figure.
    ``extra`` is a line added to every hover, formatted with the row (``{year}``)."""
    shown = [r for r in rows if r["code"] in drawn]
    published = {r["code"] for r in rows}
    missing = [c for c in drawn if c not in published]
    return {
        "loc": [r["code"] for r in shown],
        "z": [class_of(r["value"], breaks) for r in shown],
        "text": [_hover(r, r["rank_text"], extra.format(**r)) for r in shown],
        "opacity": 1,
        "missing": missing,
        "missing_text": [f"<b>{place_name(level, c, with_state)}</b><br>{no_figure}" for c in missing],
        "rows": rows,
    }


def _change_fields(base: float | None, base_year: int | None) -> dict[str, Any]:
    """The figure a row's change is counted from (``change_base`` in ``change_base_year``); none when the place
    had no figure then. Kept as plain numbers: the frames travel to the browser as JSON."""
    return {"change_base": base, "change_base_year": base_year if base is not None else None}


def row_change(row: dict[str, Any]) -> Change | None:
    """The change of a table row from the figure it is compared with, if there is one."""
    if row.get("change_base") is None:
        return None
    return Change(int(row["change_base_year"]), float(row["change_base"]), float(row["value"]))


def reference_year(rows_by_year: dict[int, list[dict[str, Any]]]) -> int:
    """The newest year whose coverage is at least half the best year's: one place that already published
    next year's figure must not make every other place's figure look out of date."""
    counts = {year: len(rows) for year, rows in rows_by_year.items() if rows}
    if not counts:
        return 0
    best = max(counts.values())
    return max(year for year, count in counts.items() if count * 2 >= best)


def _latest_frame(rows_by_year: dict[int, list[dict[str, Any]]], drawn: list[str], breaks: list[float], level: str,
                  with_state: bool, lang: str) -> dict[str, Any]:
    """Each place's most recent figure with its year; figures older than the reference year drawn lighter.
    Positions among places are left out (figures of different years do not rank against each other); a
    published rank of that year stays."""
    _ = translator(lang)
    latest: dict[str, dict[str, Any]] = {}
    before: dict[str, dict[str, Any]] = {}  # each place's figure before its latest one
    for year in sorted(rows_by_year):
        for row in rows_by_year[year]:
            if row["code"] in latest:
                before[row["code"]] = latest[row["code"]]
            latest[row["code"]] = row
    newest = reference_year(rows_by_year)
    rows = []
    for row in sorted(latest.values(), key=lambda r: (-r["year"], -r["value"])):
        published = row["published_rank"] is not None
        older = row["year"] < newest
        earlier = before.get(row["code"])
        rows.append({**row, "rank": None, "rank_text": row["rank_text"] if published else "",
                     **_change_fields(earlier["value"] if earlier else None, earlier["year"] if earlier else None),
                     "rank_label": row["rank_label"] if published else "—",
                     "note": " ".join(filter(None, [_("Older than {year}.").format(year=newest) if older else "",
                                                    row["note"]]))})
    frame = _frame(rows, drawn, breaks, level, with_state, _("No published figure in any year"),
                   "<br>" + _("Latest published figure: {year}"))
    frame["opacity"] = [OLDER_OPACITY if r["year"] < newest else 1 for r in rows if r["code"] in drawn]
    return frame


@memoize
def selection_frames(
    indicator: str, unit: str, source: str, level: str, state: str | None, lang: str
) -> dict[str, Any]:
    """Everything the browser needs to draw each year of a selection, keyed by year, and the frame of each
    place's latest figure (``LATEST``)."""
    _ = translator(lang)
    measure = next(m for m, u in MEASURE_UNITS.items() if u == unit)
    years = years_for(MapView(indicator, measure, source, None, level, state, "map"))
    per_year = {y: _values(indicator, unit, source, y, level, state) for y in years}
    all_values = [v for frame in per_year.values() for v in frame["value"]]
    breaks = class_breaks(all_values)
    drawn = places(level, state)
    with_state = level == "municipality" and not state
    unit_text = unit_label(unit, lang)
    producer_text = query.producer_name(source, lang)
    frames: dict[str, Any] = {}
    rows_by_year: dict[int, list[dict[str, Any]]] = {}
    caution = _("Based on fewer than {count} deaths: an unstable rate.").format(count=SMALL_COUNT)
    previous: dict[str, float] = {}  # the previous year of the selection, for the change column
    previous_year: int | None = None
    for year, frame in per_year.items():
        counts: dict[str, float] = {}
        if unit == "rate_per_100k":
            count_frame = _values(indicator, "count", source, year, level, state)
            counts = dict(zip(count_frame["code"], count_frame["value"], strict=True))
        ranks = place_ranks(level, year, indicator, unit, source,
                            dict(zip(frame["code"], frame["value"].astype(float), strict=True)))
        rows = []
        for _index, row in frame.iterrows():
            code, value = row["code"], float(row["value"])
            rank = ranks[code]
            small = code in counts and counts[code] < SMALL_COUNT
            value_text = format_number(value, lang)
            rows.append(
                {
                    "code": code,
                    "place": place_name(level, code, with_state),
                    "value": value,
                    "value_text": value_text + (" ⚠" if small else ""),
                    "unit": unit_text,
                    "rank": rank.position,
                    "rank_text": rank_phrase(rank, level, source, lang, state),
                    "rank_label": rank_label(rank, source, lang),
                    "published_rank": rank.published,
                    "published_rank_of": rank.published_of,
                    "published_rank_source": rank.source_id,
                    "year": year,
                    "source": source_label(row["source_id"], lang),
                    "source_id": row["source_id"],
                    "locator_url": str(row.get("locator_url") or ""),  # the page the figure was read on
                    "note": caution if small else "",
                    "source_note": query.in_language(str(row.get("note") or ""), lang),
                    **_change_fields(previous.get(code), previous_year),
                }
            )
        rows_by_year[year] = sorted(rows, key=lambda r: r["rank"])
        previous, previous_year = {r["code"]: r["value"] for r in rows}, year
        frames[str(year)] = _frame(rows_by_year[year], drawn, breaks, level, with_state,
                                   _("No published figure for {year}").format(year=year))
    frames[LATEST] = _latest_frame(rows_by_year, drawn, breaks, level, with_state, lang)
    caption = _("{indicator}, {unit}, {year}: {count} of {total} places have a published figure. Source: {source}.")
    latest_caption = _("{indicator}, {unit}, the latest published figure of each place ({count} of {total} places, "
                       "{first}–{last}); lighter colours are figures older than {reference}. Source: {source}.")
    latest_years = [r["year"] for r in frames[LATEST]["rows"]]
    source_ids = sorted({r["source_id"] for year, f in frames.items() if year != LATEST for r in f["rows"]})
    return {
        "caption": caption.format(indicator=indicator_name(indicator, lang), unit=unit_text, year="{year}",
                                  count="{count}", total=len(drawn), source=producer_text),
        "latest_caption": latest_caption.format(
            indicator=indicator_name(indicator, lang), unit=unit_text, count=len(frames[LATEST]["loc"]),
            total=len(drawn), first=min(latest_years, default=""), last=max(latest_years, default=""),
            reference=reference_year(rows_by_year), source=producer_text),
        "source_ids": source_ids,
        # The address of each source, for the link in the panel of a selected place (assets/map.js).
        "source_urls": {s: source_record(s).get("url", "") for s in source_ids},
        "years": years,
        "breaks": breaks,
        "colours": palette_for(breaks),
        "labels": class_labels(breaks, lang),
        "frames": frames,
    }


def tile_labels() -> dict[str, list]:
    """Short state labels at the centre of each tile of the tile grid."""
    grid = tile_grid()
    return {
        "lon": [float(c) + 0.45 for c in grid.col],
        "lat": [-float(r) - 0.45 for r in grid.row],
        "text": list(grid.short),
    }
