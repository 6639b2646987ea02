"""A Dash layout written out as static HTML, from the very components the pages show: for documents
rendered on the server (the PDF of a briefing, and the document pages served without the Dash client).

Why not a browser: a document page's content is plain markup (text, tables, SVG images, links); writing
it out directly needs no script, so a phone paints it from the first response. The few Bootstrap and
core components these pages use are written as the HTML Bootstrap expects (``COMPONENT_WRITERS``);
their behaviour (the menu, table sort, embed code, copy) comes from small scripts in ``assets/``.
For print, elements marked ``no-print`` (buttons, embed forms, downloads) and ``hidden`` ones are left
out, as the print stylesheet hides them; any other non-``html`` component keeps only its children.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from html import escape

from dash import html
from dash.development.base_component import Component

VOID = {"img", "br", "hr", "meta", "link", "input", "col", "wbr"}
ATTRIBUTES = {"className": "class", "htmlFor": "for", "colSpan": "colspan", "rowSpan": "rowspan",
              "readOnly": "readonly", "autoComplete": "autocomplete", "maxLength": "maxlength", "tabIndex": "tabindex"}
PRINT_SKIPS = frozenset({"no-print", "chart-export"})  # what a printed document leaves out
BOOLEAN = {"hidden", "readOnly", "open", "disabled", "required", "multiple"}
SKIPPED_PROPS = {"children", "style", "setProps", "loading_state", "persistence", "persisted_props",
                 "persistence_type", "debounce", "componentPath", "class_name", "key"}


def dom_id(value: object) -> str:
    """The DOM id Dash writes for a component id: a dict id as JSON with sorted keys, as the renderer
    stringifies it, so the page's scripts and styles find the element by the same id."""
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, separators=(",", ":"))
    return str(value)


def style_text(style: dict) -> str:
    """A React style dict as a CSS declaration list (``aspectRatio`` → ``aspect-ratio``)."""
    return ";".join(f"{''.join('-' + c.lower() if c.isupper() else c for c in k)}:{v}" for k, v in style.items())


def _attributes(component: Component, extra: dict[str, object] | None = None) -> str:
    out = []
    values: dict[str, object] = {}
    for name in component._prop_names:  # the declared props; Dash documents them as the component's API
        if name in SKIPPED_PROPS or name.endswith("-*") or name.startswith(("n_", "disable_n_clicks")):
            continue
        value = getattr(component, name, None)
        if name == "id" and value is not None:
            value = dom_id(value)
        if value is None or value is False or isinstance(value, (dict, list)):
            continue
        values[ATTRIBUTES.get(name, name)] = "" if value is True and name in BOOLEAN else value
    style = getattr(component, "style", None)
    if isinstance(style, dict) and style:
        values["style"] = style_text(style)
    values.update(extra or {})
    for name, value in values.items():
        if value is True:
            value = "true"
        out.append(f' {name}="{escape(str(value), quote=True)}"' if value != "" else f" {name}")
    return "".join(out) + _wildcards(component)


def _wildcards(component: Component) -> str:
    """Wildcard props (data-*, aria-*), set as attributes on any component."""
    return "".join(f' {name}="{escape(str(value), quote=True)}"' for name, value in vars(component).items()
                   if name.startswith(("data-", "aria-")) and value is not None)


def _classes(*names: object) -> str:
    return " ".join(str(n) for n in names if n)


def _element(tag: str, component: Component, inner: str, classes: str | None = None, **extra: object) -> str:
    """An ``html`` component with all its props; any other with only its id, style and data-/aria- props,
    plus ``classes`` and ``extra`` (what the writer derives from its props, as the component would)."""
    if component._namespace == html.Div._namespace:
        plain = _attributes(component, {**({"class": classes} if classes else {}), **extra})
    else:
        plain = _own_attributes(component, {**({"class": classes} if classes else {}), **extra})
    if tag in VOID:
        return f"<{tag}{plain}>"
    return f"<{tag}{plain}>{inner}</{tag}>"


