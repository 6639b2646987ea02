"""What a table shows, cell by cell: human labels, numbers as the page's language writes them, sources as
links, the unit once in its column's header and the change column.

Why here and not in the drawing code: the same table is drawn by the server on the first visit and
redrawn by the browser when a column is sorted or the map's year changes (``assets/tables.js``), so
each cell is decided once — its text, the value it sorts by and its link — and sent as data.
A cell is ``[text, sort value, link]`` (JSON-friendly and small, as the map sends a table per year).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.changes import Change, since_first
from analysis.labels import source_label, source_record, unit_label
from analysis.map_frames import row_change
from i18n import translator
from i18n.markers import N_
from i18n.numbers import format_number

Cell = list[Any]  # [text, sort value (number, text or None), href or None]

STATUS_LABELS = {
    "published": N_("published"),
    "superseded": N_("replaced by a later report"),
    "derived": N_("calculated by us"),
    "event": N_("documented event"),
    "reference": N_("reference"),
}
QUALIFIER_LABELS = {"rounded": N_("rounded"), "exact": N_("exact"), "approximate": N_("approximate")}
GROUP_KEYS = ("series", "place", "category", "case")  # the row header of a chart's table, in this order
VALUE_KEYS = ("value", "rate", "count")  # the figure whose change is shown
NUMBER_KEYS = {"value", "rate", "count", "population", "share_percent", "index", "rank", "years_since", "places",
               "rows"}
PLAIN_KEYS = {"year", "base_year"}  # whole numbers written without a thousands separator
SOURCE_KEYS = {"source_id", "count_source", "population_source"}
LEFT_OUT = {"place_id", "practice_id", "locator_url", "inputs", "share_inputs", "unit", "code"}  # kept in the CSV
NO_CHANGE = {"superseded", "event", "reference"}


@dataclass(frozen=True)
class Column:
    """One column: its header (already translated, with the unit when there is one) and how it sorts."""

    label: str
    numeric: bool = False


@dataclass
class Table:
    """A table's caption, columns and rows of cells; the first column names the row (a place, a series)."""

    caption: str
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)

    def store(self) -> dict[str, Any]:
        """What the browser needs to redraw and sort the table."""
        return {"caption": self.caption, "columns": [{"label": c.label, "numeric": c.numeric} for c in self.columns],
                "rows": self.rows}

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> Table:
        return cls(str(data["caption"]), [Column(str(c["label"]), bool(c["numeric"])) for c in data["columns"]],
                   [list(row) for row in data["rows"]])


def text_cell(text: object) -> Cell:
    value = "" if text is None else str(text)
    return [value, value.casefold() or None, None]


def number_cell(value: float | None, lang: str, suffix: str = "") -> Cell:
    if value is None or value != value:  # NaN: nothing published
        return ["—", None, None]
    return [format_number(float(value), lang) + suffix, float(value), None]


def plain_cell(value: object) -> Cell:
    """A year: written as is, sorted as a number."""
    if value is None or value == "":
        return ["—", None, None]
    return [str(int(value)), int(value), None]  # type: ignore[call-overload]


def link_cell(text: str, href: str | None) -> Cell:
    return [text, text.casefold(), href if href and href.startswith(("http://", "https://")) else None]


def source_cell(source_id: str | None, lang: str, where: str | None = None) -> Cell:
    """The source's organisation and year, linking to the page the figure was read on (or the source's own)."""
    if not source_id:
        return ["—", None, None]
    return link_cell(source_label(source_id, lang), where or source_record(source_id).get("url"))


def signed(value: float, lang: str) -> str:
    """A change with its sign: +3,2 / −4,1 (a true minus sign); 0 without one."""
    text = format_number(abs(value), lang)
    return text if value == 0 else ("+" if value > 0 else "\u2212") + text


def change_text(change: Change, unit: str, lang: str) -> str:
    """The difference in the figures' unit and, except for shares (whose change is in points), in percent."""
    text = signed(change.difference, lang)
    relative = change.relative
    if unit != "percent" and relative is not None:
        percent = signed(round(relative), lang) + ("\u00a0%" if lang == "es" else "%")
        text += f" ({percent})"
    return text


def change_cell(change: Change | None, unit: str, lang: str, template: str = "{change}") -> Cell:
    if change is None:
        return ["—", None, None]
    return [template.format(change=change_text(change, unit, lang), year=change.base_year), change.difference, None]


