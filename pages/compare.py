"""Venezuela and the region: ranked countries for a year, lines over time with reference lines, and
good-practice trajectories aligned and indexed, with the practice cards they link to.

The layout is built from the URL; ``assets/trends.js`` keeps the URL in step with the controls.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, dcc, html

from analysis.benchmark_series import country_rates, place_names
from components.benchmark_cards import practice_cards
from components.benchmark_charts import lines_chart, ranking_chart, trajectory_chart
from components.bilingual_page import register_page_bilingual
from components.chart_card import chart_body, chart_card, labelled
from components.page_intro import data_page_pointer
from components.share_link import share_link
from i18n import translator
from i18n.markers import N_
from views.compare_view import ALIGNMENTS, COMPARE_CHARTS, DISTRIBUTOR_LABELS, all_years, normalise

TITLE = N_("Venezuela and the region")
INTRO = N_("Venezuela's homicide rate beside the other Latin American and Caribbean countries, and beside the "
           "cities and states that cut homicides, with what they did and how it was measured.")
CHARTS = COMPARE_CHARTS


def _title(lang: str, key: str) -> str:
    return translator(lang)(CHARTS[key])


def _year_options(source: str) -> list[dict[str, Any]]:
    return [{"label": str(y), "value": y} for y in reversed(all_years(source))]


def layout(lang: str, **params: object) -> Any:
    _ = translator(lang)
    view, notices = normalise(params, lang)
    names = place_names(lang)
    countries = sorted((p for p in country_rates(view.source)["place_id"].unique() if p != "VEN"),
                       key=lambda p: names.get(p, p))
    source_control = labelled(_("UNODC copy"), dbc.RadioItems(
        id="compare-source", value=view.source, inline=True,
        options=[{"label": _(label), "value": key} for key, label in DISTRIBUTOR_LABELS.items()]), "compare-source")
    ranking = chart_card(
        "compare-ranking", lang, _title(lang, "ranking"),
        _("UNODC intentional homicides per 100,000 people. Venezuela in vermillion; a country without a figure "
          "for the year is not drawn."),
        [labelled(_("Year"), dcc.Dropdown(id="compare-year", options=_year_options(view.source), value=view.year,
                                          clearable=False), "compare-year", "8rem"), source_control],
        ranking_chart(lang, view.year, view.source), "lac_homicide_rate_ranking.csv",
    )
    lines = chart_card(
        "compare-lines", lang, _title(lang, "lines"),
        _("Venezuela and the countries you choose, with the regional average, the 10 per 100,000 level often called "
          "epidemic, and the path that would halve Venezuela's latest figure in ten years."),
        [labelled(_("Countries"), dcc.Dropdown(id="compare-countries", multi=True, value=list(view.countries),
                                               options=[{"label": names.get(p, p), "value": p} for p in countries]),
                  "compare-countries", "22rem")],
        lines_chart(lang, list(view.countries), view.source), "lac_homicide_rate_over_time.csv",
    )
    trajectories = chart_card(
        "compare-trajectories", lang, _title(lang, "trajectories"),
        _("Each place's own series, indexed to 100 and aligned so that the speed of decline can be compared. "
          "Click a line to open its practice card below."),
        [labelled(_("Align"), dbc.RadioItems(id="compare-align", value=view.align, inline=True,
                                             options=[{"label": _(v), "value": k} for k, v in ALIGNMENTS.items()]),
                  "compare-align")],
        trajectory_chart(lang, view.align, view.source), "good_practice_trajectories.csv",
    )
    share = share_link(lang, "compare-share-url")
    return html.Div([
        html.H1(_(TITLE)),
        html.P(_(INTRO)),
        html.Div([dbc.Alert(n, color="warning", className="py-2") for n in notices], id="compare-notices",
                 role="status"),
        dcc.Store(id="compare-lang", data=lang),
        html.Div(id="compare-practice-focus", hidden=True),
        html.Nav(html.Ul([*(html.Li(html.A(_(label), href=f"#compare-{key}")) for key, label in CHARTS.items()),
                          html.Li(html.A(_("Good-practice cards"), href="#compare-practices"))], className="small"),
                 **{"aria-label": _("Charts on this page")}),
        share,
        ranking, lines, trajectories,
        html.Section([html.H2(_("Good-practice cards"), className="h4 mt-4"),
                      html.P(_("What each place did, the outcome that was measured, the evaluation behind it and "
                               "the caveats."), className="text-body-secondary"),
                      dbc.Row(practice_cards(lang))], id="compare-practices"),
        data_page_pointer(lang),
    ])


@callback(
    Output("compare-ranking-body", "children"),
    Output("compare-lines-body", "children"),
    Output("compare-trajectories-body", "children"),
    Output("compare-year", "options"),
    Output("compare-year", "value"),
    Input("compare-year", "value"),
    Input("compare-source", "value"),
    Input("compare-countries", "value"),
    Input("compare-align", "value"),
    State("compare-lang", "data"),
    prevent_initial_call=True,
)
def update(year, source, countries, alignment, lang):
    """Any control redraws the three charts from one corrected view (cheap: the data are in memory)."""
    _ = translator(lang)
    params = {"year": str(year) if year else None, "source": source, "countries": ",".join(countries or []),
              "align": alignment}
    view, _notices = normalise({k: v for k, v in params.items() if v}, lang)
    chosen = [c for c in view.countries if c in (countries or [])]
    return (
        chart_body("compare-ranking", _title(lang, "ranking"), ranking_chart(lang, view.year, view.source), lang,
                   "lac_homicide_rate_ranking.csv"),
        chart_body("compare-lines", _title(lang, "lines"), lines_chart(lang, chosen, view.source), lang,
                   "lac_homicide_rate_over_time.csv"),
        chart_body("compare-trajectories", _title(lang, "trajectories"), trajectory_chart(lang, view.align, view.source),
                   lang, "good_practice_trajectories.csv"),
        _year_options(view.source), view.year,
    )


clientside_callback(
    ClientsideFunction(namespace="trends", function_name="syncCompareUrl"),
    Output("compare-share-url", "value"),
    Input("compare-year", "value"),
    Input("compare-source", "value"),
    Input("compare-countries", "value"),
    Input("compare-align", "value"),
    State("compare-lang", "data"),
)
clientside_callback(
    ClientsideFunction(namespace="trends", function_name="focusPractice"),
    Output("compare-practice-focus", "title"),
    Input("compare-trajectories-graph", "clickData"),
    prevent_initial_call=True,
)

register_page_bilingual(__name__, "compare", TITLE, layout, order=3)