def _own_attributes(component: Component, extra: dict[str, object]) -> str:
    values: dict[str, object] = {}
    if getattr(component, "id", None) is not None:
        values["id"] = dom_id(component.id)
    style = getattr(component, "style", None)
    if isinstance(style, dict) and style:
        values["style"] = style_text(style)
    values.update({k: v for k, v in extra.items() if v is not None and v is not False})
    out = [f' {k}="{escape(str(v), quote=True)}"' if v is not True else f" {k}" for k, v in values.items()]
    return "".join(out) + _wildcards(component)


def _container(c: Component, inner: str) -> str:
    fluid = getattr(c, "fluid", None)
    kind = "container-fluid" if fluid is True else f"container-{fluid}" if fluid else "container"
    return _element("div", c, inner, _classes(kind, getattr(c, "className", None)))


def _col(c: Component, inner: str) -> str:
    sizes = [f"col-{size}-{getattr(c, size)}" if getattr(c, size) is not True else f"col-{size}"
             for size in ("xs", "sm", "md", "lg", "xl", "xxl") if getattr(c, size, None)]
    width = getattr(c, "width", None)
    base = f"col-{width}" if width else ("" if sizes else "col")
    return _element("div", c, inner, _classes(base, *sizes, getattr(c, "className", None)))


def _collapse(c: Component, inner: str) -> str:
    classes = _classes("collapse", "navbar-collapse" if getattr(c, "navbar", False) else "",
                       "show" if getattr(c, "is_open", False) else "", getattr(c, "className", None))
    return _element("div", c, inner, classes)


def _input(c: Component, inner: str) -> str:
    props = {ATTRIBUTES.get(k, k): getattr(c, k, None) for k in ("type", "name", "value", "placeholder", "maxLength",
                                                                 "autoComplete", "readOnly", "required")}
    return _element("input", c, "", getattr(c, "className", None), **props)


def _textarea(c: Component, inner: str) -> str:
    value = escape(str(getattr(c, "value", "") or ""))
    return _element("textarea", c, value, getattr(c, "className", None), readonly=bool(getattr(c, "readOnly", None)),
                    rows=getattr(c, "rows", None))


