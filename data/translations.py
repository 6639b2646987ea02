"""Spanish for the words we wrote in the data package: licences, locators and notes.

Why a table of its own (``tables/translations.csv``, one row per distinct English text) instead of a
Spanish column beside each English one: the same locator ("paragraph on the rate") or licence line
recurs on hundreds of rows, so each text is translated once and every row that uses it follows. A
source's own words (its title, its organisation) are never translated: they are shown as published.

The check below keeps the table in step with the package: every English text of a translated field
must have a Spanish row, and a row no field uses any more is reported, so an edited note cannot
silently fall back to English on a Spanish page.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data.errors import Issue
from data.package import read_raw, resources

# Fields whose text we wrote and a reader sees (source notes, briefings, map and chart tables, CSVs).
TRANSLATED_FIELDS: dict[str, tuple[str, ...]] = {
    "sources": ("licence",),
    "observations": ("locator", "note"),
    "population": ("locator", "note"),
    "ranks": ("locator", "note"),
    "events": ("locator",),
    "benchmarks": ("note",),
    "targets": ("note",),
    "derived": ("method",),  # written by data/derive.py; a new method needs its Spanish here
    "changes": ("key", "old_value", "new_value"),  # the data page's "What's new"
}
TABLE = "translations"


def is_text(value: str, codes: set[str]) -> bool:
    """Words to translate, as opposed to a number (formatted, not translated) or an indicator id (named)."""
    if not value or value in codes:
        return False
    try:
        float(value)
    except ValueError:
        return True
    return False


def translated_texts(root: Path) -> dict[str, set[str]]:
    """Every English text of a translated field, with the ``table.field`` places that use it."""
    res = resources(root)
    codes = set(read_raw(root, res["indicators"])["indicator_id"])
    used: dict[str, set[str]] = {}
    for table, fields in TRANSLATED_FIELDS.items():
        frame = read_raw(root, res[table])
        for field in fields:
            for text in frame[field]:
                if is_text(text, codes):
                    used.setdefault(text, set()).add(f"{table}.{field}")
    return used


def translation_issues(root: Path) -> list[Issue]:
    res = resources(root)
    if TABLE not in res or not (root / res[TABLE]["path"]).exists():
        return [Issue("datapackage.json", None, f"missing the {TABLE} resource")]
    fname = Path(res[TABLE]["path"]).name
    table: pd.DataFrame = read_raw(root, res[TABLE])
    known = dict(zip(table["text_en"], table["text_es"], strict=True))
    used = translated_texts(root)
    issues = [Issue(fname, None, f"no Spanish for {sorted(where)[0]} text {text!r}")
              for text, where in sorted(used.items()) if not known.get(text)]
    issues += [Issue(fname, index + 2, f"text_en {text!r} is used by no translated field")
               for index, text in enumerate(table["text_en"]) if text not in used]
    return issues
