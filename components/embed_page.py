"""The frame for ``/embed/<name>?…``: the registry's chart in the language asked for, or a notice."""

from __future__ import annotations

from collections.abc import Mapping

from dash.development.base_component import Component

from components.chart_registry import BY_NAME, chart_names, embed_content
from components.embed_frame import embed_frame, unknown_chart_frame
from i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, is_supported, translator
from views.params import first_value


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


def embed_page(name: str, params: Mapping[str, object]) -> Component:
    """The frame for ``/embed/<name>?…``: the chart, or a translated notice when it does not exist."""
    params = {k: v for k, v in params.items() if k != "pathname"}
    lang, notices = embed_language(params.pop("lang", None))
    chart = BY_NAME.get(name)
    if chart is None:
        return unknown_chart_frame(lang, name, chart_names(), notices)
    content = embed_content(chart, params, lang)
    content.notices = [*notices, *content.notices]
    return embed_frame(lang, name, content)
