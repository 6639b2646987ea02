"""Every chart of the dashboard, declared once.

An entry names the chart (its anchor on the page, its embed name and its place in the warm-up list),
the page it sits on, its title, the view it reads (``views/``), the function that draws it and the name
of its files. The page's card, the callbacks that redraw it, ``/embed/<name>``, the CSV/PNG/SVG
downloads and the warm-up all follow from the entry, so adding a chart is one entry and one builder.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from dash import dcc, html

from analysis.briefing_figures import briefing, place_name
from components.benchmark_charts import firearm_chart, lines_chart, ranking_chart, trajectory_chart
from components.briefing_charts import (
    COMPARE_TITLE,
    TREND_TITLE,
    BriefingChart,
    chart_image,
    compare_chart,
    trend_chart,
)
from components.briefing_charts import chart_csv as briefing_csv
from components.chart_card import ChartData, chart_csv
from components.chart_style import graph_config
from components.embed_frame import EmbedContent
from components.map_figure import MAP_TITLE, MapDrawing, draw_map, map_csv
from components.trend_charts import composition_chart, national_chart, population_chart, state_chart
from i18n import translator
from i18n.markers import N_
from views.briefing_view import BriefingView
from views.compare_view import CompareView
from views.map_view import MapView
from views.trends_view import TrendView

EMBED_CHART_HEIGHT = 420
KINDS = ("map", "plotly", "svg")


@dataclass(frozen=True)
class Chart:
    """One chart. ``filename`` is formatted with the view's fields (``{year}``) and has no extension."""

    name: str
    page: str
    title: str  # English source text
    view: type
    draw: Callable[[Any, str], Any]  # (view, lang) -> MapDrawing | ChartData | BriefingChart | None
    filename: str
    controls: tuple[str, ...] = ()  # URL parameters of the view that this chart's own controls set
    intro: str = ""  # English source text
    kind: str = "plotly"

    def file_stem(self, view: object) -> str:
        extra = view.file_fields() if hasattr(view, "file_fields") else {}
        return self.filename.format(**dataclasses.asdict(view), **extra)  # type: ignore[call-overload]


CHARTS: tuple[Chart, ...] = (
    Chart("map", "map", MAP_TITLE, MapView, draw_map, "venezuela_{indicator}_{level}_{shown}",
          tuple(MapView.CONTROLS), kind="map"),
    Chart("trends-national", "trends", N_("National series by source"), TrendView,
          lambda v, lang: national_chart(lang, list(v.indicators), v.unit), "venezuela_national_series",
          ("indicators", "unit"),
          N_("Each line is one producer's figures for one indicator; a later report that restates a year replaces "
             "the earlier figure, which stays visible as a hollow circle. Diamonds mark documented events: click one "
             "for its source.")),
    Chart("trends-composition", "trends", N_("What OVV's violent deaths are made of"), TrendView,
          lambda v, lang: composition_chart(lang, v.composition), "venezuela_ovv_composition", ("composition",),
          N_("OVV's national count split into homicides, deaths from police intervention, deaths under investigation "
             "and, from 2021, disappearances.")),
    Chart("trends-population", "trends", N_("How much the rate depends on the population base"), TrendView,
          lambda v, lang: population_chart(lang, v.base_indicator), "venezuela_rates_by_population_base",
          ("base_indicator",),
          N_("After millions of people emigrated, estimates of Venezuela's population differ by several million. "
             "Here one OVV count is divided by every population base published for the same year.")),
    Chart("trends-states", "trends", N_("States against the country"), TrendView,
          lambda v, lang: state_chart(lang, list(v.states), v.state_indicator, v.state_unit),
          "venezuela_states_vs_country", ("states", "state_indicator", "state_unit"),
          N_("Pick one or more states to draw them against the national series of the same producer. State figures "
             "are scarce: only the years a source published are drawn.")),
    Chart("compare-ranking", "compare", N_("Countries ranked for one year"), CompareView,
          lambda v, lang: ranking_chart(lang, v.year, v.distributor), "lac_homicide_rate_ranking", ("year", "source"),
          N_("UNODC intentional homicides per 100,000 people. Venezuela in vermillion; a country without a figure "
             "for the year is not drawn.")),
    Chart("compare-lines", "compare", N_("Over time, with reference lines"), CompareView,
          lambda v, lang: lines_chart(lang, list(v.countries), v.distributor), "lac_homicide_rate_over_time",
          ("countries", "source"),
          N_("Venezuela and the countries you choose, with the regional average, the 10 per 100,000 level often "
             "called epidemic, and the path that would halve Venezuela's latest figure in ten years.")),
    Chart("compare-trajectories", "compare", N_("How fast good-practice places came down"), CompareView,
          lambda v, lang: trajectory_chart(lang, v.align, v.distributor), "good_practice_trajectories",
          ("align", "source"),
          N_("Each place's own series, indexed to 100 and aligned so that the speed of decline can be compared. "
             "Click a line to open its practice card below.")),
    Chart("compare-firearms", "compare", N_("Homicides committed with firearms"), CompareView,
          lambda v, lang: firearm_chart(lang), "lac_firearm_share_of_homicides", (),
          N_("The share of homicides committed with a firearm: each country's latest published figure since 2015, "
             "with its year and source. Venezuela in vermillion.")),
    Chart("briefing-trend", "briefing", TREND_TITLE, BriefingView,
          lambda v, lang: trend_chart(briefing(v.place), lang), "briefing_{place}_trend", kind="svg"),
    Chart("briefing-compare", "briefing", COMPARE_TITLE, BriefingView,
          lambda v, lang: compare_chart(briefing(v.place), lang), "briefing_{place}_compare", kind="svg"),
)
BY_NAME: dict[str, Chart] = {c.name: c for c in CHARTS}


