"""The four charts of the trends page, each returned as ``ChartData`` (figure, rows, sources, reading).

Every drawn value is one row of the table and of the CSV; derived rates carry ``status=derived`` and
their inputs. Readings are written from the numbers, in the page's language.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from analysis.labels import (
    indicator_name,
    place_name,
    source_organisation,
    source_record,
    source_title,
    unit_label,
)
from analysis.trend_series import (
    COMPONENTS,
    OVV,
    composition,
    national_events,
    population_sensitivity,
    producer_label,
    producer_series,
    producers_for,
)
from components.chart_card import ChartData, source_ids_of
from components.chart_style import (
    DASHES,
    OKABE_ITO,
    SYMBOLS,
    SeriesStyle,
    base_layout,
    empty_figure,
    hover_lines,
    label_line_ends,
    series_styles,
)
from data import query
from i18n import translator
from i18n.markers import N_
from i18n.numbers import format_number

QUALIFIER_LABELS = {  # population.csv's qualifier codes
    "exact": N_("exact"),
    "rounded": N_("rounded"),
    "lower_bound": N_("lower bound"),
}
BASE_LABELS = {
    "ine_census": N_("INE 2011 census, as enumerated"),
    "ine_census_adjusted": N_("INE 2011 census, adjusted for omission"),
    "ine_projection": N_("INE projection"),
    "an_projection": N_("Projection approved by the National Assembly"),
    "ovv_stated": N_("Population stated by OVV"),
    "ovs_stated": N_("Population used by the Ministry's observatory (OVS)"),
    "encovi_estimate": N_("ENCOVI survey estimate"),
    "un_projection_2015": N_("UN projection made in 2015"),
    "ai_stated": N_("Population stated by Amnesty International"),
}
END_LABEL_MARGIN = 92  # px on the right for the labels at the line ends ("▲ CICPC 5,2")
END_LABEL_NAME = 10  # longer names (a ministry without an acronym) are left to the legend and the hover
NATIONAL_LINE = "#333333"  # the national series the states are drawn against
SERIES_COLUMNS = [
    ("series", N_("Series")), ("year", N_("Year")), ("value", N_("Value")), ("unit", N_("Unit")),
    ("status", N_("Status")), ("source_id", N_("Source")), ("locator_url", N_("Where it was read")),
    ("note", N_("Note")),
]


def _gapped(years: list[int], values: list[float]) -> tuple[list[int], list[float | None]]:
    """Insert empty points for missing years so a line breaks there instead of bridging the gap."""
    if not years:
        return [], []
    lookup = dict(zip(years, values, strict=True))
    span = list(range(min(years), max(years) + 1))
    return span, [lookup.get(y) for y in span]


def _row(series: str, year: int, value: Any, unit: str, rec: Any, lang: str, status: str | None = None
         ) -> dict[str, Any]:
    return {
        "series": series, "year": int(year), "value": float(value), "unit": unit,
        "status": status or getattr(rec, "status", "published"), "source_id": rec.source_id,
        "locator_url": getattr(rec, "locator_url", ""),
        "note": query.in_language(getattr(rec, "note", "") or "", lang),
        "read_via": read_via if isinstance(read_via := getattr(rec, "read_via", ""), str) else "",  # for the CSV header
    }


def _source_line(source_id: str, lang: str) -> str:
    """The publication a figure comes from, in full: organisation, title as published, date."""
    _ = translator(lang)
    record = source_record(source_id)
    title = source_title(source_id, lang)
    published = f" ({record['published']})" if record.get("published") else ""
    return _("Source: {source}").format(
        source=f"{source_organisation(source_id, lang)} — {title}{published}")


def _point_hovers(frame: Any, heading: str, series: str, unit: str, lang: str) -> list[str]:
    """One hover per published point: who produced it (in full), what and when, its value, its source."""
    unit_text = unit_label(unit, lang)
    return [hover_lines(heading, f"{series} · {int(r.year)}: {format_number(float(r.value), lang)} {unit_text}",
                        _source_line(r.source_id, lang))
            for r in frame.itertuples()]


def _gapped_text(years: list[int], texts: list[str]) -> list[str]:
    """Hover texts aligned with ``_gapped``'s points (empty where a year has no figure)."""
    lookup = dict(zip(years, texts, strict=True))
    return [lookup.get(y, "") for y in range(min(years), max(years) + 1)] if years else []


