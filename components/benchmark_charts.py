"""The three charts of the comparison page, as ``ChartData``, with readings written from the numbers."""

from __future__ import annotations

import math
from typing import Any

import plotly.graph_objects as go

from analysis.benchmark_series import (
    FIREARM_SINCE,
    country_rates,
    firearm_shares,
    halving_path,
    place_names,
    practice_cases,
    practice_trajectory,
    ranking,
    regional_average,
    venezuela_trajectory,
)
from analysis.labels import source_label, unit_label
from components.chart_card import ChartData, source_ids_of
from components.chart_style import (
    OTHER_PLACE,
    PLACE_COLOURS,
    REFERENCE,
    SYMBOLS,
    VENEZUELA,
    base_layout,
    empty_figure,
    place_colour,
)
from data import query
from i18n import translator
from i18n.markers import N_
from i18n.numbers import format_number

EPIDEMIC = "epidemic-10"
HALVING = "instinto-de-vida-half-10y"
RATE_COLUMNS = [
    ("place_id", N_("Code")), ("place", N_("Place")), ("year", N_("Year")), ("value", N_("Rate per 100,000")),
    ("rank", N_("Rank")), ("status", N_("Status")), ("source_id", N_("Source")), ("note", N_("Note")),
]


def _target(target_id: str) -> dict[str, Any]:
    frame = query.targets()
    rows = frame[frame["target_id"] == target_id].to_dict("records")
    return rows[0] if rows else {}


def _round(value: float) -> float:
    return round(float(value), 1)


def ranking_chart(lang: str, year: int, distributor: str) -> ChartData:
    """Ranked bars of every LAC country with a UNODC figure for the year, Venezuela highlighted."""
    _ = translator(lang)
    names = place_names(lang)
    ranked = ranking(country_rates(distributor), year)
    if ranked.empty:
        return ChartData(empty_figure(_("No figures for {year}.").format(year=year)), RATE_COLUMNS, [], [], "")
    ordered = ranked.iloc[::-1]  # highest at the top of a horizontal bar chart
    labels = [names.get(p, p) for p in ordered["place_id"]]
    figure = go.Figure()
    figure.add_bar(
        x=[_round(v) for v in ordered["value"]], y=labels, orientation="h", name=_("Homicide rate"),
        marker_color=[VENEZUELA if p == "VEN" else OTHER_PLACE for p in ordered["place_id"]],
        hovertemplate="%{y}: %{x}<extra></extra>", showlegend=False,
    )
    rows = [{"place_id": r.place_id, "place": names.get(r.place_id, r.place_id), "year": year, "value": _round(r.value),
             "rank": int(r.rank), "status": "published", "source_id": r.source_id,
             "note": query.in_language(r.note or "", lang)}
            for r in ranked.itertuples()]
    region = regional_average(distributor)
    region = region[region["year"] == year]
    epidemic = _target(EPIDEMIC)
    references = []
    if len(region):
        value = _round(region["value"].iloc[0])
        references.append((value, _("Regional average {value}").format(value=format_number(value, lang)), "dash",
                           "top right"))
        rows.append({"place_id": "lac", "place": names.get("lac", "lac"), "year": year, "value": value, "rank": None,
                     "status": "published", "source_id": region["source_id"].iloc[0], "note": _("Regional average")})
    if epidemic:
        references.append((float(epidemic["value"]), _("‘Epidemic’ level, 10"), "dot", "bottom right"))
        rows.append({"place_id": "", "place": _("‘Epidemic’ level"), "year": None, "value": float(epidemic["value"]),
                     "rank": None, "status": "reference", "source_id": epidemic["source_id"],
                     "note": query.in_language(epidemic["note"], lang)})
    for value, text, dash, position in references:
        figure.add_vline(x=value, line={"color": REFERENCE, "dash": dash, "width": 1.5},
                         annotation={"text": text, "font": {"size": 10}, "bgcolor": "rgba(255,255,255,0.8)"},
                         annotation_position=position)
    base_layout(figure, "", lang, height=max(380, 22 * len(ranked) + 90))
    figure.update_layout(xaxis={"title": unit_label("rate_per_100k", lang), "rangemode": "tozero"},
                         yaxis={"title": "", "automargin": True, "tickfont": {"size": 11}},
                         margin={"l": 10, "r": 12, "t": 30, "b": 40})
    ven = ranked[ranked["place_id"] == "VEN"]
    if len(ven):
        reading = _("In {year} Venezuela's rate was {value} per 100,000, rank {rank} of {count} countries with a "
                    "figure (1 = highest).").format(year=year, value=format_number(_round(ven["value"].iloc[0]), lang),
                                                    rank=int(ven["rank"].iloc[0]), count=len(ranked))
    else:
        reading = _("UNODC published no figure for Venezuela in {year}; {count} countries have one.").format(
            year=year, count=len(ranked))
    return ChartData(figure, RATE_COLUMNS, rows, source_ids_of(rows), reading)


