"""The callbacks a page gets from its charts' registry entries and its view class.

``redraw_on_controls``: a chart's own controls redraw its card (and correct the choices that depend on
them, such as the units of the chosen indicators), its table's rows drawn if the reader had opened it.
``keep_url_in_step``: the page's URL and its share box follow every control, in the browser. Both read the view class (``views/``), never a page's own
parameter names, so a chart or a control is added in one place.
"""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback
from dash.development.base_component import Component

from components.chart_card import chart_body, table_id
from components.chart_registry import Chart
from components.data_table import table_open_state
from components.share_link import share_field_id, url_keys_id
from i18n import DEFAULT_LANGUAGE, is_supported


def redraw_on_controls(chart: Chart, lang_store: str) -> None:
    """Register the callback that redraws ``chart`` when one of its controls changes (none without controls)."""
    if not chart.controls:
        return
    view_class = chart.view
    dependent = [p for p in chart.controls if p in view_class.DEPENDENT]
    outputs = [Output(f"{chart.name}-body", "children")]
    for param in dependent:
        control = view_class.CONTROLS[param][0]
        outputs += [Output(control, "options"), Output(control, "value")]
    inputs = [Input(*view_class.CONTROLS[p]) for p in chart.controls]

    def redraw(*values: object) -> list[Component] | list[object]:
        *controls, lang, table_open = values
        lang = lang if is_supported(lang) else DEFAULT_LANGUAGE
        view = view_class.from_controls(dict(zip(chart.controls, controls, strict=True)), lang)
        body = chart_body(chart, view, lang, table_open is True)
        if not dependent:
            return body
        answer: list[object] = [body]
        for param in dependent:
            answer += [view.options(param, lang), getattr(view, param)]
        return answer

    redraw.__name__ = f"redraw_{chart.name.replace('-', '_')}"
    callback(*outputs, *inputs, State(lang_store, "data"), table_open_state(table_id(chart.name)),
             prevent_initial_call=True)(redraw)


def keep_url_in_step(view_class: type) -> None:
    """The page URL and its share box follow the controls (no reload, no server round trip)."""
    clientside_callback(
        ClientsideFunction(namespace="views", function_name="syncUrl"),
        Output(share_field_id(view_class), "value"),
        *[Input(*control) for control in view_class.CONTROLS.values()],
        State(url_keys_id(view_class), "data"),
    )