def _end_label(style: SeriesStyle, short: str, value: float, lang: str) -> str:
    """The marker's glyph, a short name when there is one (OVV, MIJ, a state) and the last value."""
    name = f"{short} " if len(short) <= END_LABEL_NAME else ""
    return f"{style.glyph} {name}{format_number(value, lang)}"


def _label_gap(figure: go.Figure) -> float:
    """How far apart (in the chart's units) two line-end labels must be not to overlap: about 16 px of the
    ~200 px high plot left on a 390-px phone once the legend wraps (more room than needed on a desktop),
    on an axis that runs from 0 to a little above the highest value drawn."""
    values = [y for trace in figure.data if trace.yaxis in (None, "y") for y in (trace.y or []) if y is not None]
    return 0.085 * max(values, default=1.0) or 1.0


def national_chart(lang: str, indicators: list[str], unit: str) -> ChartData:
    """Every producer's national series for the chosen indicators, side by side, with dated events."""
    _ = translator(lang)
    figure = go.Figure()
    rows: list[dict[str, Any]] = []
    superseded_x: list[int] = []
    superseded_y: list[float] = []
    superseded_text: list[str] = []
    latest: list[tuple[int, float, str]] = []
    drawn = [(i, indicator, producer) for i, indicator in enumerate(indicators)
             for producer in producers_for(indicator, unit, "country")]
    series = [(i, indicator, producer, *producer_series("country", "VEN", indicator, unit, producer))
              for i, indicator, producer in drawn]
    series = [s for s in series if not s[3].empty]
    styles = series_styles([producer for _i, _indicator, producer, _current, _earlier in series])
    ends: list[tuple[float, float, str, str]] = []
    for (i, indicator, producer, current, earlier), style in zip(series, styles, strict=True):
        name = f"{producer_label(producer, lang)} · {indicator_name(indicator, lang)}"
        full_name = query.producer_name(producer, lang)
        years = [int(y) for y in current["year"]]
        xs, ys = _gapped(years, [float(v) for v in current["value"]])
        figure.add_scatter(
            x=xs, y=ys, name=name, mode="lines+markers", connectgaps=False,
            line={"color": style.colour, "dash": DASHES[i % len(DASHES)], "width": 2},
            marker={"symbol": style.symbol, "size": 8, "color": style.colour},
            text=_gapped_text(years, _point_hovers(current, full_name, indicator_name(indicator, lang), unit, lang)),
            hovertemplate="%{text}<extra></extra>",
        )
        rows += [_row(name, r.year, r.value, unit, r, lang) for r in current.itertuples()]
        latest.append((years[-1], float(current["value"].iloc[-1]), name))
        ends.append((years[-1], float(current["value"].iloc[-1]),
                     _end_label(style, producer_label(producer, lang), float(current["value"].iloc[-1]), lang), style.colour))
        earlier_label = _("Earlier release, replaced by a later one")
        for r, text in zip(earlier.itertuples(), _point_hovers(earlier, full_name, indicator_name(indicator, lang),
                                                               unit, lang), strict=True):
            superseded_x.append(int(r.year))
            superseded_y.append(float(r.value))
            superseded_text.append(f"{text}<br>{earlier_label}")
            rows.append(_row(name, r.year, r.value, unit, r, lang, status="superseded"))
    if not rows:
        return ChartData(empty_figure(_("No published national figure for this selection.")), SERIES_COLUMNS, [], [],
                         _("No published national figure for this selection."))
    if superseded_x:
        figure.add_scatter(
            x=superseded_x, y=superseded_y, text=superseded_text, mode="markers", name=_("Earlier release of the same producer"),
            marker={"symbol": "circle-open", "size": 9, "color": "#555555"},
            hovertemplate="%{text}<extra></extra>",
        )
    events = national_events()
    if len(events):
        title = "title_es" if lang == "es" else "title_en"
        figure.add_scatter(
            x=list(events["x"]), y=[1.0] * len(events), yaxis="y2", mode="markers", name=_("Documented event"),
            marker={"symbol": "diamond", "size": 11, "color": "#444444"},
            customdata=list(events["event_id"]), text=list(events[title]),
            hovertemplate="%{text}<br>" + _("Click for the source") + "<extra></extra>",
        )
        for x in events["x"]:
            figure.add_vline(x=float(x), line={"color": "#bbbbbb", "width": 1, "dash": "dot"})
        for r in events.itertuples():
            rows.append({"series": _("Documented event"), "year": int(str(r.date)[:4]), "value": None, "unit": "",
                         "status": "event", "source_id": r.source_id, "locator_url": r.locator_url,
                         "note": f"{r.date}: {getattr(r, title)}"})
    base_layout(figure, unit_label(unit, lang), lang, height=480)
    figure.update_layout(yaxis2={"overlaying": "y", "range": [0, 1.05], "visible": False, "fixedrange": True},
                         xaxis={"tickformat": "d"}, margin={"r": END_LABEL_MARGIN})
    label_line_ends(figure, ends, _label_gap(figure))
    year, value, name = max(latest)
    reading = _("{count} series from {sources} producers are drawn. The most recent figure is {value} ({name}, {year}); "
                "where producers disagree, each value is shown, never an average.").format(
        count=len(latest), sources=len({n.split(' · ')[0] for _y, _v, n in latest}),
        value=format_number(value, lang), name=name, year=year)
    return ChartData(figure, SERIES_COLUMNS, rows, source_ids_of(rows), reading)


