"""The sections of a briefing, in reading order, each saying plainly when the data has a gap:
the headline box, the trend, where violence is concentrated, options for action
(``components/briefing_options``) and the sources.

Every figure carries a numbered reference; ``Citations`` numbers sources in the order they are
first cited, and the last section lists them, compactly, with where in each source the figures appear.
"""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from analysis.briefing_figures import (
    COUNTRY,
    OVV,
    SIDE_BY_SIDE,
    Briefing,
    Point,
    Series,
    latest_official,
    official_vs_ovv,
    place_name,
    yearly,
)
from analysis.briefing_options import share_of
from analysis.briefing_text import (
    against_national,
    change_text,
    count_text,
    format_number,
    lead,
    lower_first,
    national_spread,
    neighbours_text,
    publication_date,
    rank_text,
    trend_text,
    value_text,
)
from analysis.labels import indicator_name, source_organisation, source_record, source_title, unit_label
from analysis.map_frames import SMALL_COUNT
from components.briefing_charts import (
    BriefingChart,
    chart_csv,
    chart_image,
    compare_chart,
    short_producer,
    trend_chart,
)
from components.chart_card import export_texts
from components.chart_registry import chart as registered
from components.embed_frame import csv_href
from components.embed_snippet import embed_action
from data import query
from geo import codes
from geo.neighbours import is_island
from i18n import translator
from i18n.markers import N_
from views.briefing_view import BriefingView

MAX_MUNICIPALITIES = 5
GROUP_FROM = 3  # a chart line read in this many publications of one producer gets one grouped reference


class Citations:
    """Numbers sources in order of first citation and remembers where in each the figures were read."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.locators: dict[str, list[str]] = {}
        self.groups: dict[str, list[str]] = {}  # group key -> its sources, for a series read in many reports

    def group(self, producer: str, source_ids: list[str]) -> str:
        """One reference for a producer's series read across several of its publications (a chart's line):
        the list names each publication, the chart's CSV gives each figure's source and address."""
        key = f"group:{producer}:" + ",".join(sorted(source_ids))
        self.groups.setdefault(key, sorted(source_ids))
        return self(key)

    def __call__(self, point: Point | str, locator: str = "") -> str:
        source_id = point if isinstance(point, str) else point.source_id
        locator = locator or ("" if isinstance(point, str) else point.locator)
        number = self.numbers.setdefault(source_id, len(self.numbers) + 1)
        places = self.locators.setdefault(source_id, [])
        if locator and locator not in places:
            places.append(locator)
        return f"[{number}]"


def section(section_id: str, title: str, children: list, box: bool = False) -> Component:
    return html.Section([html.H2(title, className="h4"), *children], id=section_id,
                        className="briefing-section" + (" briefing-box" if box else ""))


def gap(text: str) -> Component:
    return html.P(text, className="briefing-gap")


def chart_block(chart: BriefingChart, chart_name: str, code: str, lang: str, cite: Citations) -> Component:
    """The chart with its caption, downloads and Embed action; file names and the embed come from the registry."""
    _ = translator(lang)
    export = registered(chart_name).export(BriefingView(code), lang, chart.rows, chart.source_ids, title=chart.title)
    stem = export.filename
    by_producer: dict[str, list[str]] = {}
    for source_id in chart.source_ids:
        by_producer.setdefault(query.producer_of(source_id), []).append(source_id)
    refs = " ".join(cite.group(p, ids) if len(ids) >= GROUP_FROM else " ".join(cite(s) for s in ids)
                    for p, ids in by_producer.items())
    sources_word = _("Sources:")
    button = "btn btn-outline-secondary btn-sm"
    return html.Div(
        [
            html.Figure(
                [chart_image(chart, f"{chart_name}-image"),
                 html.Figcaption(f"{chart.title}. {sources_word} {refs}", className="small text-body-secondary")],
                className="briefing-figure mb-1",
            ),
            html.Div(
                [
                    html.A(_("Download CSV"), href=csv_href(chart_csv(chart, lang)), download=f"{stem}.csv",
                           className=button),
                    html.Button(_("Download PNG"), type="button", className=button,
                                **{"data-image-format": "png", "data-image-name": stem}),
                    html.Button(_("Download SVG"), type="button", className=button,
                                **{"data-image-format": "svg", "data-image-name": stem}),
                    embed_action(chart_name, lang, chart.title, {"place": code}),
                    export_texts(export.as_dict()),
                ],
                className="briefing-chart-actions d-flex flex-wrap gap-2 align-items-start no-print",
            ),
        ],
        className="briefing-chart mb-2",
        **{"data-chart-scope": chart_name},
    )


def figures_table(b: Briefing, lang: str, cite: Citations) -> Component:
    """Every indicator and producer's latest figure for the place, with its change: one compact table."""
    _ = translator(lang)
    rows = []
    for line in b.figures:
        series, latest = line.series, line.series.latest
        figure: list = [value_text(latest.value, series.unit, lang, series.indicator)]
        if line.count is not None:
            figure.append(" (" + count_text(series.indicator, line.count.value, lang) + ")")
        figure.append(" " + cite(latest))
        rows.append(html.Tr([
            html.Td(indicator_name(series.indicator, lang)),
            html.Td(short_producer(series.producer, lang), title=query.producer_name(series.producer, lang)),
            html.Td(str(latest.year)),
            html.Td(figure),
            html.Td(change_text(series, lang) if series.previous is not None else "—"),
        ]))
    return html.Table(
        [html.Thead(html.Tr([html.Th(_(h)) for h in (N_("Indicator"), N_("Source"), N_("Year"), N_("Figure"),
                                                      N_("Change"))])),
         html.Tbody(rows)],
        className="table table-sm briefing-table",
    )


