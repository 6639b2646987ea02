"""Data and methodology: where the figures come from, what each indicator means, what is covered,
and the whole package to download — the catalogue a journalist or researcher starts from."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from analysis.labels import indicator_name, source_organisation, source_title
from components.bilingual_page import register_page_bilingual
from components.data_table import data_table
from components.page_intro import page_intro
from data import query
from i18n import translator
from i18n.markers import N_
from i18n.numbers import format_number
from views.navigation import PACKAGE_URL
from views.tables import Column, Table, link_cell, number_cell, text_cell

TITLE = N_("Data, sources and methodology")
INTRO = (
    N_("Every figure in this dashboard was published by an identifiable source: the Venezuelan Violence Observatory (OVV), Venezuelan official bodies, or United Nations agencies. For each one we record the organisation, the document, its address, its date and where in it the figure appears."),
    N_("Sources often disagree: they count different things (homicides only, or all violent deaths including police killings and deaths under investigation) and divide by different population estimates. We keep each source's value side by side and never average them."),
)
LEVEL_NAMES = {"country": N_("Country"), "state": N_("States"), "municipality": N_("Municipalities")}
KIND_NAMES = {
    "ngo": N_("NGO"),
    "official": N_("Official"),
    "international": N_("International"),
    "academic": N_("Academic"),
    "press": N_("Press"),
    "press_copy": N_("Press copy of another producer"),
}


def translate_key(_, names: dict[str, str], key: str) -> str:
    """The translated label of a code (the code itself if it has none)."""
    label = names.get(key)
    return _(label) if label else key


def indicator_list(lang: str) -> Component:
    table = query.indicators()
    column = "definition_es" if lang == "es" else "definition_en"
    return html.Dl(
        [
            item
            for row in table.to_dict("records")
            for item in (html.Dt(indicator_name(row["indicator_id"], lang)), html.Dd(row[column]))
        ]
    )


def coverage_table(lang: str) -> Component:
    _ = translator(lang)
    table = Table(
        _("What is covered, by indicator and level"),
        [Column(_("Indicator")), Column(_("Level")), Column(_("Years with a published figure")),
         Column(_("Places"), numeric=True), Column(_("Figures"), numeric=True)],
    )
    for row in query.coverage(by_source=False).to_dict("records"):
        table.rows.append([
            text_cell(indicator_name(row["indicator"], lang)),
            text_cell(translate_key(_, LEVEL_NAMES, row["level"])),
            text_cell(row["years"]),
            number_cell(int(row["places"]), lang),
            number_cell(int(row["rows"]), lang),
        ])
    return data_table("data-coverage", table, lang)


def sources_table(lang: str) -> Component:
    """Every source with its document linked in full; identifiers stay in the files, where rows cite them."""
    _ = translator(lang)
    table = Table(
        _("Sources of the figures"),
        [Column(_("Organisation")), Column(_("Document")), Column(_("Published")), Column(_("Kind")),
         Column(_("Terms"))],
    )
    for row in query.sources().fillna("").to_dict("records"):
        table.rows.append([
            text_cell(source_organisation(row["source_id"], lang)),
            link_cell(source_title(row["source_id"], lang), str(row["url"])),
            text_cell(str(row["published"])),
            text_cell(translate_key(_, KIND_NAMES, row["kind"])),
            text_cell(query.in_language(row["licence"], lang)),
        ])
    return data_table("data-sources", table, lang, filter_label=_("Search the sources"))


CHANGE_NAMES = {"added": N_("Added"), "corrected": N_("Corrected"), "relabelled": N_("Relabelled"),
                "removed": N_("Removed")}


def _change_value(value: str, lang: str) -> str:
    """An old or new value of the changes log as a reader sees it: a number formatted, an indicator named,
    our words in the reader's language."""
    if not value:
        return ""
    try:
        return format_number(float(value), lang, decimals=len(value.partition(".")[2]))
    except ValueError:
        named = indicator_name(value, lang)
        return named if named != value else query.in_language(value, lang)


def whats_new(lang: str) -> Component:
    """The package's changes log, newest release first: what was added or corrected, and why."""
    _ = translator(lang)
    version, date = query.release()
    items = []
    for row in query.changes().itertuples():
        change = [html.Strong(f"{row.date} · {translate_key(_, CHANGE_NAMES, row.change)}"),
                  f" · {row.table}: {query.in_language(row.key, lang)}"]
        old, new = _change_value(row.old_value, lang), _change_value(row.new_value, lang)
        if old or new:
            change.append(" (" + (f"{old} → {new}" if old else new) + ")")
        change.append(". " + (row.reason_es if lang == "es" else row.reason_en))
        items.append(html.Li(change))
    return html.Section(
        [
            html.H2(_("What's new"), className="h4 mt-4"),
            html.P(_("This is version {version} of the data package ({date}). Every download names the version its "
                     "figures come from; corrections keep the old and the new value.").format(version=version, date=date)),
            html.Ul(items, className="small", id="data-changes"),
        ],
        id="whats-new",
    )


def layout(lang: str, **_params: object) -> Component:
    _ = translator(lang)
    return html.Div(
        [
            *page_intro(lang, TITLE, INTRO),
            html.H2(_("Download the data"), className="h4"),
            html.P(
                [
                    html.A(_("Download the whole data package (zip)"), href=PACKAGE_URL, className="btn btn-primary btn-sm me-2"),
                    _("A Frictionless Data Package: tidy CSV tables with a schema and a description of every column, "
                      "readable with the frictionless tools, pandas, R or a spreadsheet."),
                ]
            ),
            whats_new(lang),
            html.H2(_("What each indicator means"), className="h4 mt-4"),
            indicator_list(lang),
            html.H2(_("What is covered"), className="h4 mt-4"),
            html.P(_("Years and places with at least one published figure, by indicator and level. Anything not listed has no published figure in our sources.")),
            coverage_table(lang),
            html.H2(_("Sources"), className="h4 mt-4"),
            sources_table(lang),
            html.H2(_("Gaps"), className="h4 mt-4"),
            html.P(_("Where no figure was published for a place and year, we show that no figure was published. We never fill a gap with zero or with an estimate of our own unless it is labelled as ours with its method.")),
            html.H2(_("Licences"), className="h4"),
            html.Ul(
                [
                    html.Li(_("State boundaries: Instituto Nacional de Estadística (INE), published by UN OCHA, CC BY 3.0 IGO.")),
                    html.Li(_("Municipal boundaries: geoBoundaries, from Carlos Efraín Porto Tapiquén (2015), ODbL 1.0.")),
                    html.Li(_("Figures: the terms of each source apply; our compilation is published under CC BY 4.0.")),
                ]
            ),
        ]
    )


register_page_bilingual(__name__, "data", TITLE, layout, order=5, document=True)