COMPONENT_COLOURS = dict(zip(COMPONENTS, (OKABE_ITO[0], OKABE_ITO[7], OKABE_ITO[1], OKABE_ITO[3]), strict=True))
COMPOSITION_COLUMNS = [
    ("category", N_("Category")), ("year", N_("Year")), ("count", N_("Count")), ("share_percent", N_("Share (%)")),
    ("share_status", N_("Status of the share")), ("share_inputs", N_("Inputs")), ("source_id", N_("Source")),
]


def composition_chart(lang: str, measure: str) -> ChartData:
    """OVV's violent deaths by category, as stacked counts or as shares of the categories reported."""
    _ = translator(lang)
    frame = composition(OVV)
    frame = frame[frame["share"].notna()]
    figure = go.Figure()
    rows: list[dict[str, Any]] = []
    for component in COMPONENTS:
        part = frame[frame["component"] == component]
        if part.empty:
            continue
        name = indicator_name(component, lang)
        values = list(part["value"] if measure == "count" else part["share"])
        producer = query.producer_name(OVV, lang)
        hovers = [hover_lines(producer, f"{name} · {int(r.year)}: " + (
            _("{count} deaths").format(count=format_number(r.value, lang)) if measure == "count" else
            _("{share} of the categories reported that year").format(share=format_number(r.share, lang) + " %")),
            _source_line(r.source_id, lang)) for r in part.itertuples()]
        figure.add_bar(x=list(part["year"]), y=values, name=name, marker_color=COMPONENT_COLOURS[component],
                       text=hovers, textposition="none", hovertemplate="%{text}<extra></extra>")
        rows += [{"category": name, "year": int(r.year), "count": int(r.value), "share_percent": r.share,
                  "share_status": "derived", "share_inputs": r.share_inputs, "source_id": r.source_id}
                 for r in part.itertuples()]
    if not rows:
        return ChartData(empty_figure(_("No published breakdown.")), COMPOSITION_COLUMNS, [], [], "")
    base_layout(figure, _("deaths") if measure == "count" else _("% of the categories reported that year"), lang, height=440)
    figure.update_layout(barmode="stack", xaxis={"dtick": 1})
    years = sorted(frame["year"].unique())
    first, last = int(years[0]), int(years[-1])

    def share(year: int, component: str) -> str:
        value = frame[(frame["year"] == year) & (frame["component"] == component)]["share"]
        return format_number(float(value.iloc[0]), lang) if len(value) else "—"

    reading = _("Homicides were {value}% of the deaths OVV classified in {year}; in {last} they were {last_value}%, "
                "while deaths under investigation were {investigation}% and police killings {police}%.").format(
        value=share(first, "homicides"), year=first, last=last, last_value=share(last, "homicides"),
        investigation=share(last, "deaths_under_investigation"), police=share(last, "police_killings"))
    notes = [_("Shares are derived by this dashboard: each category divided by the sum of the categories OVV "
               "reported that year (disappearances included from 2021). Years without the three main categories "
               "are left out.")]
    return ChartData(figure, COMPOSITION_COLUMNS, rows, source_ids_of(rows), reading, notes)


