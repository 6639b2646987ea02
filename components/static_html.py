"""A Dash layout of ``html.*`` components written out as static HTML, for documents rendered on the
server (the PDF of a briefing) from the very components the page shows.

Why not a browser: the page is drawn by Dash's React front end, but a briefing's content is plain
markup (text, tables and SVG images); writing it out directly needs no script and no second request.
Elements marked ``no-print`` (buttons, embed forms, downloads) and ``hidden`` ones are left out, as
the print stylesheet hides them; a non-``html`` component (a dcc or Bootstrap one) keeps only its
children, which is what a document needs of it.
"""

from __future__ import annotations

from html import escape

from dash import html
from dash.development.base_component import Component

VOID = {"img", "br", "hr", "meta", "link", "input", "col", "wbr"}
ATTRIBUTES = {"className": "class", "htmlFor": "for", "colSpan": "colspan", "rowSpan": "rowspan"}
SKIPPED_CLASSES = {"no-print", "chart-export"}


def _attributes(component: Component) -> str:
    out = []
    for name in component._prop_names:  # the declared props; Dash documents them as the component's API
        if name in ("children", "style") or name.endswith("-*") or name.startswith(("n_", "disable_n_clicks",
                                                                                        "loading_state")):
            continue
        value = getattr(component, name, None)
        if value is None or value is False or isinstance(value, dict):
            continue
        attribute = ATTRIBUTES.get(name, name)
        out.append(f' {attribute}="{escape(str(value), quote=True)}"')
    for name, value in vars(component).items():  # wildcard props (data-*, aria-*) are set as attributes
        if name.startswith(("data-", "aria-")) and value is not None:
            out.append(f' {name}="{escape(str(value), quote=True)}"')
    return "".join(out)


def _skipped(component: Component) -> bool:
    classes = set(str(getattr(component, "className", "") or "").split())
    return bool(classes & SKIPPED_CLASSES) or getattr(component, "hidden", None) is True


def to_html(node: object) -> str:
    """The markup of a component tree (strings are escaped; ``None`` writes nothing)."""
    if node is None or node is False:
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(to_html(child) for child in node)
    if isinstance(node, (str, int, float)):
        return escape(str(node))
    if not isinstance(node, Component):
        return ""
    if _skipped(node):
        return ""
    children = to_html(getattr(node, "children", None))
    if node._namespace != html.Div._namespace:
        return children
    tag = node._type.lower()
    if tag in VOID:
        return f"<{tag}{_attributes(node)}>"
    return f"<{tag}{_attributes(node)}>{children}</{tag}>"


def document(body: Component, lang: str, title: str, css: str = "") -> str:
    """A complete HTML document around ``body``."""
    return (f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{css}</style></head><body>{to_html(body)}</body></html>")
