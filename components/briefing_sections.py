"""The sections of a briefing page, in reading order, each saying plainly when the data has a gap.

Every figure carries a numbered reference; ``Citations`` numbers sources in the order they are
first cited, and the last section lists them in full with where in each source the figures appear.
"""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from analysis.briefing_figures import COUNTRY, Briefing, Point, place_name
from analysis.briefing_text import (
    against_national,
    change_text,
    format_number,
    lower_first,
    national_spread,
    neighbours_text,
    percent_change,
    publication_date,
    rank_text,
    trend_text,
    value_text,
)
from analysis.labels import indicator_name, source_organisation, source_record, source_title
from analysis.map_frames import SMALL_COUNT
from components.briefing_charts import BriefingChart, chart_csv, chart_image, compare_chart, trend_chart
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

MAX_NATIONAL_MUNICIPALITIES = 12
EVIDENCE = {
    "evaluation": N_("Independent evaluation"),
    "observational": N_("Observational: before and after, without a control group"),
}


class Citations:
    """Numbers sources in order of first citation and remembers where in each the figures were read."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.locators: dict[str, list[str]] = {}

    def __call__(self, point: Point | str, locator: str = "") -> str:
        source_id = point if isinstance(point, str) else point.source_id
        locator = locator or ("" if isinstance(point, str) else point.locator)
        number = self.numbers.setdefault(source_id, len(self.numbers) + 1)
        places = self.locators.setdefault(source_id, [])
        if locator and locator not in places:
            places.append(locator)
        return f"[{number}]"


def section(section_id: str, title: str, children: list) -> Component:
    return html.Section([html.H2(title, className="h4"), *children], id=section_id, className="briefing-section")


def gap(text: str) -> Component:
    return html.P(text, className="briefing-gap")


def chart_block(chart: BriefingChart, chart_name: str, code: str, lang: str, cite: Citations) -> Component:
    """The chart with its caption, downloads and Embed action; file names and the embed come from the registry."""
    _ = translator(lang)
    export = registered(chart_name).export(BriefingView(code), lang, chart.rows, chart.source_ids, title=chart.title)
    stem = export.filename
    refs = " ".join(cite(s) for s in chart.source_ids)
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
        className="briefing-chart mb-3",
        **{"data-chart-scope": chart_name},
    )


def figures_section(b: Briefing, lang: str, cite: Citations) -> Component:
    _ = translator(lang)
    title = _("Latest figures and how they changed")
    name = place_name(b.code)
    if not b.figures:
        return section("briefing-figures", title, [gap(
            _("No source in our data package published a figure for {place}: no violent deaths, homicides, police "
              "killings or disappearances at this level. The absence is a gap in publication, not a count of zero.")
            .format(place=name))])
    rows = []
    for line in b.figures:
        series, latest = line.series, line.series.latest
        figure: list = [value_text(latest.value, series.unit, lang)]
        if line.count is not None:
            figure.append(" (" + _("{count} deaths").format(count=format_number(line.count.value, lang)) + ")")
        figure.append(" " + cite(latest))
        rows.append(html.Tr([
            html.Td(indicator_name(series.indicator, lang)),
            html.Td(query.producer_name(series.producer, lang)),
            html.Td(str(latest.year)),
            html.Td(figure),
            html.Td(change_text(series, lang)),
        ]))
    table = html.Table(
        [html.Thead(html.Tr([html.Th(_(h)) for h in (N_("Indicator"), N_("Source"), N_("Year"), N_("Figure"),
                                                      N_("Change"))])),
         html.Tbody(rows)],
        className="table table-sm briefing-table",
    )
    note = _("Each line compares a figure with the same source's previous published year; sources are never mixed. "
             "Rates are per 100,000 inhabitants, on each source's own population base.")
    return section("briefing-figures", title, [html.Div(table, className="table-responsive"), html.P(note, className="small")])


def compare_section(b: Briefing, lang: str, cite: Citations) -> Component:
    _ = translator(lang)
    name = place_name(b.code)
    national = b.code == COUNTRY
    title = _("The states compared") if national else _("Compared with the country and its neighbours")
    c = b.comparison
    if c is None:
        return section("briefing-compare", title, [gap(
            _("Without a published rate for {place}, it cannot be compared with the country or its neighbours.")
            .format(place=name))])
    if national:
        texts = [national_spread(c, lang)]
    else:
        texts = [against_national(c, name, lang, cite), rank_text(c, lang),
                 neighbours_text(c, name, is_island(b.code), lang)]
    chart = compare_chart(b, lang)
    return section("briefing-compare", title, [html.P(" ".join(t for t in texts if t)),
                                               chart_block(chart, "briefing-compare", b.code, lang, cite)])


def municipalities_section(b: Briefing, lang: str, cite: Citations) -> Component:
    _ = translator(lang)
    name = place_name(b.code)
    title = _("Municipalities with published figures")
    if b.municipality_total == 0:
        return section("briefing-municipalities", title, [gap(
            _("{place} has no municipalities: it is a set of islands administered by the national government.")
            .format(place=name))])
    places = list(dict.fromkeys(m.code for m in b.municipalities))
    if not places:
        return section("briefing-municipalities", title, [gap(
            _("None of the {total} municipalities of {place} has a published figure in our sources.")
            .format(total=b.municipality_total, place=name))])
    shown = b.municipalities
    intro = _("{count} of the {total} municipalities have at least one published figure; the others have none in our "
              "sources.").format(count=len(places), total=b.municipality_total)
    if b.code == COUNTRY:
        first = shown[0]
        shown = [m for m in shown if (m.indicator, m.unit, m.producer) == (first.indicator, first.unit, first.producer)]
        shown = sorted(shown, key=lambda m: -m.point.value)[:MAX_NATIONAL_MUNICIPALITIES]
        intro += " " + _("The table lists the {count} highest latest rates of {indicator}.").format(
            count=len(shown), indicator=lower_first(indicator_name(first.indicator, lang)))
    rows = [
        html.Tr([
            html.Td(codes.municipality_name(m.code) + ("" if b.code != COUNTRY
                                                       else f" ({codes.state_name(codes.state_of_municipality(m.code))})")),
            html.Td(indicator_name(m.indicator, lang)),
            html.Td(str(m.point.year)),
            html.Td([value_text(m.point.value, m.unit, lang), " ", cite(m.point)]),
        ])
        for m in shown
    ]
    table = html.Table(
        [html.Thead(html.Tr([html.Th(_(h)) for h in (N_("Municipality"), N_("Indicator"), N_("Year"), N_("Figure"))])),
         html.Tbody(rows)],
        className="table table-sm briefing-table",
    )
    caution = _("Municipal rates rest on few deaths and small populations; rates from fewer than {count} deaths are "
                "unstable.").format(count=SMALL_COUNT)
    return section("briefing-municipalities", title, [html.P(intro), html.Div(table, className="table-responsive"),
                                                      html.P(caution, className="small")])


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
    return section("briefing-trend", title, [html.P(" ".join(t for t in texts if t)),
                                             chart_block(chart, "briefing-trend", b.code, lang, cite)])


def _practice_card(row: dict, lang: str, cite: Citations, reference: float | None, name: str) -> Component:
    _ = translator(lang)
    places = query.places().set_index("place_id")
    place = places.loc[row["place_id"], f"name_{lang}"] if row["place_id"] in places.index else row["place_id"]
    end = row.get("period_end")
    period = (_("since {year}").format(year=int(row["period_start"])) if end is None or str(end) in ("", "<NA>", "nan")
              else f"{int(row['period_start'])}–{int(end)}")
    baseline, outcome = float(row["baseline_value"]), float(row["outcome_value"])
    change = percent_change(outcome, baseline)
    measured = _("Measured: {before} per 100,000 in {before_year}, {after} in {after_year} ({change} %).").format(
        before=format_number(baseline, lang), before_year=int(row["baseline_year"]),
        after=format_number(outcome, lang), after_year=int(row["outcome_year"]),
        change=("+" if change and change > 0 else "−") + format_number(round(abs(change or 0)), lang))
    refs = [cite(str(row["source_id"]))]
    if row.get("evaluation_source_id"):
        refs.append(cite(str(row["evaluation_source_id"])))
    why = ""
    if reference:
        why = _("Chosen because its starting rate ({before}) is the closest in the regional tables to the latest rate of "
                "{place} ({reference}).").format(before=format_number(baseline, lang), place=name,
                                                 reference=format_number(reference, lang))
    return html.Div(
        [
            html.H3(f"{row[f'title_{lang}']} — {place}, {period}", className="h6 mb-1"),
            html.P(row[f"summary_{lang}"], className="mb-1"),
            html.P([html.Strong(measured), " ", row[f"outcome_{lang}"], " ", " ".join(refs)], className="mb-1"),
            html.P([html.Em(_(EVIDENCE.get(row["evidence_level"], row["evidence_level"]))), ". ",
                    _("Caveat: {text}").format(text=row[f"caveat_{lang}"])], className="mb-1 small"),
            html.P(why, className="mb-0 small text-body-secondary") if why else None,
        ],
        className="briefing-practice",
    )


def practices_section(b: Briefing, lang: str, cite: Citations) -> Component:
    _ = translator(lang)
    title = _("What worked elsewhere in the region")
    if not b.practices:
        return section("briefing-practices", title, [gap(_("The regional tables hold no practice with a measured outcome."))])
    intro = _("Practices from Latin American cities and states whose effect on homicide was measured. They are "
              "examples to examine, not recommendations; each outcome is given with its caveat.")
    cards = [_practice_card(row, lang, cite, b.practice_reference, place_name(b.code)) for row in b.practices]
    return section("briefing-practices", title, [html.P(intro), *cards])


def sources_section(lang: str, cite: Citations) -> Component:
    _ = translator(lang)
    items = []
    latest = ""
    for source_id, number in sorted(cite.numbers.items(), key=lambda item: item[1]):
        record = source_record(source_id)
        published = record.get("published", "")
        latest = max(latest, published)
        url = record.get("url", "")
        parts: list = [f"[{number}] ", html.Strong(source_organisation(source_id, lang)), ". ",
                       source_title(source_id, lang), ". "]
        if published:
            parts.append(_("Published {date}.").format(date=publication_date(published, lang)) + " ")
        if url.startswith("http"):
            parts.append(html.A(url, href=url, rel="noopener noreferrer", className="briefing-url"))
            parts.append(". ")
        where = cite.locators.get(source_id) or []
        if where:
            parts.append(_("Where: {places}.").format(places="; ".join(query.in_language(w, lang) for w in where)) + " ")
        if record.get("licence"):
            parts.append(_("Terms: {licence}").format(licence=query.in_language(record["licence"], lang)) + ".")
        items.append(html.Li(parts))
    closing = _("Figures published up to {date}. Compiled from the data package of this dashboard; our compilation is "
                "published under CC BY 4.0. Where no figure was published, this briefing says so; no gap is filled "
                "with an estimate.").format(date=publication_date(latest, lang) if latest else "—")
    return section("briefing-sources", _("Sources"), [html.Ol(items, className="briefing-citations list-unstyled"),
                                                      html.P(closing, className="small")])


def data_date(cite: Citations) -> str:
    """The most recent publication date among the cited sources."""
    return max((source_record(s).get("published", "") for s in cite.numbers), default="")


__all__ = ["Citations", "compare_section", "data_date", "figures_section", "municipalities_section",
           "practices_section", "sources_section", "trend_section"]
