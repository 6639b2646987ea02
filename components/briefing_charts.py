"""The two charts of a briefing — the trend and the comparison — with the rows they draw, so the
page, its print version, the embed and the CSV download all show the same figures.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from dash import html

from analysis.briefing_figures import COUNTRY, Briefing, Series, place_name
from analysis.labels import indicator_name, source_organisation, source_record, source_title, unit_label
from components.briefing_svg import Bar, Line, bar_chart, line_chart, svg_image
from components.source_note import file_footer
from data import query
from data.csv_safe import SafeWriter
from i18n import translator
from i18n.markers import N_

TREND_TITLE = N_("Trend of the rate")
COMPARE_TITLE = N_("Compared with the country and its neighbours")
NATIONAL_COMPARE_TITLE = N_("The states compared")
COLUMNS = ("place", "code", "indicator", "unit", "producer", "year", "value", "source_id")


@dataclass
class BriefingChart:
    title: str
    svg: str
    alt: str
    rows: list[dict]

    @property
    def source_ids(self) -> list[str]:
        return list(dict.fromkeys(str(r["source_id"]) for r in self.rows))


def chart_image(chart: BriefingChart, element_id: str) -> html.Img:
    return svg_image(chart.svg, chart.alt, element_id)


def _row(code: str, indicator: str, unit: str, producer: str, year: int, value: float, source_id: str) -> dict:
    return {"place": place_name(code), "code": code, "indicator": indicator, "unit": unit, "producer": producer,
            "year": year, "value": value, "source_id": source_id}


def short_producer(producer: str, lang: str) -> str:
    """"OVV" for "Observatorio Venezolano de Violencia (OVV)"; the producer id in capitals otherwise."""
    match = re.search(r"\(([^()]+)\)\s*$", query.producer_name(producer, lang))
    return match.group(1) if match else producer.upper()


def series_label(series: Series, lang: str, several_indicators: bool) -> str:
    """Legend text: the place (state briefings) or the indicator (national), with its producer."""
    who = short_producer(series.producer, lang)
    name = indicator_name(series.indicator, lang) if several_indicators else place_name(series.code)
    return name if f"({who})" in name else f"{name} · {who}"


def trend_chart(b: Briefing, lang: str) -> BriefingChart | None:
    _ = translator(lang)
    if not b.trend:
        return None
    several = b.code == COUNTRY
    lines = [Line(series_label(s, lang, several), [(p.year, p.value) for p in s.points]) for s in b.trend]
    unit = unit_label("rate_per_100k", lang)
    producers = ", ".join(dict.fromkeys(query.producer_name(s.producer, lang) for s in b.trend))
    title = f"{_(TREND_TITLE)}: {place_name(b.code)} ({producers})"
    rows = [_row(s.code, s.indicator, s.unit, s.producer, p.year, p.value, p.source_id) for s in b.trend for p in s.points]
    alt = _("Line chart: {title}, {unit}. The figures are listed in the CSV download and in the text.").format(
        title=title, unit=unit)
    return BriefingChart(title, line_chart(lines, title, unit, lang), alt, rows)


def compare_chart(b: Briefing, lang: str) -> BriefingChart | None:
    _ = translator(lang)
    c = b.comparison
    if c is None:
        return None
    bars: list[Bar] = []
    rows: list[dict] = []
    if b.code != COUNTRY:
        bars.append(Bar(place_name(b.code), c.place.value, "place"))
        rows.append(_row(b.code, c.indicator, c.unit, c.producer, c.year, c.place.value, c.place.source_id))
    national_label = _("Venezuela (national)")
    bars.append(Bar(national_label, c.national.value if c.national else None, "national" if b.code != COUNTRY else "place"))
    if c.national:
        rows.append(_row(COUNTRY, c.indicator, c.unit, c.producer, c.year, c.national.value, c.national.source_id))
    for code, point in c.others:
        bars.append(Bar(place_name(code), point.value if point else None))
        if point:
            rows.append(_row(code, c.indicator, c.unit, c.producer, c.year, point.value, point.source_id))
    heading = _(NATIONAL_COMPARE_TITLE) if b.code == COUNTRY else _(COMPARE_TITLE)
    title = f"{heading}: {indicator_name(c.indicator, lang)}, {c.year} ({query.producer_name(c.producer, lang)})"
    alt = _("Bar chart: {title}, {unit}.").format(title=title, unit=unit_label(c.unit, lang))
    svg = bar_chart(bars, title, _("no published figure"), lang)
    return BriefingChart(title, svg, alt, rows)


def chart_csv(chart: BriefingChart, lang: str) -> str:
    """Exactly the figures drawn, with the chart's title, each source and the licence line."""
    _ = translator(lang)
    buffer = io.StringIO()
    buffer.write(f"# {chart.title}\n")
    for source_id in chart.source_ids:
        record = source_record(source_id)
        buffer.write(f"# {_('Source')} {source_id}: {source_organisation(source_id, lang)} — {source_title(source_id, lang)} — "
                     f"{record.get('url', '')}\n")
    buffer.write(file_footer(lang))
    writer = SafeWriter(buffer)
    writer.writerow(COLUMNS)
    for row in chart.rows:
        writer.writerow([row[c] for c in COLUMNS])
    return buffer.getvalue()
