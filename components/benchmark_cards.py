"""Good-practice cards: what was done, the measured outcome, the evaluation and its caveats.

Each card has the anchor ``practice-<id>`` so the trajectory chart and links can point to it.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from analysis.benchmark_series import place_names
from analysis.labels import source_label, source_record
from data import query
from i18n import translator
from i18n.markers import N_

EVIDENCE = {
    "evaluation": N_("Independent evaluation"),
    "observational": N_("Observed trend, no causal evaluation"),
    "contested": N_("Contested figures"),
}


def _source_link(source_id: str, lang: str) -> Component:
    url = source_record(source_id).get("url", "")
    label = source_label(source_id, lang)
    return html.A(label, href=url, target="_blank", rel="noopener noreferrer") if url.startswith("http") else label


def practice_cards(lang: str) -> list[Component]:
    _ = translator(lang)
    names = place_names(lang)
    suffix = "es" if lang == "es" else "en"
    cards = []
    for row in query.practices().itertuples():
        period = f"{row.period_start}–{row.period_end}" if str(row.period_end) not in ("", "<NA>", "nan") \
            else _("since {year}").format(year=row.period_start)
        evaluation = str(row.evaluation_source_id or "")
        body = [
            html.H3(f"{names.get(row.place_id, row.place_id)} · {getattr(row, 'title_' + suffix)}", className="h6"),
            html.P([html.Span(period, className="badge text-bg-light me-2"),
                    html.Span(_(EVIDENCE.get(row.evidence_level, row.evidence_level)),
                              className="badge text-bg-secondary")], className="mb-2"),
            html.P([html.Strong(_("What was done: ")), getattr(row, "summary_" + suffix)], className="small mb-1"),
            html.P([html.Strong(_("Measured outcome: ")), getattr(row, "outcome_" + suffix)], className="small mb-1"),
            html.P([html.Strong(_("Caveats: ")), getattr(row, "caveat_" + suffix)], className="small mb-1"),
            html.P([html.Strong(_("Figures: ")), _source_link(row.source_id, lang),
                    *([html.Br(), html.Strong(_("Evaluation: ")), _source_link(evaluation, lang)] if evaluation else
                      [html.Br(), html.Em(_("No independent evaluation is recorded."))])],
                   className="small mb-0"),
        ]
        cards.append(dbc.Col(dbc.Card(dbc.CardBody(body), className="h-100"), xs=12, md=6, xl=4, className="mb-3",
                             id=f"practice-{row.practice_id}"))
    return cards
