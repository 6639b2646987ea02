"""Colour-blind-safe colours (Okabe & Ito) shared by the trend and comparison charts.

Why fixed assignments: a producer or a place keeps its colour from chart to chart, so readers learn it.
Venezuela always gets vermillion and nothing else does on the comparison page.
"""

from __future__ import annotations

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#000000", "#F0E442", "#D55E00")
VENEZUELA = "#D55E00"
OTHER_PLACE = "#7BA7CC"
REFERENCE = "#555555"
PRODUCER_COLOURS = {
    "ovv": "#D55E00",
    "unodc": "#0072B2",
    "mij": "#009E73",
    "mp": "#CC79A7",
    "ovs": "#56B4E9",
    "cicpc": "#E69F00",
    "ine": "#000000",
    "who": "#56B4E9",
}
DASHES = ("solid", "dash", "dot", "dashdot", "longdash")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon")
# Lines for non-Venezuelan places: Okabe-Ito without vermillion (kept for Venezuela) and yellow (low contrast).
PLACE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#000000")


def producer_colour(producer: str, index: int) -> str:
    return PRODUCER_COLOURS.get(producer, ("#999999", "#8c6d31", "#6b6ecf", "#636363")[index % 4])


def place_colour(index: int) -> str:
    return PLACE_COLOURS[index % len(PLACE_COLOURS)]