POPULATION_COLUMNS = [
    ("series", N_("Series")), ("year", N_("Year")), ("rate", N_("Rate per 100,000")), ("status", N_("Status")),
    ("count", N_("Count")), ("count_source", N_("Source of the count")), ("population", N_("Population")),
    ("population_base", N_("Population base")), ("population_source", N_("Source of the population")),
    ("qualifier", N_("How the population was stated")), ("inputs", N_("Inputs")),
]


def population_chart(lang: str, indicator: str) -> ChartData:
    """One count turned into rates under each population base published for its year."""
    _ = translator(lang)
    _counts, derived, published = population_sensitivity(indicator, OVV)
    figure = go.Figure()
    rows: list[dict[str, Any]] = []
    bases = list(dict.fromkeys(d.base for d in derived))
    for i, base in enumerate(bases):
        points = [d for d in derived if d.base == base]
        name = _("{name} (derived)").format(name=_(BASE_LABELS.get(base, base)))
        figure.add_scatter(
            x=[d.year for d in points], y=[d.rate for d in points], mode="markers", name=name,
            marker={"symbol": SYMBOLS[i % len(SYMBOLS)], "size": 11, "color": OKABE_ITO[i % len(OKABE_ITO)],
                    "line": {"width": 1, "color": "#ffffff"}},
            customdata=[[format_number(d.count, lang), format_number(d.population, lang)] for d in points],
            hovertemplate=(name + "<br>%{x}: %{y}<br>%{customdata[0]} / %{customdata[1]} × "
                           + format_number(100_000, lang) + "<extra></extra>"),
        )
        rows += [{"series": name, "year": d.year, "rate": d.rate, "status": "derived", "count": int(d.count),
                  "count_source": d.count_source, "population": int(d.population), "population_base": base,
                  "population_source": d.population_source, "qualifier": _(QUALIFIER_LABELS.get(d.qualifier, d.qualifier)), "inputs": d.inputs}
                 for d in points]
    if len(published):
        name = _("Rate published by OVV")
        figure.add_scatter(x=list(published["year"]), y=list(published["value"]), mode="lines", name=name,
                           line={"color": "#333333", "width": 1.5, "dash": "dot"},
                           hovertemplate=name + "<br>%{x}: %{y}<extra></extra>")
        rows += [{"series": name, "year": int(r.year), "rate": float(r.value), "status": r.status, "count": None,
                  "count_source": r.source_id, "population": None, "population_base": "", "population_source": "",
                  "qualifier": "", "inputs": query.in_language(r.note or "", lang)} for r in published.itertuples()]
    if not derived:
        return ChartData(empty_figure(_("No year has both a count and a published population base.")),
                         POPULATION_COLUMNS, rows, [], "")
    base_layout(figure, unit_label("rate_per_100k", lang), lang, height=420)
    figure.update_layout(xaxis={"dtick": 1})
    spreads = {}
    for d in derived:
        spreads.setdefault(d.year, []).append(d.rate)
    year = max(spreads, key=lambda y: (max(spreads[y]) - min(spreads[y]), y))
    reading = _("In {year} the same count gives rates from {low} to {high} per 100,000 depending on the population "
                "base ({count} bases published for that year). These rates are derived by this dashboard.").format(
        year=year, low=format_number(min(spreads[year]), lang), high=format_number(max(spreads[year]), lang),
        count=len(spreads[year]))
    notes = [_("Derived rate = count ÷ population × 100,000, with both inputs from the sources named in each row; "
               "a count is only combined with a population base published for the same year.")]
    sources = source_ids_of(rows, "count_source") + source_ids_of(rows, "population_source")
    return ChartData(figure, POPULATION_COLUMNS, rows, sources, reading, notes,
                     labels={"population_base": BASE_LABELS})


