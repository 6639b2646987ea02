"""Per-year values of one map selection, shaped for the browser (hover texts, classes, table rows).

A selection is (indicator, unit, source, level, state). All its years are computed at once and
sent to the browser in a ``dcc.Store``, so moving the year slider or playing the timeline redraws
the map from that store without asking the server again.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.color_classes import class_breaks, class_labels, class_of, palette_for
from analysis.labels import indicator_name, place_name, source_label, unit_label
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


@memoize
def selection_frames(
    indicator: str, unit: str, source: str, level: str, state: str | None, lang: str
) -> dict[str, Any]:
    """Everything the browser needs to draw each year of a selection, keyed by year."""
    _ = translator(lang)
    measure = next(m for m, u in MEASURE_UNITS.items() if u == unit)
    years = years_for(MapView(indicator, measure, source, None, level, state, "map"))
    per_year = {y: _values(indicator, unit, source, y, level, state) for y in years}
    all_values = [v for frame in per_year.values() for v in frame["value"]]
    breaks = class_breaks(all_values)
    drawn = places(level, state)
    with_state = level == "municipality" and not state
    unit_text = unit_label(unit, lang)
    producer_text = query.producer_name(source)
    frames: dict[str, Any] = {}
    for year, frame in per_year.items():
        counts: dict[str, float] = {}
        if unit == "rate_per_100k":
            count_frame = _values(indicator, "count", source, year, level, state)
            counts = dict(zip(count_frame["code"], count_frame["value"], strict=True))
        ranks = place_ranks(level, year, indicator, unit, source,
                            dict(zip(frame["code"], frame["value"].astype(float), strict=True)))
        loc, z, text, rows = [], [], [], []
        for _index, row in frame.iterrows():
            code, value = row["code"], float(row["value"])
            rank = ranks[code]
            source_text = source_label(row["source_id"])
            name = place_name(level, code, with_state)
            small = code in counts and counts[code] < SMALL_COUNT
            caution = _("Based on fewer than {count} deaths: an unstable rate.").format(count=SMALL_COUNT)
            value_text = format_number(value, lang)
            rank_text = rank_phrase(rank, level, source, lang, state)
            hover = (
                f"<b>{name}</b><br>{value_text} {unit_text}<br>{rank_text}"
                f"<br>{year} · {source_text}" + (f"<br>⚠ {caution}" if small else "")
            )
            if code in drawn:
                loc.append(code)
                z.append(class_of(value, breaks))
                text.append(hover)
            rows.append(
                {
                    "code": code,
                    "place": name,
                    "value": value,
                    "value_text": value_text + (" ⚠" if small else ""),
                    "unit": unit_text,
                    "rank": rank.position,
                    "rank_text": rank_text,
                    "rank_label": rank_label(rank, source, lang),
                    "published_rank": rank.published,
                    "published_rank_of": rank.published_of,
                    "published_rank_source": rank.source_id,
                    "year": year,
                    "source": source_text,
                    "source_id": row["source_id"],
                    "note": caution if small else "",
                    "source_note": str(row.get("note") or ""),
                }
            )
        published = set(frame["code"])
        missing = [c for c in drawn if c not in published]
        no_figure = _("No published figure for {year}").format(year=year)
        frames[str(year)] = {
            "loc": loc,
            "z": z,
            "text": text,
            "missing": missing,
            "missing_text": [f"<b>{place_name(level, c, with_state)}</b><br>{no_figure}" for c in missing],
            "rows": sorted(rows, key=lambda r: r["rank"]),
        }
    caption = _("{indicator}, {unit}, {year}: {count} of {total} places have a published figure. Source: {source}.")
    return {
        "caption": caption.format(indicator=indicator_name(indicator, lang), unit=unit_text, year="{year}",
                                  count="{count}", total=len(drawn), source=producer_text),
        "source_ids": sorted({r["source_id"] for f in frames.values() for r in f["rows"]}),
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