def chart(name: str) -> Chart:
    return BY_NAME[name]


def on_page(page: str) -> list[Chart]:
    """The charts of one page, in the order the page shows them."""
    return [c for c in CHARTS if c.page == page]


def chart_names() -> list[str]:
    return list(BY_NAME)


def full_view(chart: Chart, view: Any, lang: str) -> str:
    """The dashboard address of this chart's view (with its anchor where the page has several charts)."""
    url = view.url(lang)
    return f"{url}#{chart.name}" if len(on_page(chart.page)) > 1 else url


def embed_content(chart: Chart, params: Mapping[str, object], lang: str) -> EmbedContent:
    """``/embed/<name>?…``: the page's own view correction and builder, drawn for a frame."""
    view, notices = chart.view.from_params(dict(params), lang)
    content = EMBED_KINDS[chart.kind](chart, view, lang)
    content.notices = [*notices, *content.notices]
    return content


def _map_embed(chart: Chart, view: MapView, lang: str) -> EmbedContent:
    drawing: MapDrawing = chart.draw(view, lang)
    drawing.figure.update_layout(height=EMBED_CHART_HEIGHT)
    stem = chart.file_stem(view)
    return EmbedContent(
        title=drawing.title,
        subtitle=drawing.caption,
        chart=dcc.Graph(id="embed-graph", figure=drawing.figure, config=drawing.config, className="embed-graph",
                        style={"height": f"{EMBED_CHART_HEIGHT}px"}),
        source_ids=drawing.source_ids,
        full_view=full_view(chart, view, lang),
        csv_text=map_csv(view, lang),
        csv_filename=f"{stem}.csv",
        image_name=stem,
    )


def _plotly_embed(chart: Chart, view: Any, lang: str) -> EmbedContent:
    data: ChartData = chart.draw(view, lang)
    title = translator(lang)(chart.title)
    data.figure.update_layout(height=EMBED_CHART_HEIGHT)
    stem = chart.file_stem(view)
    return EmbedContent(
        title=title,
        subtitle=data.reading,
        chart=dcc.Graph(id="embed-graph", figure=data.figure, config=graph_config(lang),
                        className="embed-graph", style={"height": f"{EMBED_CHART_HEIGHT}px"}),
        source_ids=list(data.source_ids),
        full_view=full_view(chart, view, lang),
        csv_text=chart_csv(title, data, lang),
        csv_filename=f"{stem}.csv",
        image_name=stem,
    )


def _svg_embed(chart: Chart, view: BriefingView, lang: str) -> EmbedContent:
    drawn: BriefingChart | None = chart.draw(view, lang)
    stem = chart.file_stem(view)
    if drawn is None:
        _ = translator(lang)
        message = _("No published figures to draw for {place}.").format(place=place_name(view.place))
        return EmbedContent(place_name(view.place), "", html.P(message, className="embed-empty"), [],
                            full_view(chart, view, lang), "", f"{stem}.csv", stem)
    return EmbedContent(drawn.title, "", chart_image(drawn, "embed-image"), drawn.source_ids,
                        full_view(chart, view, lang), briefing_csv(drawn, lang), f"{stem}.csv", stem)


EMBED_KINDS: dict[str, Callable[[Chart, Any, str], EmbedContent]] = {
    "map": _map_embed, "plotly": _plotly_embed, "svg": _svg_embed,
}
