"""Reading view parameters from a URL, and the notices that say what was corrected.

Shared by every page whose view lives in the URL (map, trends, comparisons, embeds), so hostile or
stale values are handled the same way everywhere: first value only, echoed back shortened, as text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TypeVar
from urllib.parse import urlencode

from i18n import translator
from i18n.numbers import format_number

V = TypeVar("V")

MAX_ECHO = 40
YEAR_DIGITS = 4  # years are written with at most four digits; a longer "number" is not a year


def first_value(value: object) -> str | None:
    """A URL parameter as one non-empty string (repeated parameters keep the first)."""
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) and value else None


def parse_year(raw: str) -> int | None:
    """A year written as one to four ASCII digits, else None.

    ``str.isdigit`` is true for "²" (which ``int`` refuses) and ``int`` reads "٣", " 2020 " and
    "2_020", and spends quadratic time on thousands of digits: none of these is a year a link holds.
    """
    if 0 < len(raw) <= YEAR_DIGITS and raw.isascii() and raw.isdecimal():
        return int(raw)
    return None


def split_list(value: object, limit: int) -> tuple[list[str], int]:
    """``a,b`` or repeated parameters as at most ``limit`` non-empty items (order kept, duplicates
    dropped), and how many more there were.

    The list is cut before any item is checked, so a link with thousands of items costs no more
    than one with ``limit`` and says so in one notice instead of one per item.
    """
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out += [part.strip() for part in item.split(",") if part.strip()]
    unique = list(dict.fromkeys(out))
    return unique[:limit], max(0, len(unique) - limit)


def echo(value: str) -> str:
    """A raw value shortened for a notice (Dash renders it as text, never as markup)."""
    return value if len(value) <= MAX_ECHO else value[: MAX_ECHO - 1] + "…"


class Notices(list[str]):
    """Translated notices of the corrections made to a view's parameters."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self._ = translator(lang)

    def corrected(self, name: str, raw: str, used: str) -> None:
        """``name`` is an English source text (marked with ``N_`` by the caller)."""
        _ = self._
        self.append(_("“{value}” is not a valid {name}; showing {used} instead.").format(
            value=echo(raw), name=_(name), used=used))

    def left_out(self, count: int, limit: int) -> None:
        """One notice for the items beyond what a list parameter may hold."""
        if count <= 0:
            return
        _ = self._
        text = (_("One more value was left out: at most {limit} can be shown at once.") if count == 1
                else _("{count} more values were left out: at most {limit} can be shown at once."))
        self.append(text.format(count=format_number(count, self.lang, 0), limit=limit))

    def ignored(self, name: str, raw: str) -> None:
        _ = self._
        self.append(_("“{value}” is not a valid {name} and was left out.").format(value=echo(raw), name=_(name)))


def control_params(values: Mapping[str, object]) -> dict[str, object]:
    """Values of a page's controls as URL parameters: lists comma-joined, numbers as text, empty ones left out
    (so a cleared control falls back to the view's default, as a URL without that parameter does)."""
    params: dict[str, object] = {}
    for key, value in values.items():
        if isinstance(value, list):
            value = ",".join(str(v) for v in value if isinstance(v, str | int))
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int | float):
            value = str(int(value))
        if isinstance(value, str) and value:
            params[key] = value
    return params


def page_url(lang: str, slug: str, params: Mapping[str, str]) -> str:
    """``/es/trends?indicators=a,b&…``: commas kept readable, as the browser writes them."""
    query = urlencode({k: v for k, v in params.items() if v}).replace("%2C", ",")
    return f"/{lang}/{slug}?{query}" if query else f"/{lang}/{slug}"


def chosen_only(view: V, field: str, chosen: object) -> V:
    """Keep in a list field only what a multi-select holds: an emptied picker means none, not the
    defaults a URL without that parameter gets."""
    if not isinstance(chosen, list):
        return view
    return replace(view, **{field: tuple(item for item in getattr(view, field) if item in chosen)})  # type: ignore[type-var]
