"""Static SVG charts for briefings: a line chart of yearly series and a bar chart of places.

Why static SVG and not plotly: a briefing is a document. An SVG drawn on the server needs no
script, prints sharp at any paper size, loads instantly and doubles as the chart's SVG download.
Lines connect consecutive years only, so a year without a published figure shows as a gap.
"""

from __future__ import annotations

import base64
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from dash import html

from i18n.numbers import format_number

WIDTH = 720
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
INK, GRID, MUTED = "#212529", "#dee2e6", "#6c757d"
COLOURS = ("#bd0026", "#4a4a4a", "#1f78b4", "#33a02c", "#ff7f00")
DASHES = ("", "6 4", "2 3", "8 3 2 3", "")


@dataclass(frozen=True)
class Line:
    label: str
    points: Sequence[tuple[int, float]]


TONES = {"place": "#bd0026", "national": "#6c757d", "other": "#fd8d3c"}


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: no published figure
    tone: str = "other"  # place (the briefing's own), national, or other


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def svg_image(svg: str, alt: str, element_id: str) -> html.Img:
    """An SVG chart as an image element (the ``data-svg-chart`` mark lets the page offer it as a file)."""
    return html.Img(src=data_uri(svg), alt=alt, id=element_id, className="briefing-chart-image",
                    **{"data-svg-chart": "1"})


def nice_step(value: float, intervals: int = 4) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving at most ``intervals`` steps to ``value``."""
    if value <= 0:
        return 1.0
    raw = value / intervals
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= raw)


def nice_ceiling(value: float) -> float:
    """A round axis maximum just above ``value`` (1, 2, 2.5, 5 or 10 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _text(x: float, y: float, content: str, size: int = 12, anchor: str = "start", fill: str = INK,
          weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}" '
            f'font-weight="{weight}">{escape(content)}</text>')


def _open(height: int, title: str, width: int = WIDTH) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{escape(FONT)}" role="img">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]


def line_chart(lines: Sequence[Line], title: str, y_label: str, lang: str, height: int = 340,
               width: int = WIDTH) -> str:
    """Yearly lines on a shared axis starting at zero; one marker per published figure. A narrower ``width``
    (a place page's small trends) keeps the text readable when a phone shows the chart at its own width."""
    drawn = [line for line in lines if line.points]
    years = sorted({y for line in drawn for y, _v in line.points})
    highest = max((v for line in drawn for _y, v in line.points), default=1.0) * 1.05
    tick = nice_step(highest)
    ticks = math.ceil(highest / tick)
    top = tick * ticks
    legend_rows = len(drawn)
    left, right, upper, lower = 52, 16, 34 + 20 * legend_rows, 34
    plot_w, plot_h = width - left - right, height - upper - lower
    first, last = (years[0], years[-1]) if years else (0, 1)
    span = max(last - first, 1)

    def x_of(year: int) -> float:
        return left + (plot_w / 2 if last == first else (year - first) / span * plot_w)

    def y_of(value: float) -> float:
        return upper + plot_h - value / top * plot_h

    parts = _open(height, title, width)
    for i in range(ticks + 1):
        value = tick * i
        y = y_of(value)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(_text(left - 6, y + 4, format_number(round(value, 1), lang), 11, "end", MUTED))
    parts.append(_text(left, upper - 6, y_label, 11, "start", MUTED))
    room = plot_w / (WIDTH - left - right)  # 1 at the briefing's width: every year up to 12, then every 2nd, 5th
    step = 1 if span <= 12 * room else 2 if span <= 24 * room else 5 if span <= 60 * room else 10
    for year in range(first, last + 1):
        crowded = room < 1 and 0 < last - year < step * 0.6  # a narrow chart: no tick just before the last
        if ((year - first) % step == 0 and not crowded) or year == last:
            parts.append(_text(x_of(year), height - lower + 18, str(year), 11, "middle", MUTED))
    end_labels: list[list] = []
    for index, line in enumerate(drawn):
        colour, dash = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)]
        points = sorted(line.points)
        segment: list[tuple[int, float]] = []
        for point in [*points, (10**6, 0.0)]:
            if segment and point[0] != segment[-1][0] + 1:
                if len(segment) > 1:
                    path = " ".join(f"{x_of(y):.1f},{y_of(v):.1f}" for y, v in segment)
                    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
                    parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.2"{dash_attr}/>')
                segment = []
            segment.append(point)
        for year, value in points:
            parts.append(f'<circle cx="{x_of(year):.1f}" cy="{y_of(value):.1f}" r="3.4" fill="{colour}"/>')
        last_year, last_value = points[-1]
        end_labels.append([y_of(last_value) - 8, x_of(last_year), format_number(last_value, lang), colour])
        lx, ly = left, 16 + index * 20
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line x1="{lx:.1f}" x2="{lx + 22:.1f}" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" '
                     f'stroke-width="2.2"{dash_attr}/>')
        parts.append(_text(lx + 28, ly, line.label, 12))
    # Latest values over the last markers, pushed apart when they would overlap.
    end_labels.sort(key=lambda label: label[0])
    for previous, label in itertools.pairwise(end_labels):
        label[0] = max(label[0], previous[0] + 15)
    for y, x, content, colour in end_labels:
        parts.append(_text(min(x, width - right - 14), y, content, 11, "middle", colour, "600"))
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(bars: Sequence[Bar], title: str, no_figure: str, lang: str) -> str:
    """Horizontal bars, one per place, in the given order; places without a figure say so."""
    row, upper, lower = 26, 8, 8
    label_w, value_w = 190, 56
    height = upper + lower + row * max(len(bars), 1)
    top = nice_ceiling(max((b.value for b in bars if b.value is not None), default=1.0))
    plot_w = WIDTH - label_w - value_w - 10
    parts = _open(height, title)
    for index, bar in enumerate(bars):
        y = upper + index * row
        weight = "700" if bar.tone == "place" else "normal"
        parts.append(_text(label_w - 8, y + 17, bar.label, 12, "end", INK, weight))
        if bar.value is None:
            parts.append(_text(label_w + 4, y + 17, no_figure, 11, "start", MUTED))
            continue
        width = max(bar.value / top * plot_w, 1.5)
        colour = TONES.get(bar.tone, TONES["other"])
        parts.append(f'<rect x="{label_w}" y="{y + 5}" width="{width:.1f}" height="{row - 10}" fill="{colour}"/>')
        parts.append(_text(label_w + width + 6, y + 17, format_number(bar.value, lang), 12, "start", INK, weight))
    parts.append("</svg>")
    return "".join(parts)