def lines_chart(lang: str, countries: list[str], distributor: str) -> ChartData:
    """Venezuela and chosen countries over time, with the regional average, the 10 level and a halving path."""
    _ = translator(lang)
    names = place_names(lang)
    rates = country_rates(distributor)
    figure = go.Figure()
    rows: list[dict[str, Any]] = []
    for k, place in enumerate(["VEN", *[c for c in countries if c != "VEN"]]):
        series = rates[rates["place_id"] == place]
        if series.empty:
            continue
        ven = place == "VEN"
        years = list(series["year"])
        lookup = dict(zip(years, series["value"], strict=True))
        span = list(range(min(years), max(years) + 1))
        figure.add_scatter(
            x=span, y=[_round(lookup[y]) if y in lookup else None for y in span], name=names.get(place, place),
            mode="lines+markers", connectgaps=False,
            line={"color": VENEZUELA if ven else place_colour(k - 1), "width": 4 if ven else 2},
            marker={"size": 6 if ven else 4}, hovertemplate=f"{names.get(place, place)}<br>%{{x}}: %{{y}}<extra></extra>",
        )
        rows += [{"place_id": place, "place": names.get(place, place), "year": int(r.year), "value": _round(r.value),
                  "rank": None, "status": "published", "source_id": r.source_id,
             "note": query.in_language(r.note or "", lang)}
                 for r in series.itertuples()]
    region = regional_average(distributor)
    if len(region):
        name = names.get("lac", "lac")
        figure.add_scatter(x=list(region["year"]), y=[_round(v) for v in region["value"]], name=name, mode="lines",
                           line={"color": REFERENCE, "dash": "dash", "width": 2},
                           hovertemplate=f"{name}<br>%{{x}}: %{{y}}<extra></extra>")
        rows += [{"place_id": "lac", "place": name, "year": int(r.year), "value": _round(r.value), "rank": None,
                  "status": "published", "source_id": r.source_id, "note": _("Regional average")}
                 for r in region.itertuples()]
    ven = rates[rates["place_id"] == "VEN"]
    epidemic = _target(EPIDEMIC)
    if epidemic and rows:
        figure.add_hline(y=float(epidemic["value"]), line={"color": REFERENCE, "dash": "dot", "width": 1.5},
                         annotation={"text": _("‘Epidemic’ level, 10"), "font": {"size": 10}},
                         annotation_position="bottom left")
        rows.append({"place_id": "", "place": _("‘Epidemic’ level"), "year": None, "value": float(epidemic["value"]),
                     "rank": None, "status": "reference", "source_id": epidemic["source_id"],
                     "note": query.in_language(epidemic["note"], lang)})
    halving = _target(HALVING)
    path = halving_path(distributor) if halving else []
    if len(ven) and path:
        year, value = int(ven["year"].iloc[-1]), float(ven["value"].iloc[-1])
        name = _("Halving in ten years from Venezuela's {year} figure (derived)").format(year=year)
        figure.add_scatter(x=[p[0] for p in path], y=[p[1] for p in path], name=name, mode="lines",
                           line={"color": VENEZUELA, "dash": "dot", "width": 2},
                           hovertemplate=f"{name}<br>%{{x}}: %{{y}}<extra></extra>")
        rows += [{"place_id": "VEN", "place": name, "year": y, "value": v, "rank": None, "status": "derived",
                  "source_id": halving["source_id"],
                  "note": _("{value} × 0.5^(years since {year} ÷ 10)").format(value=_round(value), year=year)}
                 for y, v in path]
    if not rows:
        return ChartData(empty_figure(_("No figures for this selection.")), RATE_COLUMNS, [], [], "")
    base_layout(figure, unit_label("rate_per_100k", lang), lang, height=460)
    if len(ven) and path:
        peak = ven.loc[ven["value"].idxmax()]
        last = ven.iloc[-1]
        reading = _("Venezuela's UNODC rate peaked at {value} in {year} and was {last_value} in {last_year}; halving "
                    "it in ten years would mean about {target} by {target_year}.").format(
            value=format_number(_round(peak["value"]), lang), year=int(peak["year"]),
            last_value=format_number(_round(last["value"]), lang), last_year=int(last["year"]),
            target=format_number(path[-1][1], lang), target_year=path[-1][0])
    else:
        reading = ""
    notes = [_("Reference lines: the regional average is the distributor's Latin America and Caribbean aggregate; "
               "the 10 per 100,000 ‘epidemic’ level is a widely used convention commonly attributed to WHO, but no "
               "WHO document stating it was found; the halving path is derived by this dashboard from the Instinto "
               "de Vida goal.")]
    return ChartData(figure, RATE_COLUMNS, rows, source_ids_of(rows), reading, notes)


