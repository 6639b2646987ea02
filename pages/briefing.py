"""Briefings for decision-makers: an index, a national briefing and one per state, in both languages.

``/es/briefing`` lists them; ``/es/briefing/VEN`` is the national briefing and ``/es/briefing/VE-F``
a state's. Figures, charts and the sentences around them are generated from the data package
(``components/briefing_*``), in the order a decision-maker reads them: the headline box, the trend,
where violence is concentrated, options for action, then the sources. ``/es/briefing/VE-F.pdf`` is the
same content as a PDF file made on the server (``briefing_document`` writes it as HTML; ``web/pdf.py``
prints and caches it), so "Download PDF" downloads a file that can be attached or shared from a phone.
"""

from __future__ import annotations

from urllib.parse import unquote

import dash
import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from analysis.briefing_figures import COUNTRY, briefing, data_year, is_briefing_place, place_name
from analysis.briefing_text import publication_date
from components.bilingual_page import page_title, register_page_bilingual, with_site_name
from components.briefing_options import options_section
from components.briefing_sections import (
    Citations,
    concentration_section,
    headline_section,
    national_headline_section,
    sources_section,
    trend_section,
)
from components.page_intro import page_intro
from components.shell import page_frame
from components.static_html import document
from data.query import release
from geo import codes
from i18n import LANGUAGES, gettext, translator
from i18n.markers import N_
from views.export_text import slug
from views.navigation import page_path

TITLE = N_("Briefings for decision-makers")
INTRO = (
    N_("Briefings are two-page documents for decision-makers: a national one and one for each state, with the latest figures and their sources, the trend, where violence is concentrated and options for action backed by practices measured in the region."),
    N_("They are generated from the same data as the rest of the dashboard and cite every figure."),
)
NATIONAL_HEADING = N_("Venezuela: national briefing")
STATE_HEADING = N_("{place}: state briefing")
PDF_STEM = N_("briefing")
STATE_PAGES, NATIONAL_PAGES = 2, 4  # the most pages a printed briefing may take


def heading(code: str, lang: str) -> str:
    if code == COUNTRY:
        return gettext(lang, NATIONAL_HEADING)
    return gettext(lang, STATE_HEADING).format(place=place_name(code))


def briefing_path(lang: str, code: str) -> str:
    return page_path(lang, f"briefing/{code}")


def index(lang: str, **_params: object) -> Component:
    _ = translator(lang)
    states = [
        html.Li(html.A(codes.state_name(code), href=briefing_path(lang, code)), className="briefing-index-item")
        for code in sorted(codes.state_iso_codes(), key=lambda c: codes.state_name(c))
    ]
    return html.Div(
        [
            *page_intro(lang, TITLE, INTRO),
            html.H2(_("National briefing"), className="h4 mt-4"),
            html.P(html.A(heading(COUNTRY, lang), href=briefing_path(lang, COUNTRY), className="fw-semibold")),
            html.H2(_("State briefings"), className="h4 mt-4"),
            html.P(_("One for each of the 23 states, the Capital District and the Federal Dependencies. Where a state "
                     "has few published figures, its briefing says what is missing."), className="small"),
            html.Ul(states, className="briefing-index", id="briefing-index"),
        ]
    )


def pdf_path(lang: str, code: str) -> str:
    return briefing_path(lang, code) + ".pdf"


def pdf_name(code: str, lang: str) -> str:
    """The downloaded file's name: ``informe-aragua.pdf``, ``briefing-aragua.pdf``."""
    return f"{slug(gettext(lang, PDF_STEM))}-{slug(place_name(code))}.pdf"


def actions(lang: str, code: str) -> Component:
    _ = translator(lang)
    return html.Div(
        [
            html.A(_("← All briefings"), href=page_path(lang, "briefing"), className="btn btn-link btn-sm ps-0"),
            html.A(_("Download PDF"), href=pdf_path(lang, code), download=pdf_name(code, lang), id="briefing-pdf",
                   className="btn btn-primary btn-sm"),
            html.Span(_("A two-page PDF file (A4 and Letter) to attach or share."), className="small text-body-secondary"),
        ],
        className="briefing-actions d-flex flex-wrap gap-2 align-items-center mb-2 no-print",
    )


