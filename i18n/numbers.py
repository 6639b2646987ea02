"""Numbers written as each language writes them, for every text, table, hover and file."""

from __future__ import annotations


def format_number(value: float, lang: str) -> str:
    """Numbers as each language writes them: 1.234,5 in Spanish, 1,234.5 in English."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if lang == "es":
        text = text.replace(",", "\u00a0").replace(".", ",").replace("\u00a0", ".")
    return text