def headline_figure(series: Series, lang: str, cite: Citations) -> Component:
    """The big number: value, what it measures, the year and the producer, with its reference."""
    latest = series.latest
    assert latest is not None
    what = f"{indicator_name(series.indicator, lang)} · {unit_label(series.unit, lang)}"
    return html.Div([
        html.Span(format_number(latest.value, lang), className="briefing-big"),
        html.Span([what, html.Br(), f"{latest.year} · {query.producer_name(series.producer, lang)} {cite(latest)}"],
                  className="briefing-big-label"),
    ], className="briefing-headline-figure")


def headline_section(b: Briefing, lang: str, cite: Citations) -> Component:
    """State briefings: the headline figure with its change, the country and the published rank, then
    every latest figure in one table."""
    _ = translator(lang)
    title = _("Latest figures")
    name = place_name(b.code)
    if not b.figures:
        return section("briefing-figures", title, [gap(
            _("No source in our data package published a figure for {place}: no violent deaths, homicides, police "
              "killings or disappearances at this level. The absence is a gap in publication, not a count of zero.")
            .format(place=name))], box=True)
    children: list = []
    if b.headline is not None:
        children.append(headline_figure(b.headline, lang, cite))
    texts = [lead(b, lang, cite)]
    if b.comparison is not None:
        texts += [against_national(b.comparison, name, lang, cite), rank_text(b.comparison, lang)]
    note = _("Each change compares a figure with the same source's previous published year (—: no earlier figure); "
             "sources are never mixed. Rates are per 100,000 inhabitants, on each source's own population base.")
    children += [html.P(" ".join(t for t in texts if t), className="briefing-lead"),
                 html.Div(figures_table(b, lang, cite), className="table-responsive"),
                 html.P(note, className="small mb-0")]
    return section("briefing-figures", title, children, box=True)