def not_found(lang: str, code: str) -> Component:
    _ = translator(lang)
    shown = code if len(code) <= 40 else code[:39] + "…"
    return html.Div(
        [
            html.H1(_("No briefing for this place")),
            html.Div(dbc.Alert(_("“{value}” is not a state code. Briefings exist for Venezuela (VEN) and each state "
                                 "(for example VE-F for Bolívar).").format(value=shown), color="warning"), role="status"),
            html.P(html.A(_("See all briefings"), href=page_path(lang, "briefing"))),
        ]
    )


def dateline(lang: str, code: str) -> str:
    """"Data up to 2023": the year of the latest figure shown, never a publication date; and the package."""
    _ = translator(lang)
    year = data_year(briefing(code))
    version, date = release()
    template = (_("Data up to {year} (the latest figure in this briefing) · data package {version}, {date} · {site}")
                if year else _("No published figure for this place · data package {version}, {date} · {site}"))
    return template.format(
        year=year, version=version, date=publication_date(date[:10], lang) if date else "—",
        site=gettext(lang, "Lethal violence in Venezuela"))


def briefing_content(lang: str, code: str) -> list[Component]:
    """Heading, dateline and sections, shared by the page and its PDF."""
    b = briefing(code)
    cite = Citations()
    headline = national_headline_section if code == COUNTRY else headline_section
    sections = [
        headline(b, lang, cite),
        trend_section(b, lang, cite),
        concentration_section(b, lang, cite),
        options_section(b, lang, cite),
    ]
    return [html.H1(heading(code, lang)), html.P(dateline(lang, code), className="briefing-dateline text-body-secondary"),
            *sections, sources_section(lang, cite)]


def place_briefing(lang: str, code: str) -> Component:
    return html.Article([actions(lang, code), *briefing_content(lang, code)], className="briefing", id="briefing",
                        **{"data-place": code})


def briefing_document(lang: str, code: str, base_url: str, css: str) -> tuple[str, int] | None:
    """The briefing as a complete HTML document for the PDF, with the footer every page prints (the data
    year, the package and the page's address), and the most pages it may take (two for a state, four for
    the nation); ``None`` for a place without a briefing."""
    if lang not in LANGUAGES or not is_briefing_place(code):
        return None
    _ = translator(lang)
    year = data_year(briefing(code))
    template = (_("Data up to {year} · data package {version} · {url}") if year
                else _("No published figure · data package {version} · {url}"))
    footer = template.format(year=year, version=release()[0], url=base_url + briefing_path(lang, code))
    quoted = footer.replace("\\", "\\\\").replace('"', '\\"')
    page_css = css + f'@page {{ @bottom-left {{ content: "{quoted}"; }} }}'
    body = html.Article(briefing_content(lang, code), className="briefing briefing-document", id="briefing",
                        **{"data-place": code})
    pages = NATIONAL_PAGES if code == COUNTRY else STATE_PAGES
    return document(body, lang, with_site_name(lang, heading(code, lang)), page_css), pages


def _place_layout(lang: str):
    def layout(code: str = "", pathname: object = "", **_params: object) -> Component:
        # Dash lets a query parameter override a path variable (``?code=VE-F``): the place is read from
        # the path alone, and a briefing reads no query parameter.
        code = unquote(pathname.split("/briefing/", 1)[-1] if isinstance(pathname, str) and pathname else code)
        content = place_briefing(lang, code) if is_briefing_place(code) else not_found(lang, code)
        return page_frame(lang, "briefing", content, {})

    layout.__name__ = f"briefing_place_{lang}"
    return layout


def _place_title(lang: str):
    def title(code: str = "", **_params: object) -> str:
        code = unquote(code)
        return with_site_name(lang, heading(code, lang)) if is_briefing_place(code) else page_title(lang, TITLE)

    return title


register_page_bilingual(__name__, "briefing", TITLE, index, order=4, document=True)
for _lang in LANGUAGES:
    dash.register_page(
        f"{__name__}.place.{_lang}",
        path_template=f"/{_lang}/briefing/<code>",
        path=briefing_path(_lang, COUNTRY),
        name=heading(COUNTRY, _lang),
        title=_place_title(_lang),
        layout=_place_layout(_lang),
        order=48 + LANGUAGES.index(_lang),
        document=True,
    )
