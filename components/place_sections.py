"""The parts of a place page: where it is, its published figures by indicator, small trends, what surrounds
it and a CSV of exactly the figures listed.

Why plain HTML tables and SVG images: a place page is read, printed and shared more than explored; it
renders fully on the server and the CSV is a link, so every figure and its source are there with or
without a script.
"""

from __future__ import annotations

import io
from itertools import groupby

from dash import html
from dash.development.base_component import Component

from analysis.labels import indicator_name, source_organisation, unit_label
from analysis.place_profile import CSV_COLUMNS, Profile, Trend
from analysis.trend_series import producer_label
from components.briefing_svg import Line, line_chart, svg_image
from components.embed_frame import csv_href
from components.locator_svg import locator_map
from components.source_note import file_footer, source_header, source_note
from data import query
from data.csv_safe import SafeWriter
from geo import codes, locator
from i18n import translator
from i18n.markers import N_
from i18n.numbers import format_number
from views.place_view import briefing_link, map_link, place_path

CSV_TITLE = N_("Published figures for {place}")  # outside f-strings, where the catalogue tool finds them
FILE_STEM = N_("figures")
UNFOLDED_ROWS = 40  # a page listing more figures (the country's) shows each indicator folded, by name
TREND_WIDTH = 420  # SVG units: shown at about this size on a desktop and barely shrunk on a phone


def place_csv(profile: Profile, lang: str) -> str:
    """The page's figures as CSV: title, sources (with the pages read), licence and release, then the rows."""
    _ = translator(lang)
    buffer = io.StringIO()
    buffer.write("# " + _(CSV_TITLE).format(place=profile.name) + "\n")
    buffer.write(source_header(profile.rows, [str(r["source_id"]) for r in profile.rows], lang))
    buffer.write(file_footer(lang))
    writer = SafeWriter(buffer)  # text cells starting like a formula are made safe for spreadsheets
    writer.writerow(CSV_COLUMNS)
    for row in profile.rows:
        writer.writerow([row[c] for c in CSV_COLUMNS])
    return buffer.getvalue()


def _value(row: dict[str, object], lang: str) -> str:
    text = format_number(float(row["value"]), lang)  # type: ignore[arg-type]
    return f"{text} %" if row["unit"] == "percent" else text


def _source_cell(row: dict[str, object], lang: str) -> list[Component | str]:
    _ = translator(lang)
    source_id = str(row["source_id"])
    label = producer_label(query.producer_of(source_id), lang)  # the full name is in the sources list below
    cell: list[Component | str] = [
        html.A(label, href=str(row["locator_url"]), rel="noopener noreferrer", target="_blank")
        if str(row["locator_url"]).startswith("http") else label,
        html.Span(f" ({source_id})", className="text-body-secondary"),
    ]
    if row["read_via"]:
        cell.append(html.Span(" · " + _("read on a copy by {copy}").format(
            copy=source_organisation(str(row["read_via"]), lang)), className="small"))
    return cell


def _figure_table(indicator: str, unit: str, rows: list[dict[str, object]], lang: str, open_: bool) -> Component:
    """One indicator's figures in one unit; folded (a summary naming it) when the page lists many."""
    _ = translator(lang)
    caption = f"{indicator_name(indicator, lang)} · {unit_label(unit, lang)}"
    head = html.Thead(html.Tr([html.Th(_("Year"), scope="col"), html.Th(_("Value"), scope="col", className="num"),
                               html.Th(_("Source"), scope="col"), html.Th(_("Published rank and notes"), scope="col")]))
    body = html.Tbody([
        html.Tr([
            html.Th(f"{row['year']} {row['period']}".strip(), scope="row"),
            html.Td(_value(row, lang), className="num"),
            html.Td(_source_cell(row, lang)),
            html.Td([html.Span(str(row["published_rank"]), className="d-block"),
                     html.Span(str(row["note"]), className="small")]),
        ], **{"data-source-id": str(row["source_id"]), "data-year": str(row["year"]),
              "data-unit": str(row["unit"]), "data-indicator": indicator})
        for row in rows
    ])
    table = html.Div(
        html.Table([html.Caption(caption, className="visually-hidden"), head, body],
                   className="table table-sm place-figures"),
        className="table-responsive", tabIndex="0", role="region", **{"aria-label": caption},
    )
    summary = _("{title} ({count} figures)").format(title=caption, count=len(rows))
    return html.Details([html.Summary(summary, className="fw-semibold"), table], open=open_,
                        className="place-figure-group")