def with_unit(label: str, unit: str, lang: str) -> str:
    return f"{label} ({unit_label(unit, lang)})" if unit else label


def chart_table(caption: str, columns: Sequence[tuple[str, str]], rows: Sequence[Mapping[str, Any]], lang: str,
                labels: Mapping[str, Mapping[str, str]] | None = None) -> Table:
    """A chart's rows as a table to read: codes turned into names, the unit in the header when all rows share
    one, sources as links to where each figure was read, and the change since each series' first year shown."""
    _ = translator(lang)
    labels = labels or {}
    keys = [key for key, _label in columns]
    units = {str(r["unit"]) for r in rows if r.get("unit")}
    one_unit = units.pop() if len(units) == 1 else ""
    shown = [(key, label) for key, label in columns if key not in LEFT_OUT or (key == "unit" and not one_unit)]
    group = next((k for k in GROUP_KEYS if k in keys), None)
    value_key = next((k for k in VALUE_KEYS if k in keys), None)
    shown.sort(key=lambda kl: kl[0] != group)  # the row header first
    changes: list[Change | None] = []
    if group and value_key:
        changes = since_first(list(rows), group, value_key, lambda r: r.get("status") not in NO_CHANGE)
    with_change = any(changes)
    table_columns = []
    for key, label in shown:
        text = _(label)
        if key == value_key and one_unit:
            text = with_unit(text, one_unit, lang)
        table_columns.append(Column(text, key in NUMBER_KEYS or key in PLAIN_KEYS))
        if key == value_key and with_change:
            table_columns.append(Column(_("Change since the first year shown"), numeric=True))
    table = Table(caption, table_columns)
    for index, row in enumerate(rows):
        cells: list[Cell] = []
        for key, _label in shown:
            cells.append(_cell(key, row, lang, labels))
            if key == value_key and with_change:
                cells.append(change_cell(changes[index], one_unit or str(row.get("unit") or ""), lang))
        table.rows.append(cells)
    return table


def _cell(key: str, row: Mapping[str, Any], lang: str, labels: Mapping[str, Mapping[str, str]]) -> Cell:
    _ = translator(lang)
    value = row.get(key)
    if key in SOURCE_KEYS:
        return source_cell(value, lang, row.get("locator_url") if key == "source_id" else None)
    if key in PLAIN_KEYS:
        return plain_cell(value)
    if key in NUMBER_KEYS:
        return number_cell(None if value in (None, "") else float(value), lang)
    if key == "unit":
        return text_cell(unit_label(str(value), lang) if value else "")
    names = {"status": STATUS_LABELS, "share_status": STATUS_LABELS, "qualifier": QUALIFIER_LABELS, **labels}.get(key)
    if names is not None and value:
        return text_cell(_(names[value]) if value in names else value)
    return text_cell(value)


def map_table(rows: Sequence[Mapping[str, Any]], unit: str, lang: str, caption: str, latest: bool,
              base_year: int | None) -> Table:
    """The map's figures of one year (or each place's latest): the place first, then its value with the unit in
    the header, the change since the selection's previous year (or the place's previous figure), its rank,
    year and source."""
    _ = translator(lang)
    if latest:
        change_label, template = _("Change since the place's previous figure"), _("{change} since {year}")
    else:
        change_label = _("Change since {year}").format(year=base_year) if base_year else _("Change")
        template = "{change}"
    table = Table(caption, [
        Column(_("Place")), Column(with_unit(_("Value"), unit, lang), numeric=True),
        Column(change_label, numeric=True), Column(_("Rank")), Column(_("Year"), numeric=True),
        Column(_("Source")), Column(_("Note")),
    ])
    for row in rows:
        small = str(row.get("value_text", "")).endswith("⚠")
        rank = row.get("rank") if row.get("rank") is not None else row.get("published_rank")
        table.rows.append([
            text_cell(row["place"]),
            number_cell(row["value"], lang, " ⚠" if small else ""),
            change_cell(row_change(dict(row)), unit, lang, template),
            [str(row.get("rank_label") or "—"), rank, None],
            plain_cell(row["year"]),
            source_cell(row.get("source_id"), lang, row.get("locator_url") or None),
            text_cell(row.get("note") or ""),
        ])
    return table
