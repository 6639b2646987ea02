"""Stepped colour classes for maps: colour-blind-safe, with breaks stated and kept across years.

Breaks are computed once from every value of a selection (all years), so the colours mean the
same thing while the timeline plays and years can be compared.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from i18n.numbers import format_number

# ColorBrewer YlOrRd, 6 classes: sequential and readable with the common forms of colour-blindness.
PALETTE: tuple[str, ...] = ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026")
NO_FIGURE_COLOUR = "#d9d9d9"
# Other sequential ColorBrewer schemes, 6 classes each, for maps of the reader's own figures.
SCHEMES: dict[str, tuple[str, ...]] = {
    "YlOrRd": PALETTE,
    "Blues": ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"),
    "Purples": ("#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#756bb1", "#54278f"),
    "Greens": ("#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c"),
    "YlGnBu": ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),
}


def nice(value: float) -> float:
    """Round a break to two significant figures so the legend reads cleanly."""
    if value <= 0:
        return 0.0
    digits = 1 - math.floor(math.log10(value))
    return round(value, digits)


def class_breaks(values: Sequence[float], classes: int = len(PALETTE)) -> list[float]:
    """Inner breaks (at most ``classes - 1``) at quantiles of the values, deduplicated."""
    ordered = sorted(v for v in values if v is not None and not math.isnan(v))
    if len(ordered) < 2:
        return []
    breaks: list[float] = []
    for i in range(1, classes):
        position = (len(ordered) - 1) * i / classes
        low = ordered[math.floor(position)]
        high = ordered[math.ceil(position)]
        candidate = nice(low + (high - low) * (position - math.floor(position)))
        if candidate > ordered[0] and (not breaks or candidate > breaks[-1]) and candidate < ordered[-1]:
            breaks.append(candidate)
    return breaks


def class_of(value: float, breaks: Sequence[float]) -> int:
    """Index of the class holding ``value`` (a value equal to a break belongs to the upper class)."""
    return sum(1 for b in breaks if value >= b)


def palette_for(breaks: Sequence[float], scheme: str = "YlOrRd") -> list[str]:
    """Colours for ``len(breaks) + 1`` classes, spread over the whole palette of ``scheme``."""
    palette = SCHEMES.get(scheme, PALETTE)
    count = len(breaks) + 1
    if count == 1:
        return [palette[len(palette) // 2]]
    return [palette[round(i * (len(palette) - 1) / (count - 1))] for i in range(count)]


def class_labels(breaks: Sequence[float], lang: str) -> list[str]:
    """Legend labels such as ``< 20``, ``20–35``, ``≥ 80``."""
    if not breaks:
        return ["—"]
    fmt = [format_number(b, lang) for b in breaks]
    labels = [f"< {fmt[0]}"]
    labels += [f"{fmt[i]}–{fmt[i + 1]}" for i in range(len(fmt) - 1)]
    labels.append(f"≥ {fmt[-1]}")
    return labels


def stepped_colorscale(colours: Sequence[str]) -> list[list[object]]:
    """A plotly colorscale with flat steps, for z given as class indexes 0..n-1."""
    n = len(colours)
    scale: list[list[object]] = []
    for i, colour in enumerate(colours):
        scale.append([i / n, colour])
        scale.append([(i + 1) / n, colour])
    return scale