def figures_block(profile: Profile, lang: str) -> list[Component]:
    """One table per indicator, then the CSV link and the sources."""
    _ = translator(lang)
    unfolded = len(profile.rows) <= UNFOLDED_ROWS
    tables = [_figure_table(indicator, unit, list(rows), lang, unfolded)
              for (indicator, unit), rows in groupby(profile.rows, key=lambda r: (str(r["indicator"]), str(r["unit"])))]
    stem = f"{profile.code}-{_(FILE_STEM)}".lower()
    return [
        html.P(_("{count} published figures, each with the page it was read on.").format(count=len(profile.rows)),
               className="text-body-secondary"),
        *tables,
        html.P(html.A(_("Download CSV"), href=csv_href(place_csv(profile, lang)), download=f"{stem}.csv",
                      id="place-csv", className="btn btn-outline-primary btn-sm")),
        source_note(lang, [str(r["source_id"]) for r in profile.rows]),
    ]


def _trend_image(trend: Trend, profile: Profile, index: int, lang: str) -> Component:
    _ = translator(lang)
    title = f"{indicator_name(trend.indicator, lang)} ({unit_label(trend.unit, lang)})"
    lines = [Line(producer_label(p, lang), points) for p, points in trend.lines]
    svg = line_chart(lines, title, unit_label(trend.unit, lang), lang, height=230, width=TREND_WIDTH)
    described = "; ".join(f"{line.label}: " + ", ".join(f"{y} {format_number(v, lang)}" for y, v in line.points)
                          for line in lines)
    alt = _("Line chart, {title}: {values}.").format(title=title, values=described)
    return html.Figure([html.Figcaption(title, className="small fw-semibold"),
                        svg_image(svg, alt, f"place-trend-{index}")], className="place-trend")


def trends_block(profile: Profile, lang: str) -> list[Component]:
    _ = translator(lang)
    if not profile.trends:
        return []
    return [html.H2(_("Over time"), className="h4 mt-4"),
            html.P(_("Each line is one producer's figures; a year without a published figure is a gap."),
                   className="small text-body-secondary"),
            html.Div([_trend_image(t, profile, i, lang) for i, t in enumerate(profile.trends)],
                     className="place-trends")]


def where_block(profile: Profile, lang: str) -> list[Component]:
    """Locator map, parent state, municipalities inside and links to the map and the briefing."""
    _ = translator(lang)
    parts: list[Component] = []
    if locator.available():
        alt = (_("Map of Venezuela's states") if profile.level == "country" else
               _("Map locating {place}").format(place=profile.name))
        parts.append(locator_map(profile.level, profile.code, profile.state or None, alt))
    facts: list[Component] = []
    if profile.state:
        facts.append(html.Li([_("State:") + " ",
                              html.A(codes.state_name(profile.state), href=place_path(lang, profile.state))]))
    if profile.level != "country":
        facts.append(html.Li(_("Code: {code}").format(code=profile.code)))
    facts.append(html.Li(html.A(_("See it on the map"), href=map_link(lang, profile.code))))
    facts.append(html.Li(html.A(
        _("National briefing") if profile.level == "country" else
        _("Briefing for the state of {state}").format(state=codes.state_name(profile.state or profile.code)),
        href=briefing_link(lang, profile.code))))
    parts.append(html.Ul(facts, className="place-facts"))
    return parts


def inside_block(profile: Profile, lang: str) -> list[Component]:
    """The places inside: the states of the country, the municipalities of a state."""
    _ = translator(lang)
    if profile.level == "country":
        inside, heading = codes.state_iso_codes(), _("States")
        name = codes.state_name
    elif profile.municipalities:
        inside, heading = profile.municipalities, _("Municipalities of {state}").format(state=profile.name)
        name = codes.municipality_name
    else:
        return []
    items = [html.Li(html.A(name(c), href=place_path(lang, c))) for c in sorted(inside, key=name)]
    return [html.H2(heading, className="h4 mt-4"), html.Ul(items, className="place-inside", id="place-inside")]
