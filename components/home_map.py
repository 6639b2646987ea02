"""The front page's small map of the states: a static SVG, each state a link, coloured as on the map explorer.

Why an SVG document in a frame (``srcdoc``): Dash draws no SVG elements, and the alternatives cost a first
visit dearly (plotly and its geometry weigh megabytes; rendering raw HTML needs a 100 KB markdown bundle).
A frame's own document needs no script: its links open their page in the whole window (``target=_top``),
keyboard users reach them with Tab, and the same links are listed on the page under the briefings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from dash import html
from dash.development.base_component import Component

from analysis.color_classes import NO_FIGURE_COLOUR, class_labels, class_of, palette_for
from analysis.home_figures import StateMap
from analysis.state_shapes import StateOutlines
from i18n import translator
from i18n.numbers import format_number

SMALLEST_LAST = ("VE-A",)  # drawn last, so the tiny Distrito Capital is not hidden under Miranda
STYLE = (
    "html,body{margin:0;background:transparent}"
    "svg{display:block;width:100%;height:auto}"
    "path{stroke:#ffffff;stroke-width:.7;stroke-linejoin:round}"
    "a:hover path,a:focus-visible path{stroke:#212529;stroke-width:2;filter:brightness(.85)}"
    "a:focus{outline:none}a:focus-visible{outline:3px solid #0b5394;outline-offset:-2px}"
)


def map_document(outlines: StateOutlines, figures: StateMap, lang: str, link_of: Callable[[str], str],
                 label_of: Callable[[str], str]) -> str:
    """The whole SVG document: one link per state (``link_of(code)``) holding its shape and a title that
    says its figure (``label_of(code)``)."""
    colours = palette_for(figures.breaks)
    shapes = sorted(outlines.shapes, key=lambda s: s.code in SMALLEST_LAST)
    parts = []
    for state in shapes:
        figure = figures.values.get(state.code)
        fill = NO_FIGURE_COLOUR if figure is None else colours[class_of(figure.value, figures.breaks)]
        label = escape(label_of(state.code))
        parts.append(
            f'<a href="{escape(link_of(state.code))}" target="_top" aria-label="{label}" data-state="{state.code}">'
            f'<title>{label}</title><path d="{state.path}" fill="{fill}"/></a>'
        )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><style>{STYLE}</style></head><body>'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {outlines.width} {outlines.height}">'
        + "".join(parts) + "</svg></body></html>"
    )


def legend(figures: StateMap, lang: str) -> Component:
    """The colour classes and the grey of states without a published figure."""
    _ = translator(lang)
    colours = palette_for(figures.breaks)
    labels = class_labels(list(figures.breaks), lang)
    items = [(colour, label) for colour, label in zip(colours, labels, strict=True)]
    items.append((NO_FIGURE_COLOUR, _("no published figure")))
    return html.Ul(
        [html.Li([html.Span(className="home-map-swatch", style={"background": colour}), label])
         for colour, label in items],
        className="home-map-legend list-unstyled small mb-1",
    )


def state_map(outlines: StateOutlines, figures: StateMap, lang: str, link_of: Callable[[str], str],
              label_of: Callable[[str], str], title: str, caption: Sequence[Component | str]) -> Component:
    """The framed map, its legend and its caption (what is shown, the source and where to explore it)."""
    return html.Figure(
        [
            html.Iframe(
                srcDoc=map_document(outlines, figures, lang, link_of, label_of),
                title=title,
                id="home-map",
                className="home-map-frame",
                style={"aspectRatio": f"{outlines.width} / {outlines.height}"},
            ),
            legend(figures, lang),
            html.Figcaption(caption, className="small text-body-secondary"),
        ],
        className="home-map mb-0",
    )


def state_label(name: str, value: float | None, unit_text: str, lang: str, action: str) -> str:
    """A state's title on the map: ``Aragua: 50,8 per 100,000 inhabitants. Open the briefing``."""
    _ = translator(lang)
    figure = _("no published figure") if value is None else f"{format_number(value, lang)} {unit_text}"
    return f"{name}: {figure}. {action}"
