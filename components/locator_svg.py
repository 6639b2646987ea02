"""A place's locator map as a static SVG image: the place filled, its surroundings in grey.

Why static: the picture answers one question ("where is it?"), prints, and needs neither plotly nor the
geometry download. A municipality is drawn among its state's municipalities, with a national inset
marking the state, since most municipalities are too small to find on a map of the whole country.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from dash import html

from geo.locator import Frame, municipalities_frame, states_frame

PLACE, OTHER, STATE, EDGE = "#bd0026", "#e9ecef", "#fdae6b", "#868e96"
WIDTH, INSET = 360.0, 110.0
SMALL = 24  # width + height (SVG units) under which a place gets a circle around it


def _shapes(frame: Frame, filled: set[str], colour: str, dx: float = 0, dy: float = 0) -> list[str]:
    shift = f' transform="translate({dx:.1f},{dy:.1f})"' if dx or dy else ""
    return [f'<path d="{shape.path}" fill="{colour if shape.code in filled else OTHER}" stroke="{EDGE}" '
            f'stroke-width="0.6"{shift}/>' for shape in frame.shapes]


def _ring(frame: Frame, code: str, dx: float = 0, dy: float = 0) -> list[str]:
    """A circle around a place too small to see at this size (Distrito Capital, La Guaira)."""
    for shape in frame.shapes:
        x0, y0, x1, y1 = shape.box
        if shape.code == code and (x1 - x0) + (y1 - y0) < SMALL:
            return [f'<circle cx="{(x0 + x1) / 2 + dx:.1f}" cy="{(y0 + y1) / 2 + dy:.1f}" r="{SMALL / 2:.0f}" '
                    f'fill="none" stroke="{PLACE}" stroke-width="2"/>']
    return []


def locator_svg(level: str, code: str, state: str | None, title: str) -> str:
    """The SVG text: all states (the country or a state), or a state's municipalities plus an inset."""
    if level == "municipality" and state:
        main = municipalities_frame(state, WIDTH)
        inset = states_frame(INSET)
        height = max(main.height, inset.height) + 8
        parts = _shapes(main, {code}, PLACE) + _ring(main, code)
        box_x = WIDTH + 14
        parts.append(f'<rect x="{box_x - 4}" y="0" width="{INSET + 8}" height="{inset.height + 8}" fill="#ffffff" '
                     f'stroke="{EDGE}" stroke-width="0.6"/>')
        parts += _shapes(inset, {state}, STATE, box_x, 4)
        parts += _ring(inset, state, box_x, 4)
        width = WIDTH + INSET + 18
    else:
        main = states_frame(WIDTH)
        height, width = main.height, WIDTH
        everything = {s.code for s in main.shapes} if level == "country" else {code}
        parts = _shapes(main, everything, PLACE) + _ring(main, code)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="{width:.0f}" height="{height:.0f}" role="img"><title>{escape(title)}</title>'
            + "".join(parts) + "</svg>")


def locator_map(level: str, code: str, state: str | None, alt: str) -> html.Img:
    """The locator map as an image with its text alternative."""
    # Percent-encoded rather than base64: path data is digits, commas and letters, which stay as they are.
    src = "data:image/svg+xml," + quote(locator_svg(level, code, state, alt), safe=",.-:/=()")
    return html.Img(src=src, alt=alt, id="place-locator",
                    className="place-locator img-fluid")
