"""The briefing charts as embeds: ``/embed/briefing-trend?place=VE-F`` and ``/embed/briefing-compare``.

``place`` is ``VEN`` (the national briefing) or a state ISO code; anything else falls back to the
national briefing with a translated notice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from dash import html

from analysis.briefing_figures import COUNTRY, Briefing, briefing, is_briefing_place, place_name
from components.briefing_charts import BriefingChart, chart_csv, chart_image, compare_chart, trend_chart
from components.embed_frame import EmbedContent
from i18n import translator


def _place(params: Mapping[str, object], lang: str) -> tuple[str, list[str]]:
    _ = translator(lang)
    raw = params.get("place")
    raw = raw[0] if isinstance(raw, list) and raw else raw
    if not isinstance(raw, str) or not raw:
        return COUNTRY, []
    if is_briefing_place(raw):
        return raw, []
    shown = raw if len(raw) <= 40 else raw[:39] + "…"
    return COUNTRY, [_("“{value}” is not a state code; showing Venezuela as a whole.").format(value=shown)]


def _embed(params: Mapping[str, object], lang: str, build: Callable[[Briefing, str], BriefingChart | None],
           anchor: str) -> EmbedContent:
    _ = translator(lang)
    code, notices = _place(params, lang)
    chart = build(briefing(code), lang)
    full_view = f"/{lang}/briefing/{code}#{anchor}"
    if chart is None:
        message = _("No published figures to draw for {place}.").format(place=place_name(code))
        return EmbedContent(place_name(code), "", html.P(message, className="embed-empty"), [], full_view, "",
                            f"briefing_{code}.csv", f"briefing_{code}", notices)
    return EmbedContent(chart.title, "", chart_image(chart, "embed-image"), chart.source_ids, full_view,
                        chart_csv(chart, lang), f"{chart.filename}.csv", chart.filename, notices)


def briefing_trend_embed(params: Mapping[str, object], lang: str) -> EmbedContent:
    return _embed(params, lang, trend_chart, "briefing-trend")


def briefing_compare_embed(params: Mapping[str, object], lang: str) -> EmbedContent:
    return _embed(params, lang, compare_chart, "briefing-compare")