def _store(c: Component, inner: str) -> str:
    data = json.dumps(getattr(c, "data", None), ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="{escape(dom_id(getattr(c, "id", None)), quote=True)}" class="dash-store">{data}</script>'


def _clipboard(c: Component, inner: str) -> str:
    """A real button (``shell.js`` copies the target field's text), where Dash draws an icon."""
    target = dom_id(getattr(c, "target_id", "") or "")
    return _element("button", c, escape(str(getattr(c, "title", None) or "")), getattr(c, "className", None), type="button",
                    **{"data-copy-target": target, "data-copied": "✓ " + str(getattr(c, "title", None) or "")})


def _alert(c: Component, inner: str) -> str:
    return _element("div", c, inner, _classes("alert", "alert-" + str(getattr(c, "color", None) or "primary"), getattr(c, "className", None)),
                    role="alert")


def _options(c: Component) -> list[tuple[object, object]]:
    """(value, label) of a control's options, in any of the forms Dash accepts."""
    options = getattr(c, "options", None) or []
    if isinstance(options, dict):
        return list(options.items())
    return [(o.get("value"), o.get("label", o.get("value"))) if isinstance(o, dict) else (o, o) for o in options]


def _chosen(c: Component) -> list[object]:
    value = getattr(c, "value", None)
    return value if isinstance(value, list) else [] if value is None else [value]


def _radio_items(c: Component, inner: str) -> str:
    """The options as Bootstrap draws them, the chosen one checked (a still picture until the page is live)."""
    chosen = _chosen(c)
    inline = " form-check-inline" if getattr(c, "inline", None) else ""
    items = "".join(
        f'<div class="form-check{inline}"><input class="form-check-input" type="radio"'
        f'{" checked" if value in chosen else ""}><label class="form-check-label">{to_html(label, ())}</label></div>'
        for value, label in _options(c))
    return _element("div", c, items, getattr(c, "className", None))


def _dropdown(c: Component, inner: str) -> str:
    """A box showing the chosen options' labels (or the placeholder), as wide and high as the live one."""
    chosen = _chosen(c)
    labels = [label for value, label in _options(c) if value in chosen]
    text = ", ".join(to_html(label, ()) for label in labels) or escape(str(getattr(c, "placeholder", "") or ""))
    return _element("div", c, f'<span class="text-truncate d-block">{text}</span>',
                    _classes("form-select first-view-dropdown", getattr(c, "className", None)))


COMPONENT_WRITERS: dict[tuple[str, str], Callable[[Component, str], str]] = {
    ("dash_bootstrap_components", "Container"): _container,
    ("dash_bootstrap_components", "Row"): lambda c, inner: _element("div", c, inner, _classes("row", getattr(c, "className", None))),
    ("dash_bootstrap_components", "Col"): _col,
    ("dash_bootstrap_components", "Collapse"): _collapse,
    ("dash_bootstrap_components", "NavbarBrand"): lambda c, inner: _element(
        "a", c, inner, _classes("navbar-brand", getattr(c, "className", None)), href=getattr(c, "href", None) or "#"),
    ("dash_bootstrap_components", "Alert"): _alert,
    ("dash_bootstrap_components", "Label"): lambda c, inner: _element(
        "label", c, inner, _classes("form-label", getattr(c, "className", None)), **({"for": getattr(c, "html_for", None)} if getattr(c, "html_for", None) else {})),
    ("dash_bootstrap_components", "RadioItems"): _radio_items,
    ("dash_core_components", "Dropdown"): _dropdown,
    ("dash_core_components", "Input"): _input,
    ("dash_core_components", "Textarea"): _textarea,
    ("dash_core_components", "Store"): _store,
    ("dash_core_components", "Clipboard"): _clipboard,
}


def _skipped(component: Component, skip: Collection[str]) -> bool:
    classes = set(str(getattr(component, "className", "") or "").split())
    return bool(classes & set(skip)) or (bool(skip) and getattr(component, "hidden", None) is True)


def to_html(node: object, skip: Collection[str] = PRINT_SKIPS) -> str:
    """The markup of a component tree (strings are escaped; ``None`` writes nothing). ``skip``: classes
    whose elements are left out, with hidden ones (the print default); empty: everything is written."""
    if node is None or node is False:
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(to_html(child, skip) for child in node)
    if isinstance(node, (str, int, float)):
        return escape(str(node))
    if not isinstance(node, Component):
        return ""
    if _skipped(node, skip):
        return ""
    children = to_html(getattr(node, "children", None), skip)
    if node._namespace != html.Div._namespace:
        writer = COMPONENT_WRITERS.get((node._namespace, node._type))
        return writer(node, children) if writer else children
    tag = node._type.lower()
    return _element(tag, node, children)


def document(body: Component, lang: str, title: str, css: str = "") -> str:
    """A complete HTML document around ``body``, for print."""
    return (f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{css}</style></head><body>{to_html(body)}</body></html>")


STORES = re.compile(r'<script type="application/json"[^>]*>.*?</script>', re.S)  # "<" is escaped inside
ID_ATTRIBUTES = re.compile(r' (?:id|for|aria-labelledby|aria-describedby|aria-controls|data-copy-target)="[^"]*"')


def first_view_html(layout: Component) -> str:
    """The page as written HTML, to paint before the Dash client draws the same page: without ids (the
    drawn page owns them; ids and references to them are removed) and with its ``<main>`` as a plain
    block (one main landmark per page), and without the data stores (the drawn page brings its own).
    Attribute values and texts are escaped, so the patterns below can only match markup."""
    text = ID_ATTRIBUTES.sub("", STORES.sub("", to_html(layout, skip=())))
    return text.replace("<main", '<div class="first-view-main"', 1).replace("</main>", "</div>", 1)
