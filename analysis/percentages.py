"""Percentages, computed one way everywhere a briefing states one.

Why one module: the same fall (22 to 12.7) once read "−42 %" on a card and "−57.7 %" in the text
beside it. Every change and every share a reader sees is computed here, from the two figures it
compares, and rounded once, to whole percent (a tenth when it would otherwise round to 0), so a number
in the text can be recomputed from the figures it cites.
"""

from __future__ import annotations


def change(new: float, old: float) -> float | None:
    """Relative change from ``old`` to ``new`` in percent (None when ``old`` is 0)."""
    return None if old == 0 else (new - old) / old * 100


def share(part: float, whole: float) -> float | None:
    """``part`` as a percentage of ``whole`` (None when ``whole`` is not positive)."""
    return None if whole <= 0 else part / whole * 100


def rounded(value: float) -> float:
    """The shown form: whole percent, or one decimal below 1 % so a small share is not printed as 0."""
    magnitude = abs(value)
    return round(value, 1) if 0 < magnitude < 1 else float(round(value))
