"""The source line under every chart and map: who published the figures, where, when, on what terms."""

from __future__ import annotations

from collections.abc import Iterable

from dash import html
from dash.development.base_component import Component

from analysis.labels import source_organisation, source_record, source_title
from data import query
from i18n import translator
from i18n.markers import N_
from views.navigation import page_path

LICENCE_LINE = N_("Licence: each source's terms apply; this compilation CC BY 4.0.")  # in every downloaded file


def file_footer(lang: str) -> str:
    """The last comment lines of every CSV we produce: the licence, and the release of the data package
    the figures come from (so a file found later can be matched to the package's changes log)."""
    _ = translator(lang)
    version, date = query.release()
    release = _("Data package version {version} ({date}).").format(version=version, date=date)
    return f"# {_(LICENCE_LINE)}\n# {release}\n"


def source_note(lang: str, source_ids: Iterable[str]) -> Component:
    _ = translator(lang)
    items = []
    for source_id in dict.fromkeys(source_ids):
        record = source_record(source_id)
        parts: list[Component | str] = [html.Strong(source_organisation(source_id, lang)), " — "]
        url = record.get("url", "")
        title = source_title(source_id, lang)
        parts.append(html.A(title, href=url, rel="noopener noreferrer", target="_blank") if url.startswith("http") else title)
        if record.get("published"):
            parts.append(f" ({record['published']})")
        if record.get("licence"):
            parts.append(". " + _("Terms: {licence}").format(licence=query.in_language(record["licence"], lang)))
        items.append(html.Li(parts))
    summary = _("Sources ({count})").format(count=len(items))
    return html.Div(
        [
            html.Details([html.Summary(html.Strong(summary)), html.Ul(items, className="mb-1")], open=len(items) <= 3),
            html.P(
                [_("How the figures were compiled and checked: "), html.A(_("data and methodology page"), href=page_path(lang, "data"))],
                className="mb-0",
            ),
        ],
        className="source-note small text-body-secondary mt-2",
    )
