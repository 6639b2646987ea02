"""Embed builders for the trends and comparison charts: the same view, corrections and CSV as the page.

Each chart of those pages reads the page's URL parameters; its embed normalises them with the
page's own function and draws the chart with the page's own builder, so the two cannot drift.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import urlencode

from dash import dcc

from components.benchmark_charts import lines_chart, ranking_chart, trajectory_chart
from components.chart_card import ChartData, chart_csv
from components.embed_frame import EmbedBuilder, EmbedContent
from components.trend_charts import composition_chart, national_chart, population_chart, state_chart
from i18n import translator
from views.compare_view import COMPARE_CHARTS, CompareView
from views.compare_view import normalise as normalise_compare
from views.trends_view import TREND_CHARTS, TrendView
from views.trends_view import normalise as normalise_trends

EMBED_CHART_HEIGHT = 420


def _compare_params(view: CompareView) -> dict[str, str]:
    return {"year": str(view.year), "source": view.source, "countries": ",".join(view.countries), "align": view.align}


TREND_BUILDERS: dict[str, Callable[[str, TrendView], ChartData]] = {
    "national": lambda lang, v: national_chart(lang, list(v.indicators), v.unit),
    "composition": lambda lang, v: composition_chart(lang, v.composition),
    "population": lambda lang, v: population_chart(lang, v.base_indicator),
    "states": lambda lang, v: state_chart(lang, list(v.states), v.state_indicator, v.state_unit),
}
COMPARE_BUILDERS: dict[str, Callable[[str, CompareView], ChartData]] = {
    "ranking": lambda lang, v: ranking_chart(lang, v.year, v.source),
    "lines": lambda lang, v: lines_chart(lang, list(v.countries), v.source),
    "trajectories": lambda lang, v: trajectory_chart(lang, v.align, v.source),
}


def _content(lang: str, chart_id: str, title: str, data: ChartData, full_view: str, notices: list[str]) -> EmbedContent:
    figure = data.figure
    figure.update_layout(height=EMBED_CHART_HEIGHT)
    return EmbedContent(
        title=title,
        subtitle=data.reading,
        chart=dcc.Graph(id="embed-graph", figure=figure, config={"displaylogo": False, "responsive": True},
                        className="embed-graph", style={"height": f"{EMBED_CHART_HEIGHT}px"}),
        source_ids=list(data.source_ids),
        full_view=full_view,
        csv_text=chart_csv(title, data, lang),
        csv_filename=f"{chart_id.replace('-', '_')}.csv",
        image_name=chart_id.replace("-", "_"),
        notices=notices,
    )


def page_chart_embed(slug: str, key: str, normalise: Callable, query_params: Callable, titles: Mapping[str, str],
                     builders: Mapping[str, Callable]) -> EmbedBuilder:
    """The embed of chart ``key`` of page ``slug``: the page's normaliser, title and chart builder."""

    def build(params: Mapping[str, object], lang: str) -> EmbedContent:
        view, notices = normalise(dict(params), lang)
        title = translator(lang)(titles[key])
        full = f"/{lang}/{slug}?{urlencode(query_params(view))}#{slug}-{key}"
        return _content(lang, f"{slug}-{key}", title, builders[key](lang, view), full, notices)

    return build


CHART_EMBEDS: dict[str, EmbedBuilder] = {
    **{f"trends-{key}": page_chart_embed("trends", key, normalise_trends, TrendView.query_params, TREND_CHARTS,
                                         TREND_BUILDERS) for key in TREND_BUILDERS},
    **{f"compare-{key}": page_chart_embed("compare", key, normalise_compare, _compare_params, COMPARE_CHARTS,
                                          COMPARE_BUILDERS) for key in COMPARE_BUILDERS},
}
