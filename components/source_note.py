"""The source line under every chart and map: who published the figures, where, when, on what terms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dash import html
from dash.development.base_component import Component

from analysis.labels import source_organisation, source_record, source_title
from components.deferred import lazy_details
from data import query
from i18n import translator
from views.export_text import LICENCE_LINE
from views.navigation import page_path


def file_footer(lang: str) -> str:
    """The last comment lines of every CSV we produce: the licence, and the release of the data package
    the figures come from (so a file found later can be matched to the package's changes log)."""
    _ = translator(lang)
    version, date = query.release()
    release = _("Data package version {version} ({date}).").format(version=version, date=date)
    return f"# {_(LICENCE_LINE)}\n# {release}\n"


def source_header(rows: Iterable[Mapping[str, Any]], source_ids: Iterable[str], lang: str) -> str:
    """The ``# Source …`` lines of a CSV: every publication the rows shipped come from and, under each, the pages
    its rows were read on (the press copy named where a figure was read on one), with how many rows each."""
    _ = translator(lang)
    rows = list(rows)
    pages: dict[str, dict[tuple[str, str], int]] = {}
    for row in rows:
        source_id = str(row.get("source_id") or "")
        page = (str(row.get("locator_url") or ""), str(row.get("read_via") or ""))
        if source_id and page[0]:
            counts = pages.setdefault(source_id, {})
            counts[page] = counts.get(page, 0) + 1
    found = [str(r["source_id"]) for r in rows if r.get("source_id")]
    lines = []
    for source_id in dict.fromkeys([*source_ids, *found]):
        record = source_record(source_id)
        lines.append(f"# {_('Source')} {source_id}: {source_organisation(source_id, lang)} — "
                     f"{source_title(source_id, lang)} — {record.get('url', '')}")
        for (page, copy), count in pages.get(source_id, {}).items():
            if copy:
                text = _("read on {page}, a copy by {copy} (rows: {count})").format(
                    page=page, copy=source_organisation(copy, lang) or copy, count=count)
            else:
                text = _("read on {page} (rows: {count})").format(page=page, count=count)
            lines.append(f"#   {text}")
    return "".join(f"{line}\n" for line in lines)


def source_note(lang: str, source_ids: Iterable[str], key: str | None = None) -> Component:
    """The sources, listed open when there are three or fewer. A longer list is closed; with a ``key``
    (unique on the page) its items are mounted only when the reader opens it (``components/disclosure.py``)."""
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
    summary = html.Strong(_("Sources ({count})").format(count=len(items)))
    listed = html.Ul(items, className="mb-1")
    if key and len(items) > 3:
        sources = lazy_details(key, summary, listed)
    else:
        sources = html.Details([html.Summary(summary), listed], open=len(items) <= 3)
    return html.Div(
        [
            sources,
            html.P(
                [_("How the figures were compiled and checked: "), html.A(_("data and methodology page"), href=page_path(lang, "data"))],
                className="mb-0",
            ),
        ],
        className="source-note small text-body-secondary mt-2",
    )
