"""Numbers written as each language writes them, for every text, table, hover, axis and file.

Why one module: a Spanish page once showed "424.7" in a table and "424,7" in a tooltip. Every number a
reader sees goes through :func:`format_number` (Babel's CLDR data: "1.234,5" in Spanish, "1,234.5" in
English), and plotly draws its axes and hovers with :func:`plotly_separators`, taken from the same data,
so the two cannot drift apart.
"""

from __future__ import annotations

import decimal
from functools import cache

from babel import Locale
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

# The CLDR locale each interface language formats numbers with (Venezuela's for Spanish).
NUMBER_LOCALES = {"es": "es_VE", "en": "en"}
INTEGER_PATTERN = "#,##0"
ONE_DECIMAL_PATTERN = "#,##0.0"


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(NUMBER_LOCALES.get(lang, NUMBER_LOCALES["es"]))


def format_number(value: float, lang: str, decimals: int | None = None) -> str:
    """Whole numbers without decimals, others with one: 1.234,5 and 6.973 in Spanish, 1,234.5 in English;
    ``decimals`` fixes the count instead (a corrected "59.0" keeps its published precision: 59,0).

    Halves round up (42,35 → 42,4), as readers and our derived figures (``data/derive.py``) round.
    """
    number = float(value)
    if decimals is not None:
        pattern = INTEGER_PATTERN + ("." + "0" * decimals if decimals else "")
    else:
        pattern = INTEGER_PATTERN if number.is_integer() else ONE_DECIMAL_PATTERN
    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):
        return format_decimal(decimal.Decimal(repr(number)), format=pattern, locale=_locale(lang))


@cache
def plotly_separators(lang: str) -> str:
    """plotly's ``layout.separators`` (decimal mark, then thousands separator) for the language."""
    locale = _locale(lang)
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def ordinal(number: int, lang: str) -> str:
    """1st, 2nd, 3rd, 11th in English; 1.º, 2.º in Spanish."""
    if lang == "es":
        return f"{number}.º"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
