"""The front page's blocks of figures: one card per producer's latest national figure, the biggest recent
changes, the newest data added and the briefings. Each number is written next to its year, its producer
and a link to the page it was read on.
"""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from analysis.home_figures import Figure, Headline, Release, Shift, short_producer_name
from analysis.labels import indicator_name, source_organisation, source_title, unit_label
from data import query
from i18n import translator
from i18n.numbers import format_number
from views.tables import change_text

EXTERNAL = {"rel": "noopener noreferrer", "target": "_blank"}


def source_link(figure: Figure, lang: str, text: str | None = None) -> Component:
    """The figure's publication, linked to the page the figure was read on."""
    title = text or source_title(figure.source_id, lang)
    href = figure.locator_url if figure.locator_url.startswith("http") else ""
    return html.A(title, href=href, **EXTERNAL) if href else html.Span(title)


def _read_via(figure: Figure, lang: str) -> list[Component | str]:
    _ = translator(lang)
    if not figure.read_via:
        return []
    return [" ", _("(read on a copy by {copy})").format(copy=source_organisation(figure.read_via, lang))]


def figure_card(headline: Headline, lang: str) -> Component:
    """A producer's latest national figure: the number, what it counts, its year, who published it, where."""
    _ = translator(lang)
    figure = headline.figure
    lines: list[Component] = [
        html.P([html.Span(format_number(figure.value, lang), className="home-figure-value"),
                " ", html.Span(str(figure.year), className="home-figure-year")], className="mb-0"),
        html.P([indicator_name(figure.indicator, lang), html.Br(), unit_label(figure.unit, lang)]
               if figure.unit == "rate_per_100k" else indicator_name(figure.indicator, lang),
               className="home-figure-what mb-1"),
        html.P(query.producer_name(figure.producer, lang), className="home-figure-producer small mb-1"),
    ]
    if headline.count is not None:
        lines.append(html.P(_("{count} deaths in {year}").format(count=format_number(headline.count.value, lang),
                                                                 year=headline.count.year),
                            className="small mb-1"))
    lines.append(html.P([_("Source:"), " ", source_link(figure, lang), *_read_via(figure, lang)],
                        className="small text-body-secondary mb-1"))
    if figure.note:
        lines.append(html.Details([html.Summary(_("Note")), query.in_language(figure.note, lang)],
                                  className="small text-body-secondary"))
    return dbc.Col(
        html.Div(lines, className="home-figure h-100", **{"data-producer": figure.producer,
                                                          "data-indicator": figure.indicator,
                                                          "data-year": str(figure.year)}),
        xs=6, lg=4, className="mb-3",
    )


def figure_group(title: str, intro: str, headlines: Sequence[Headline], lang: str, element_id: str) -> Component:
    return html.Section(
        [html.H3(title, className="h6 text-uppercase text-body-secondary mb-1"), html.P(intro, className="small"),
         dbc.Row([figure_card(h, lang) for h in headlines])],
        id=element_id, className="mb-2",
    )


def changes_list(shifts: Sequence[Shift], place_of, link_of, lang: str) -> Component:
    """Each change as: place · what (producer): before (year) → after (year), difference (percent), sources."""
    _ = translator(lang)
    items = []
    for shift in shifts:
        before, after = shift.before, shift.after
        what = (f"{indicator_name(after.indicator, lang)} {unit_label(after.unit, lang)} · "
                f"{short_producer_name(after.producer, lang)}")
        sources: list[Component | str] = [source_link(before, lang, str(before.year))]
        sources += [", ", source_link(after, lang, str(after.year))]
        items.append(html.Li(
            [
                html.A(place_of(after), href=link_of(after), className="fw-semibold"), " · ", what, html.Br(),
                html.Span(f"{format_number(before.value, lang)} ({before.year}) → "
                          f"{format_number(after.value, lang)} ({after.year})"),
                ": ", html.Strong(change_text(shift.change, after.unit, lang)),
                html.Span([" · ", _("Sources:"), " ", *sources], className="text-body-secondary"),
            ],
            className="mb-2", **{"data-code": after.code, "data-producer": after.producer},
        ))
    return html.Ul(items, className="list-unstyled small mb-0", id="home-changes")


def additions_list(releases: Sequence[Release], lang: str, all_changes_href: str) -> Component:
    """The newest entries of the changes log that added data, under the release they came in."""
    _ = translator(lang)
    blocks: list[Component] = []
    for release in releases:
        heading = _("{date} · version {version}").format(date=release.date, version=release.version)
        blocks.append(html.P(html.Strong(heading), className="small mb-1"))
        blocks.append(html.Ul(
            [html.Li([query.in_language(a.key, lang),
                      f" ({query.in_language(a.new_value, lang)})" if a.new_value else ""], className="mb-1")
             for a in release.additions],
            className="small mb-2",
        ))
    return html.Div([*blocks, html.A(_("Everything that changed, and why"), href=all_changes_href,
                                     className="small")], id="home-additions")


def briefing_links(links: Sequence[tuple[str, str]], lang: str) -> Component:
    """The national briefing first, then one per state, in a few columns."""
    return html.Ul([html.Li(html.A(name, href=href)) for name, href in links],
                   className="home-briefings list-unstyled small mb-0", id="home-briefings")