def national_headline_section(b: Briefing, lang: str, cite: Citations) -> Component:
    """The nation: OVV's latest rate and the latest official one, then both for the same years."""
    _ = translator(lang)
    ovv = yearly("country", COUNTRY, "violent_deaths", "rate_per_100k", OVV)
    official = latest_official()
    shown = [s for s in (ovv, official) if s is not None and s.points]
    children: list = [html.Div([headline_figure(s, lang, cite) for s in shown], className="briefing-headline-pair")]
    texts = [_("{producer}: {change}.").format(producer=query.producer_name(s.producer, lang),
                                               change=change_text(s, lang)) for s in shown]
    children.append(html.P(" ".join(texts), className="briefing-lead"))
    rows = official_vs_ovv()
    if rows:
        head = [_("Year"), indicator_name("violent_deaths", lang) + " · OVV", indicator_name("homicides", lang) + " · OVV",
                _("Official homicide rate")]
        body = []
        for row in rows:
            cells = [html.Td(str(row.year))]
            for indicator in SIDE_BY_SIDE:
                point = row.ovv.get(indicator)
                cells.append(html.Td(f"{format_number(point.value, lang)} {cite(point)}" if point else "—"))
            cells.append(html.Td("; ".join(f"{format_number(p.value, lang)} ({short_producer(producer, lang)}) {cite(p)}"
                                           for producer, p in row.official)))
            body.append(html.Tr(cells))
        children += [
            html.H3(_("Official figures and OVV's, the same years"), className="h6 mt-2"),
            html.Div(html.Table([html.Thead(html.Tr([html.Th(h) for h in head])), html.Tbody(body)],
                                className="table table-sm briefing-table", id="briefing-official-ovv"),
                     className="table-responsive"),
            html.P(_("Rates per 100,000 inhabitants. OVV's violent deaths add deaths by police intervention and deaths "
                     "under investigation to homicides; official bodies announce homicides only, without a breakdown by "
                     "state. Only years in which both published a rate are listed."), className="small mb-0"),
        ]
    return section("briefing-figures", _("Latest figures"), children, box=True)


def trend_section(b: Briefing, lang: str, cite: Citations) -> Component:
    _ = translator(lang)
    name = place_name(b.code)
    title = _("Trend")
    chart = trend_chart(b, lang)
    if chart is None:
        return section("briefing-trend", title, [gap(
            _("There is no series of rates for {place} to draw: no source published a rate of violent deaths or "
              "homicides for it.").format(place=name))])
    texts = [trend_text(s, place_name(s.code), lang) for s in b.trend]
    if b.code != COUNTRY and len(b.trend) > 1:
        texts.insert(1, _("The national line, from the same source, is drawn for reference."))
    return section("briefing-trend", title, [html.P(" ".join(t for t in texts if t), className="small"),
                                             chart_block(chart, "briefing-trend", b.code, lang, cite)])


def police_share_text(b: Briefing, lang: str, cite: Citations) -> str:
    """Deaths by police intervention as a share of violent deaths, where one producer published both."""
    _ = translator(lang)
    share = share_of(b.code, "police_killings", "violent_deaths")
    if share is None:
        return _("No source published both deaths by police intervention and violent deaths for {place} for the same "
                 "year, so their share cannot be given.").format(place=place_name(b.code))
    refs = cite(share.part) + ("" if share.whole.source_id == share.part.source_id else cite(share.whole))
    return _("Deaths by police intervention were {pct} % of violent deaths in {year} ({part} of {whole} {unit}; "
             "{producer} {ref}).").format(
        pct=format_number(share.percent, lang), year=share.part.year, part=format_number(share.part.value, lang),
        whole=format_number(share.whole.value, lang), unit=unit_label(share.unit, lang),
        producer=query.producer_name(share.producer, lang), ref=refs)


