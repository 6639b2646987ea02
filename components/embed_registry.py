"""The charts that can be embedded, by name: ``/embed/<name>?…`` draws ``CHARTS[name]``.

To make another chart embeddable, write a builder ``(params, lang) -> EmbedContent`` that reads the
same URL parameters as the chart's page and add it here; its page gets the Embed action with
``components.embed_snippet.embed_action(name, lang, title)``.
"""

from __future__ import annotations

from collections.abc import Mapping

from dash.development.base_component import Component

from components.briefing_embeds import briefing_compare_embed, briefing_trend_embed
from components.chart_embeds import CHART_EMBEDS
from components.embed_frame import EmbedBuilder, embed_frame, unknown_chart_frame
from components.map_figure import map_embed
from i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, is_supported, translator
from views.params import first_value

CHARTS: dict[str, EmbedBuilder] = {
    "map": map_embed,
    "briefing-trend": briefing_trend_embed,
    "briefing-compare": briefing_compare_embed,
    **CHART_EMBEDS,
}


def chart_names() -> list[str]:
    return list(CHARTS)


def embed_language(raw: object) -> tuple[str, list[str]]:
    """The frame's language from ``?lang``, and a notice when the value was not one of ours."""
    asked = first_value(raw) or ""
    if not asked or is_supported(asked):
        return asked or DEFAULT_LANGUAGE, []
    _ = translator(DEFAULT_LANGUAGE)
    shown = asked if len(asked) <= 12 else asked[:11] + "…"
    notice = _("“{value}” is not a language of this dashboard; showing {language}.").format(
        value=shown, language=LANGUAGE_NAMES[DEFAULT_LANGUAGE]
    )
    return DEFAULT_LANGUAGE, [notice]


def embed_page(chart: str, params: Mapping[str, object]) -> Component:
    """The frame for ``/embed/<chart>?…``: the chart, or a translated notice when it does not exist."""
    params = {k: v for k, v in params.items() if k != "pathname"}
    lang, notices = embed_language(params.pop("lang", None))
    builder = CHARTS.get(chart)
    if builder is None:
        return unknown_chart_frame(lang, chart, chart_names(), notices)
    content = builder(params, lang)
    content.notices = [*notices, *content.notices]
    return embed_frame(lang, chart, content)