def state_chart(lang: str, states: list[str], indicator: str, unit: str) -> ChartData:
    """Chosen states against the national series, one line per place and producer."""
    _ = translator(lang)
    figure = go.Figure()
    rows: list[dict[str, Any]] = []
    latest: list[tuple[int, float, str]] = []
    places = [("country", "VEN", _("Venezuela"))] + [("state", s, place_name("state", s)) for s in states]
    drawn = [(j, producer, level, code, place, producer_series(level, code, indicator, unit, producer)[0])
             for j, producer in enumerate(producers_for(indicator, unit, "state"))
             for level, code, place in places]
    drawn = [d for d in drawn if not d[5].empty]
    styles = series_styles(["" if level == "country" else f"{code}:{producer}"
                            for _j, producer, level, code, _place, _current in drawn])
    ends: list[tuple[float, float, str, str]] = []
    for (j, producer, level, _code, place, current), style in zip(drawn, styles, strict=True):
        name = f"{place} · {producer_label(producer, lang)}"
        years = [int(y) for y in current["year"]]
        xs, ys = _gapped(years, [float(v) for v in current["value"]])
        national = level == "country"
        colour = NATIONAL_LINE if national else style.colour
        figure.add_scatter(
            x=xs, y=ys, name=name, mode="lines+markers", connectgaps=False,
            line={"color": colour, "width": 3 if national else 2, "dash": "dot" if national else DASHES[j % len(DASHES)]},
            marker={"symbol": style.symbol, "size": 8, "color": colour},
            text=_gapped_text(years, _point_hovers(current, query.producer_name(producer, lang),
                                                   f"{place} · {indicator_name(indicator, lang)}", unit, lang)),
            hovertemplate="%{text}<extra></extra>",
        )
        rows += [_row(name, r.year, r.value, unit, r, lang) for r in current.itertuples()]
        value = float(current["value"].iloc[-1])
        # Place names are too long for the right margin of a phone: the glyph and colour tie the value to
        # the legend's place.
        ends.append((years[-1], value, _end_label(style, "", value, lang), colour))
        if not national:
            latest.append((years[-1], value, name))
    if not rows:
        return ChartData(empty_figure(_("No published figure for this selection.")), SERIES_COLUMNS, [], [], "")
    base_layout(figure, unit_label(unit, lang), lang, height=420)
    figure.update_layout(xaxis={"tickformat": "d"}, margin={"r": END_LABEL_MARGIN})
    label_line_ends(figure, ends, _label_gap(figure))
    if latest:
        parts = [_("{name}: {value} in {year}").format(name=n, value=format_number(v, lang), year=y)
                 for y, v, n in sorted(latest, key=lambda t: t[2])]
        reading = _("Latest published figure per series: {name}.").format(name="; ".join(parts))
    else:
        reading = _("No published state figure for this selection; only the national series is drawn.")
    return ChartData(figure, SERIES_COLUMNS, rows, source_ids_of(rows), reading)
