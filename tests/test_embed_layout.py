"""The frame's layout without a browser: axis ticks that fit, chart heights, the collapsed sources, and
the resize script served to other sites with the right headers (and kept out of our own pages)."""

from __future__ import annotations

import plotly.graph_objects as go
from dash import html

from analysis.labels import source_label, source_record
from components.chart_registry import chart, embed_content
from components.embed_frame import fit_axes, graph_heights, source_line


def _figure(xs: list, dtick: float | None = 1, traces: int = 1) -> go.Figure:
    figure = go.Figure([go.Scatter(x=xs, y=list(range(len(xs))), name=f"s{i}") for i in range(traces)])
    figure.update_layout(xaxis={"dtick": dtick}, height=480)
    return figure


def test_a_long_span_of_years_gets_a_round_step_a_short_one_keeps_its_own():
    long_span = fit_axes(_figure(list(range(1990, 2026)), dtick=1))  # 36 labels at one a year
    assert long_span.layout.xaxis.dtick == 5 and long_span.layout.xaxis.tick0 == 0  # 1990, 1995, … 2025
    assert long_span.layout.xaxis.tickformat == "d"  # a year is never "2.010"
    ten_years = fit_axes(_figure(list(range(2014, 2024)), dtick=1))
    assert ten_years.layout.xaxis.dtick == 2  # 2014, 2016, … 2022
    century = fit_axes(_figure([1900, 2025], dtick=2))
    assert century.layout.xaxis.dtick == 20  # 125 years / 20 = 6.25 steps; 10 would give 12.5
    every_second = fit_axes(_figure(list(range(1990, 2026)), dtick=2))
    assert every_second.layout.xaxis.dtick == 5  # a round step, not a multiple of 2
    short_span = fit_axes(_figure([2019, 2020, 2021, 2022, 2023], dtick=1))
    assert short_span.layout.xaxis.dtick == 1
    every_second = fit_axes(_figure(list(range(2012, 2025)), dtick=2))  # 6 labels
    assert every_second.layout.xaxis.dtick == 2
    words = fit_axes(_figure(["Chile", "Perú"], dtick=None))
    assert words.layout.xaxis.dtick is None and words.layout.xaxis.tickformat is None
    for figure in (long_span, short_span, every_second, words):
        assert figure.layout.xaxis.automargin and figure.layout.yaxis.automargin  # labels never cut


def test_on_a_phone_the_chart_makes_room_for_one_legend_row_per_series():
    assert graph_heights(_figure([2020, 2021], traces=12), "plotly") == (480, 320 + 12 * 20)
    assert graph_heights(_figure([2020, 2021], traces=3), "plotly") == (480, 480)  # short legend: as wide
    assert graph_heights(_figure([2020, 2021], traces=1), "plotly") == (480, 480)  # no legend for one line
    assert graph_heights(_figure([2020, 2021]), "map") == (420, 380)
    wrapped = _figure([2020, 2021], traces=12)
    wrapped.data[0].name = "a long name<br>on two lines"
    assert graph_heights(wrapped, "plotly") == (480, 320 + 13 * 20)


def test_the_trends_embed_draws_every_year_label_upright_and_tall_enough():
    content = embed_content(chart("trends-national"), {}, "es")
    box = content.chart
    graph = box.children
    assert graph.figure.layout.height is None and graph.responsive is True  # the stylesheet sets the height
    xaxis = graph.figure.layout.xaxis  # not a label every year or two: round steps, or plotly's own spacing
    assert (xaxis.dtick is None and xaxis.tickformat == "d") or xaxis.dtick >= 5
    assert box.style["--chart-height"] == "480px"
    legend = sum(trace.name.count("<br>") + 1 for trace in graph.figure.data if trace.showlegend is not False)
    assert box.style["--chart-height-phone"] == f"{max(480, 320 + 20 * legend)}px"


def _walk(node):
    yield node
    children = getattr(node, "children", None)
    for child in children if isinstance(children, list) else [children] if children is not None else []:
        yield from _walk(child)


def test_one_source_is_a_line_and_several_collapse_behind_one():
    one = source_line("en", ["ovv-iav-2023"])
    assert isinstance(one, html.P) and not any(isinstance(n, html.Details) for n in _walk(one))
    links = [n for n in _walk(one) if isinstance(n, html.A)]
    assert [a.href for a in links] == [source_record("ovv-iav-2023")["url"]]
    assert links[0].children == source_label("ovv-iav-2023", "en")

    ids = ["ovv-iav-2023", "ovv-iav-2022", "ovv-iav-2023"]  # a repeated document counts once
    several = source_line("es", ids)
    assert isinstance(several, html.Details)
    summary = several.children[0]
    assert isinstance(summary, html.Summary)
    assert summary.children[0].children == "Fuentes (2): "
    assert summary.children[1] == source_record("ovv-iav-2023")["organisation"]  # the organisation once
    listed = [n for n in _walk(several.children[1]) if isinstance(n, html.A)]
    assert [a.children for a in listed] == [source_label("ovv-iav-2023", "en"), source_label("ovv-iav-2022", "en")]
    assert all(a.target == "_blank" for a in listed)


def test_the_resize_script_is_served_to_other_sites_and_cached(client):
    response = client.get("/embed/resize.js")
    assert response.status_code == 200
    assert response.mimetype == "application/javascript"
    assert response.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.cache_control.public and response.cache_control.max_age >= 3600
    assert response.headers["X-Content-Type-Options"] == "nosniff"  # so the type above must be right
    body = response.get_data(as_text=True)
    assert "vzla-dashboard:height" in body and "event.origin !== origin" in body
    again = client.get("/embed/resize.js", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_our_own_pages_do_not_load_the_resize_script(client):
    for path in ("/es/map", "/en/trends", "/embed/map?lang=en"):
        assert "embed-resize" not in client.get(path).get_data(as_text=True), path


def test_long_legend_entries_are_wrapped_short_ones_kept():
    long_name = "Población usada por el observatorio del Ministerio (OVS) (derivada)"
    figure = fit_axes(go.Figure([go.Scatter(x=[1], y=[1], name=long_name), go.Scatter(x=[1], y=[2], name="OVV")]))
    lines = figure.data[0].name.split("<br>")
    assert len(lines) == 2 and " ".join(lines) == long_name and all(len(line) <= 44 for line in lines)
    assert figure.data[1].name == "OVV"
