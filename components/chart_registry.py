"""Every chart of the dashboard, declared once.

An entry names the chart (its anchor on the page, its embed name and its place in the warm-up list),
the page it sits on, its title, the view it reads (``views/``), the function that draws it and the name
of its files. The page's card, the callbacks that redraw it, ``/embed/<name>``, the CSV/PNG/SVG
downloads and the warm-up all follow from the entry, so adding a chart is one entry and one builder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dash import html

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
from components.embed_frame import EmbedContent, embed_graph
from components.map_figure import MAP_TITLE, MapDrawing, draw_map, map_csv
from components.trend_charts import composition_chart, national_chart, population_chart, state_chart
from i18n import translator
from i18n.markers import N_
from views import chart_words as words
from views.briefing_view import BriefingView
from views.compare_view import CompareView
from views.export_text import ExportText, export_text, file_stem
from views.map_view import MapView
from views.trends_view import TrendView

NOT_FIGURES = ("reference", "event")  # rows drawn for context (a target path, a dated event): not in the year span
KINDS = ("map", "plotly", "svg")


Words = Callable[[Any, str], list[str]]  # (view, lang) -> translated words


@dataclass(frozen=True)
class Chart:
    """One chart. Its files are named from ``file_words`` (in the page's language, no extension); ``about``
    gives its image's subtitle (``views/chart_words.py``)."""

    name: str
    page: str
    title: str  # English source text
    view: type
    draw: Callable[[Any, str], Any]  # (view, lang) -> MapDrawing | ChartData | BriefingChart | None
    file_words: Words  # (view, lang) -> the words its files are named from
    controls: tuple[str, ...] = ()  # URL parameters of the view that this chart's own controls set
    intro: str = ""  # English source text
    kind: str = "plotly"
    about: Words | None = None

    def file_stem(self, view: object, lang: str) -> str:
        """The name of the chart's files for a view (the export's name adds the span of the years drawn)."""
        return file_stem(self.file_words(view, lang))

    def export(self, view: Any, lang: str, rows: Iterable[Mapping[str, Any]], source_ids: Iterable[str],
               title: str | None = None) -> ExportText:
        """The texts written into this chart's PNG and SVG for a view: title, subtitle, the sources of the
        rows drawn, licence, link back and file name."""
        drawn = list(rows)
        about = self.about(view, lang) if self.about is not None else []
        years = [r.get("year") for r in drawn if r.get("status") not in NOT_FIGURES]
        return export_text(title if title is not None else translator(lang)(self.title), about, years, source_ids,
                           full_view(self, view, lang), self.file_words(view, lang), lang)


CHARTS: tuple[Chart, ...] = (
    Chart("map", "map", MAP_TITLE, MapView, draw_map, words.map_file_words,
          tuple(MapView.CONTROLS), kind="map", about=words.map_about),
    Chart("trends-national", "trends", N_("National series by source"), TrendView,
          lambda v, lang: national_chart(lang, list(v.indicators), v.unit), words.national_file_words,
          ("indicators", "unit"),
          N_("Each line is one producer's figures for one indicator; a later report that restates a year replaces "
             "the earlier figure, which stays visible as a hollow circle. Diamonds mark documented events: click one "
             "for its source."), about=words.national_about),
    Chart("trends-composition", "trends", N_("What OVV's violent deaths are made of"), TrendView,
          lambda v, lang: composition_chart(lang, v.composition), words.composition_file_words, ("composition",),
          N_("OVV's national count split into homicides, deaths from police intervention, deaths under investigation "
             "and, from 2021, disappearances."), about=words.composition_about),
    Chart("trends-population", "trends", N_("How much the rate depends on the population base"), TrendView,
          lambda v, lang: population_chart(lang, v.base_indicator), words.population_file_words,
          ("base_indicator",),
          N_("After millions of people emigrated, estimates of Venezuela's population differ by several million. "
             "Here one OVV count is divided by every population base published for the same year."),
          about=words.population_about),
    Chart("trends-states", "trends", N_("States against the country"), TrendView,
          lambda v, lang: state_chart(lang, list(v.states), v.state_indicator, v.state_unit),
          words.states_file_words, ("states", "state_indicator", "state_unit"),
          N_("Pick one or more states to draw them against the national series of the same producer. State figures "
             "are scarce: only the years a source published are drawn."), about=words.states_about),
    Chart("compare-ranking", "compare", N_("Countries ranked for one year"), CompareView,
          lambda v, lang: ranking_chart(lang, v.year, v.distributor), words.ranking_file_words, ("year", "source"),
          N_("UNODC intentional homicides per 100,000 people. Venezuela in vermillion; a country without a figure "
             "for the year is not drawn."), about=words.ranking_about),
    Chart("compare-lines", "compare", N_("Over time, with reference lines"), CompareView,
          lambda v, lang: lines_chart(lang, list(v.countries), v.distributor), words.lines_file_words,
          ("countries", "source"),
          N_("Venezuela and the countries you choose, with the regional average, the 10 per 100,000 level often "
             "called epidemic, and the path that would halve Venezuela's latest figure in ten years."),
          about=words.lines_about),
    Chart("compare-trajectories", "compare", N_("How fast good-practice places came down"), CompareView,
          lambda v, lang: trajectory_chart(lang, v.align, v.distributor), words.trajectories_file_words,
          ("align", "source"),
          N_("Each place's own series, indexed to 100 and aligned so that the speed of decline can be compared. "
             "Click a line to open its practice card below."), about=words.trajectories_about),
    Chart("compare-firearms", "compare", N_("Homicides committed with firearms"), CompareView,
          lambda v, lang: firearm_chart(lang), words.firearms_file_words, (),
          N_("The share of homicides committed with a firearm: each country's latest published figure since 2015, "
             "with its year and source. Venezuela in vermillion."), about=words.firearms_about),
    Chart("briefing-trend", "briefing", TREND_TITLE, BriefingView,
          lambda v, lang: trend_chart(briefing(v.place), lang), words.briefing_trend_file_words, kind="svg",
          about=words.briefing_about),
    Chart("briefing-compare", "briefing", COMPARE_TITLE, BriefingView,
          lambda v, lang: compare_chart(briefing(v.place), lang), words.briefing_compare_file_words, kind="svg",
          about=words.briefing_about),
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
    export = chart.export(view, lang, drawing.rows, drawing.source_ids, title=drawing.title)
    stem = export.filename
    return EmbedContent(
        title=drawing.title,
        subtitle=drawing.caption,
        chart=embed_graph(drawing.figure, drawing.config, "map"),
        source_ids=drawing.source_ids,
        full_view=full_view(chart, view, lang),
        csv_text=map_csv(view, lang),
        csv_filename=f"{stem}.csv",
        image_name=stem,
        export=export.as_dict(),
    )


def _plotly_embed(chart: Chart, view: Any, lang: str) -> EmbedContent:
    data: ChartData = chart.draw(view, lang)
    title = translator(lang)(chart.title)
    export = chart.export(view, lang, data.rows, data.source_ids, title=title)
    stem = export.filename
    return EmbedContent(
        title=title,
        subtitle=data.reading,
        chart=embed_graph(data.figure, graph_config(lang), "plotly"),
        source_ids=list(data.source_ids),
        full_view=full_view(chart, view, lang),
        csv_text=chart_csv(title, data, lang),
        csv_filename=f"{stem}.csv",
        image_name=stem,
        export=export.as_dict(),
    )


def _svg_embed(chart: Chart, view: BriefingView, lang: str) -> EmbedContent:
    drawn: BriefingChart | None = chart.draw(view, lang)
    stem = chart.file_stem(view, lang)
    if drawn is None:
        _ = translator(lang)
        message = _("No published figures to draw for {place}.").format(place=place_name(view.place))
        return EmbedContent(place_name(view.place), "", html.P(message, className="embed-empty"), [],
                            full_view(chart, view, lang), "", f"{stem}.csv", stem)
    export = chart.export(view, lang, drawn.rows, drawn.source_ids, title=drawn.title)
    return EmbedContent(drawn.title, "", chart_image(drawn, "embed-image"), drawn.source_ids,
                        full_view(chart, view, lang), briefing_csv(drawn, lang), f"{stem}.csv", stem,
                        export=export.as_dict())


EMBED_KINDS: dict[str, Callable[[Chart, Any, str], EmbedContent]] = {
    "map": _map_embed, "plotly": _plotly_embed, "svg": _svg_embed,
}