TRAJECTORY_COLUMNS = [
    ("case", N_("Case")), ("practice_id", N_("Practice")), ("year", N_("Year")), ("years_since", N_("Years since")),
    ("value", N_("Value")), ("unit", N_("Unit")), ("index", N_("Index (base = 100)")), ("base_year", N_("Base year")),
    ("status", N_("Status")), ("source_id", N_("Source")),
]


def trajectory_chart(lang: str, mode: str, distributor: str) -> ChartData:
    """Good-practice places and Venezuela, aligned by years since the policy or the peak, indexed to 100."""
    _ = translator(lang)
    names = place_names(lang)
    figure = go.Figure()
    rows: list[dict[str, Any]] = []
    declines: list[tuple[str, float, int]] = []
    for k, case in enumerate(practice_cases()):
        traj = practice_trajectory(case, mode)
        name = names.get(case.place_id, case.place_id)
        if case.unit == "count":
            name = _("{name} (counts)").format(name=name)
        after = [p for p in traj.points if p[1] > 0]
        if after and case.evidence == "evaluation":
            declines.append((name, after[-1][3], after[-1][1]))
        figure.add_scatter(
            x=[p[1] for p in traj.points], y=[p[3] for p in traj.points], name=name, mode="lines+markers",
            line={"color": place_colour(k), "width": 2, "dash": "solid" if case.evidence == "evaluation" else "dash"},
            # colours repeat after six cases; each round of colours gets its own marker so no two cases look alike
            marker={"symbol": SYMBOLS[(k // len(PLACE_COLOURS)) % len(SYMBOLS)], "size": 7},
            customdata=[case.practice_id] * len(traj.points),
            text=[str(p[0]) for p in traj.points],
            hovertemplate=f"{name} (%{{text}})<br>%{{x}}: %{{y}}<br>" + _("Click for the practice card")
            + "<extra></extra>",
        )
        rows += [{"case": name, "practice_id": case.practice_id, "year": y, "years_since": s, "value": v,
                  "unit": case.unit, "index": i, "base_year": traj.base_year, "status": "derived",
                  "source_id": case.source_id} for y, s, v, i in traj.points]
    ven = country_rates(distributor)
    ven = ven[ven["place_id"] == "VEN"]
    if len(ven):
        traj = venezuela_trajectory(distributor)
        shown = [p for p in traj.points if p[1] >= -5]
        name = _("Venezuela, since its {year} peak (UNODC)").format(year=traj.anchor)
        figure.add_scatter(x=[p[1] for p in shown], y=[p[3] for p in shown], name=name, mode="lines+markers",
                           line={"color": VENEZUELA, "width": 4}, text=[str(p[0]) for p in shown],
                           hovertemplate=f"{name} (%{{text}})<br>%{{x}}: %{{y}}<extra></extra>")
        rows += [{"case": name, "practice_id": "", "year": y, "years_since": s, "value": _round(v),
                  "unit": "rate_per_100k", "index": i, "base_year": traj.base_year, "status": "derived",
                  "source_id": ven["source_id"].iloc[0]} for y, s, v, i in shown]
        last = shown[-1]
        ven_reading = _("Venezuela's UNODC rate stood at {value}% of its peak {count} years later.").format(
            value=format_number(last[3], lang), count=last[1])
    else:
        ven_reading = ""
    if not rows:
        return ChartData(empty_figure(_("No figures for this selection.")), TRAJECTORY_COLUMNS, [], [], "")
    indexes = [r["index"] for r in rows if r["index"]]
    low, high = math.log10(min(min(indexes), 50) * 0.8), math.log10(max(max(indexes), 100) * 1.25)
    # Shapes and labels placed by hand: on a log axis plotly's add_hline would read the label's y as log10.
    for level, dash in ((100, "solid"), (50, "dot")):
        figure.add_shape(type="line", xref="paper", x0=0, x1=1, y0=level, y1=level,
                         line={"color": REFERENCE, "width": 1, "dash": dash})
    figure.add_annotation(text=_("half"), xref="paper", x=1, y=math.log10(50), yanchor="top", xanchor="right",
                          showarrow=False, font={"size": 10})
    base_layout(figure, _("index, base year = 100 (log scale)"), lang, height=480)
    figure.update_layout(xaxis={"title": _("years since the policy started") if mode == "start"
                                else _("years since the peak"), "zeroline": True, "zerolinecolor": "#888"},
                         yaxis={"type": "log", "rangemode": "normal", "range": [low, high]})
    fastest = min(declines, key=lambda d: d[1] / max(d[2], 1)) if declines else None
    reading = " ".join(filter(None, [
        ven_reading,
        _("Among the evaluated cases, {name} reached {value}% of its base level after {count} years.").format(
            name=fastest[0], value=format_number(fastest[1], lang), count=fastest[2]) if fastest else "",
    ]))
    notes = [_("Indexes are derived by this dashboard: each value divided by the value of the base year × 100, "
               "from one source per place (the one its practice card cites). Start alignment uses the last figure "
               "at or before the policy began as the base; peak alignment uses the highest figure. Dashed lines: "
               "practices without an independent evaluation.")]
    return ChartData(figure, TRAJECTORY_COLUMNS, rows, source_ids_of(rows), reading, notes)


FIREARM_COLUMNS = [
    ("place", N_("Place")), ("year", N_("Year")), ("value", N_("Share of homicides (%)")),
    ("status", N_("Status")), ("source_id", N_("Source")), ("locator_url", N_("Where it was read")), ("note", N_("Note")),
]


def firearm_chart(lang: str) -> ChartData:
    """Each country's latest published firearm share of homicides since 2015, Venezuela highlighted."""
    _ = translator(lang)
    names = place_names(lang)
    shares = firearm_shares(lang)
    if shares.empty:
        return ChartData(empty_figure(_("No published firearm share since {year}.").format(year=FIREARM_SINCE)),
                         FIREARM_COLUMNS, [], [], "")
    ordered = shares.iloc[::-1]
    repeated = set(shares["place_id"][shares["place_id"].duplicated()])
    derived = _("derived")
    # Where a country has shares from two producers, each bar names its producer (never a raw source code).
    labels = [f"{names.get(p, p)} ({y}" + (f", {source_label(s, lang)}" if p in repeated else "") + (f", {derived})" if st == "derived" else ")")
              for p, y, s, st in zip(ordered["place_id"], ordered["year"], ordered["source_id"], ordered["status"],
                                     strict=True)]
    figure = go.Figure()
    figure.add_bar(
        x=list(ordered["value"]), y=labels, orientation="h", showlegend=False, name=_("Share of homicides (%)"),
        marker_color=[VENEZUELA if p == "VEN" else OTHER_PLACE for p in ordered["place_id"]],
        hovertemplate="%{y}: %{x}%<extra></extra>",
    )
    base_layout(figure, "", lang, height=max(320, 24 * len(shares) + 90))
    figure.update_layout(xaxis={"title": _("% of homicides committed with a firearm"), "range": [0, 100]},
                         yaxis={"title": "", "automargin": True, "tickfont": {"size": 11}},
                         margin={"l": 10, "r": 12, "t": 16, "b": 40})
    rows = [{"place": names.get(r.place_id, r.place_id), "year": int(r.year), "value": float(r.value),
             "status": r.status, "source_id": r.source_id, "locator_url": r.locator_url, "note": r.note or ""}
            for r in shares.itertuples()]
    ven = shares[shares["place_id"] == "VEN"]
    others = shares[shares["place_id"] != "VEN"]
    reading = _("{count} other countries have a published share since {since}: from {low}% to {high}%.").format(
        count=len(others), since=FIREARM_SINCE, low=format_number(float(others["value"].min()), lang),
        high=format_number(float(others["value"].max()), lang)) if len(others) else ""
    if len(ven):
        reading = _("Venezuela's latest published share is {value}% ({year}). ").format(
            value=format_number(float(ven["value"].iloc[0]), lang), year=int(ven["year"].iloc[0])) + reading
    notes = [_("Each country's figure is from its latest year since {since} and from the source named in its row; "
               "sources count differently (police records, forensic services, observatories), so the bars show "
               "orders of magnitude, not a ranking.").format(since=FIREARM_SINCE),
             _("Where a publication gave the number of homicides committed with a firearm and the total but no share, "
               "the share is derived by this dashboard (marked “derived”, with both counts in the row).")]
    return ChartData(figure, FIREARM_COLUMNS, rows, source_ids_of(rows), reading, notes)
