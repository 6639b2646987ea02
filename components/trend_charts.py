"""The four charts of the trends page, each returned as ``ChartData`` (figure, rows, sources, reading).

Every drawn value is one row of the table and of the CSV; derived rates carry ``status=derived`` and
their inputs. Readings are written from the numbers, in the page's language.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from analysis.labels import indicator_name, place_name, unit_label
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
from components.chart_style import DASHES, OKABE_ITO, SYMBOLS, base_layout, empty_figure, producer_colour
from i18n import translator
from i18n.markers import N_
from i18n.numbers import format_number

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


def _row(series: str, year: int, value: Any, unit: str, rec: Any, status: str | None = None) -> dict[str, Any]:
    return {
        "series": series, "year": int(year), "value": float(value), "unit": unit,
        "status": status or getattr(rec, "status", "published"), "source_id": rec.source_id,
        "locator_url": getattr(rec, "locator_url", ""), "note": getattr(rec, "note", "") or "",
        "read_via": read_via if isinstance(read_via := getattr(rec, "read_via", ""), str) else "",  # for the CSV header
    }


def national_chart(lang: str, indicators: list[str], unit: str) -> ChartData:
    """Every producer's national series for the chosen indicators, side by side, with dated events."""
    _ = translator(lang)
    figure = go.Figure()
    rows: list[dict[str, Any]] = []
    superseded_x: list[int] = []
    superseded_y: list[float] = []
    superseded_text: list[str] = []
    latest: list[tuple[int, float, str]] = []
    for i, indicator in enumerate(indicators):
        for j, producer in enumerate(producers_for(indicator, unit, "country")):
            current, earlier = producer_series("country", "VEN", indicator, unit, producer)
            if current.empty:
                continue
            name = f"{producer_label(producer)} · {indicator_name(indicator, lang)}"
            years = [int(y) for y in current["year"]]
            xs, ys = _gapped(years, [float(v) for v in current["value"]])
            figure.add_scatter(
                x=xs, y=ys, name=name, mode="lines+markers", connectgaps=False,
                line={"color": producer_colour(producer, j), "dash": DASHES[i % len(DASHES)], "width": 2},
                marker={"symbol": SYMBOLS[i % len(SYMBOLS)], "size": 7},
                hovertemplate=f"{name}<br>%{{x}}: %{{y}}<extra></extra>",
            )
            rows += [_row(name, r.year, r.value, unit, r) for r in current.itertuples()]
            latest.append((years[-1], float(current["value"].iloc[-1]), name))
            for r in earlier.itertuples():
                superseded_x.append(int(r.year))
                superseded_y.append(float(r.value))
                superseded_text.append(f"{name} ({r.source_id})")
                rows.append(_row(name, r.year, r.value, unit, r, status="superseded"))
    if not rows:
        return ChartData(empty_figure(_("No published national figure for this selection.")), SERIES_COLUMNS, [], [],
                         _("No published national figure for this selection."))
    if superseded_x:
        figure.add_scatter(
            x=superseded_x, y=superseded_y, text=superseded_text, mode="markers", name=_("Earlier release of the same producer"),
            marker={"symbol": "circle-open", "size": 9, "color": "#555555"},
            hovertemplate="%{text}<br>%{x}: %{y}<extra></extra>",
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
    base_layout(figure, unit_label(unit, lang), height=480)
    figure.update_layout(yaxis2={"overlaying": "y", "range": [0, 1.05], "visible": False, "fixedrange": True},
                         xaxis={"dtick": 2})
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
        figure.add_bar(x=list(part["year"]), y=values, name=name, marker_color=COMPONENT_COLOURS[component],
                       hovertemplate=f"{name}<br>%{{x}}: %{{y}}" + ("%" if measure == "share" else "") + "<extra></extra>")
        rows += [{"category": name, "year": int(r.year), "count": int(r.value), "share_percent": r.share,
                  "share_status": "derived", "share_inputs": r.share_inputs, "source_id": r.source_id}
                 for r in part.itertuples()]
    if not rows:
        return ChartData(empty_figure(_("No published breakdown.")), COMPOSITION_COLUMNS, [], [], "")
    base_layout(figure, _("deaths") if measure == "count" else _("% of the categories reported that year"), height=440)
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
            hovertemplate=name + "<br>%{x}: %{y}<br>%{customdata[0]} / %{customdata[1]} × 100.000<extra></extra>",
        )
        rows += [{"series": name, "year": d.year, "rate": d.rate, "status": "derived", "count": int(d.count),
                  "count_source": d.count_source, "population": int(d.population), "population_base": base,
                  "population_source": d.population_source, "qualifier": d.qualifier, "inputs": d.inputs}
                 for d in points]
    if len(published):
        name = _("Rate published by OVV")
        figure.add_scatter(x=list(published["year"]), y=list(published["value"]), mode="lines", name=name,
                           line={"color": "#333333", "width": 1.5, "dash": "dot"},
                           hovertemplate=name + "<br>%{x}: %{y}<extra></extra>")
        rows += [{"series": name, "year": int(r.year), "rate": float(r.value), "status": r.status, "count": None,
                  "count_source": r.source_id, "population": None, "population_base": "", "population_source": "",
                  "qualifier": "", "inputs": r.note or ""} for r in published.itertuples()]
    if not derived:
        return ChartData(empty_figure(_("No year has both a count and a published population base.")),
                         POPULATION_COLUMNS, rows, [], "")
    base_layout(figure, unit_label("rate_per_100k", lang), height=420)
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
    for j, producer in enumerate(producers_for(indicator, unit, "state")):
        for k, (level, code, place) in enumerate(places):
            current, _earlier = producer_series(level, code, indicator, unit, producer)
            if current.empty:
                continue
            name = f"{place} · {producer_label(producer)}"
            xs, ys = _gapped([int(y) for y in current["year"]], [float(v) for v in current["value"]])
            national = level == "country"
            figure.add_scatter(
                x=xs, y=ys, name=name, mode="lines+markers", connectgaps=False,
                line={"color": "#333333" if national else OKABE_ITO[(k - 1) % 6], "width": 3 if national else 2,
                      "dash": "dot" if national else DASHES[j % len(DASHES)]},
                marker={"symbol": SYMBOLS[j % len(SYMBOLS)], "size": 7},
                hovertemplate=f"{name}<br>%{{x}}: %{{y}}<extra></extra>",
            )
            rows += [_row(name, r.year, r.value, unit, r) for r in current.itertuples()]
            if not national:
                latest.append((int(current["year"].iloc[-1]), float(current["value"].iloc[-1]), name))
    if not rows:
        return ChartData(empty_figure(_("No published figure for this selection.")), SERIES_COLUMNS, [], [], "")
    base_layout(figure, unit_label(unit, lang), height=420)
    figure.update_layout(xaxis={"dtick": 2})
    if latest:
        parts = [_("{name}: {value} in {year}").format(name=n, value=format_number(v, lang), year=y)
                 for y, v, n in sorted(latest, key=lambda t: t[2])]
        reading = _("Latest published figure per series: {name}.").format(name="; ".join(parts))
    else:
        reading = _("No published state figure for this selection; only the national series is drawn.")
    return ChartData(figure, SERIES_COLUMNS, rows, source_ids_of(rows), reading)