def concentration_section(b: Briefing, lang: str, cite: Citations) -> Component:
    """Where the violence is: the municipalities with the highest published figures (nationally also the
    spread between states) and the share of deaths by police intervention."""
    _ = translator(lang)
    name = place_name(b.code)
    title = _("Where violence is concentrated")
    texts: list[str] = []
    if b.code == COUNTRY and b.comparison is not None:
        texts.append(national_spread(b.comparison, lang))
    texts.append(police_share_text(b, lang, cite))
    children: list = [html.P(" ".join(texts))]
    comparison = compared(b, lang, cite)
    if b.municipality_total == 0:
        children.append(gap(_("{place} has no municipalities: it is a set of islands administered by the national "
                              "government.").format(place=name)))
        return section("briefing-concentration", title, [*children, comparison])
    places = list(dict.fromkeys(m.code for m in b.municipalities))
    if not places:
        children.append(gap(_("None of the {total} municipalities of {place} has a published figure in our sources.")
                            .format(total=b.municipality_total, place=name)))
        return section("briefing-concentration", title, [*children, comparison])
    first = b.municipalities[0]
    shown = [m for m in b.municipalities if (m.indicator, m.unit, m.producer) == (first.indicator, first.unit, first.producer)]
    shown = sorted(shown, key=lambda m: -m.point.value)[:MAX_MUNICIPALITIES]
    intro = _("{count} of the {total} municipalities have at least one published figure; the others have none in our "
              "sources. Highest latest figures of {indicator}:").format(
        count=len(places), total=b.municipality_total, indicator=lower_first(indicator_name(first.indicator, lang)))
    rows = [
        html.Tr([
            html.Td(codes.municipality_name(m.code) + ("" if b.code != COUNTRY
                                                       else f" ({codes.state_name(codes.state_of_municipality(m.code))})")),
            html.Td(str(m.point.year)),
            html.Td(f"{value_text(m.point.value, m.unit, lang, m.indicator)} ({short_producer(m.producer, lang)}) "
                    f"{cite(m.point)}"),
        ])
        for m in shown
    ]
    table = html.Table(
        [html.Thead(html.Tr([html.Th(_(h)) for h in (N_("Municipality"), N_("Year"), N_("Figure"))])),
         html.Tbody(rows)],
        className="table table-sm briefing-table", id="briefing-municipalities-table",
    )
    caution = _("Municipal rates rest on few deaths and small populations; rates from fewer than {count} deaths are "
                "unstable.").format(count=SMALL_COUNT)
    children += [html.P(intro, className="mb-1"), html.Div(table, className="table-responsive"),
                 html.P(caution, className="small mb-0"), comparison]
    return section("briefing-concentration", title, children)


def compared(b: Briefing, lang: str, cite: Citations) -> Component | None:
    """On the page only (``no-print``): the place beside the country and its neighbours (nationally, the
    states), with its chart; the two-page document keeps the rank and the national rate in its box."""
    chart = compare_chart(b, lang)
    if chart is None or b.comparison is None:
        return None
    text = ("" if b.code == COUNTRY else neighbours_text(b.comparison, place_name(b.code), is_island(b.code), lang))
    return html.Div([html.P(text, className="mt-3") if text else None,
                     chart_block(chart, "briefing-compare", b.code, lang, Citations())],
                    className="no-print briefing-compare", id="briefing-compare")


def _group_entry(number: int, source_ids: list[str], lang: str) -> list:
    """A grouped reference: the producer once, then each publication's title and date."""
    _ = translator(lang)
    titles = "; ".join(f"{source_title(s, lang)} ({source_record(s).get('published', '')[:4]})" for s in source_ids)
    return [f"[{number}] ", html.Strong(source_organisation(source_ids[0], lang)), ". ", titles, ". ",
            _("Each figure's publication and address are in the chart's CSV download and on the data page.")]


def sources_section(lang: str, cite: Citations) -> Component:
    """The citations in full but compact: organisation, title, date, address and where the figures are."""
    _ = translator(lang)
    items = []
    for source_id, number in sorted(cite.numbers.items(), key=lambda item: item[1]):
        if source_id in cite.groups:
            items.append(html.Li(_group_entry(number, cite.groups[source_id], lang)))
            continue
        record = source_record(source_id)
        published = record.get("published", "")
        url = record.get("url", "")
        parts: list = [f"[{number}] ", html.Strong(source_organisation(source_id, lang)), ". ",
                       source_title(source_id, lang), ". "]
        if published:
            parts.append(publication_date(published, lang) + ". ")
        where = cite.locators.get(source_id) or []
        if where:
            parts.append(html.Span(_("Where: {places}.").format(places="; ".join(query.in_language(w, lang) for w in where))
                                   + " ", className="no-print"))
        if url.startswith("http"):
            parts.append(html.A(url, href=url, rel="noopener noreferrer", className="briefing-url"))
        items.append(html.Li(parts))
    closing = _("Compiled from the data package of this dashboard; our compilation is published under CC BY 4.0. "
                "Where no figure was published, this briefing says so; no gap is filled with an estimate.")
    return section("briefing-sources", _("Sources"), [html.P(closing, className="small"),
                                                      html.Ol(items, className="briefing-citations list-unstyled")])


__all__ = ["Citations", "concentration_section", "headline_section", "national_headline_section", "sources_section",
           "trend_section"]
