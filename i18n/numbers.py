"""Numbers written as each language writes them, for every text, table, hover and file."""

from __future__ import annotations


def format_number(value: float, lang: str) -> str:
    """Numbers as each language writes them: 1.234,5 in Spanish, 1,234.5 in English."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if lang == "es":
        text = text.replace(",", "\u00a0").replace(".", ",").replace("\u00a0", ".")
    return text


def ordinal(number: int, lang: str) -> str:
    """1st, 2nd, 3rd, 11th in English; 1.º, 2.º in Spanish."""
    if lang == "es":
        return f"{number}.º"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
