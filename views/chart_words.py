"""Each chart's view in words: what its image's subtitle says (place, indicator, measure, year) and the words
its files are named from (``muertes-violentas-bolivar-2023``), in the page's language.

Why in views/: the words follow the view's URL state alone (the same link gives the same subtitle and file
name); the registry pairs each chart with its two functions, and ``views/export_text.py`` writes them out.
"""

from __future__ import annotations

import re

from analysis.benchmark_series import FIREARM_SINCE, place_names
from analysis.briefing_figures import place_name as briefing_place
from analysis.labels import indicator_name, unit_label
from analysis.trend_series import producer_label
from geo import codes
from i18n import translator
from i18n.markers import N_
from views.briefing_view import BriefingView
from views.compare_view import ALIGNMENTS, CompareView
from views.map_view import MEASURE_LABELS, MapView, sources_for
from views.trends_view import MEASURES, TrendView

TREND_WORDS = N_("trend of the rate")
COMPARE_WORDS = N_("comparison")
UNIT_WORDS = {"rate_per_100k": N_("rate"), "count": N_("count"), "percent": N_("percent")}
VENEZUELA = N_("Venezuela")
REGION = N_("Latin America and the Caribbean")
HOMICIDE_RATE = N_("intentional homicides per 100,000 inhabitants")


def _plain(indicator: str, lang: str) -> str:
    """An indicator's name without the bracketed producer (``Muertes violentas (OVV)`` → ``Muertes violentas``),
    for file names: the producer is named there only when it is not the usual one."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", indicator_name(indicator, lang))


def _unit_word(unit: str, lang: str) -> str:
    return translator(lang)(UNIT_WORDS.get(unit, unit))


def map_about(view: MapView, lang: str) -> list[str]:
    _ = translator(lang)
    if view.state:
        where = _("{state}, by municipality").format(state=codes.state_name(view.state))
    elif view.level == "municipality":
        where = _("Venezuela, by municipality")
    else:
        where = _("Venezuela, by state")
    when = _("latest published figure of each place") if view.when == "latest" else str(view.year)
    return [indicator_name(view.indicator, lang), _(MEASURE_LABELS[view.measure]), where, when]


def map_file_words(view: MapView, lang: str) -> list[str]:
    """Indicator, measure (unless the usual rate), source (unless the usual one), place and year."""
    _ = translator(lang)
    words = [_plain(view.indicator, lang)]
    if view.measure != "rate":
        words.append(_(MEASURE_LABELS[view.measure]))
    if sources_for(view.indicator, view.measure, view.level)[:1] != [view.producer]:
        words.append(producer_label(view.producer, lang))
    words.append(codes.state_name(view.state) if view.state else _(VENEZUELA))
    if view.level == "municipality" and not view.state:
        words.append(_("municipalities"))
    words.append(_("latest") if view.when == "latest" else str(view.year))
    return words


def national_about(view: TrendView, lang: str) -> list[str]:
    names = ", ".join(indicator_name(i, lang) for i in view.indicators)
    return [translator(lang)(VENEZUELA), names, unit_label(view.unit, lang)]


def national_file_words(view: TrendView, lang: str) -> list[str]:
    return [translator(lang)(VENEZUELA), *(_plain(i, lang) for i in view.indicators), _unit_word(view.unit, lang)]


def composition_about(view: TrendView, lang: str) -> list[str]:
    _ = translator(lang)
    return [_(VENEZUELA), _("violent deaths counted by OVV, by component"), _(MEASURES[view.composition])]


def composition_file_words(view: TrendView, lang: str) -> list[str]:
    _ = translator(lang)
    return [_(VENEZUELA), _("composition of violent deaths"), _(MEASURES[view.composition])]


def population_about(view: TrendView, lang: str) -> list[str]:
    _ = translator(lang)
    return [_(VENEZUELA), indicator_name(view.base_indicator, lang), _("rate per 100,000 by population base")]


def population_file_words(view: TrendView, lang: str) -> list[str]:
    _ = translator(lang)
    return [_(VENEZUELA), _plain(view.base_indicator, lang), _("rate by population base")]


def states_about(view: TrendView, lang: str) -> list[str]:
    _ = translator(lang)
    places = [codes.state_name(s) for s in view.states]
    where = _("{states} and Venezuela").format(states=", ".join(places)) if places else _(VENEZUELA)
    return [where, indicator_name(view.state_indicator, lang), unit_label(view.state_unit, lang)]


def states_file_words(view: TrendView, lang: str) -> list[str]:
    return [*(codes.state_name(s) for s in view.states), translator(lang)(VENEZUELA),
            _plain(view.state_indicator, lang), _unit_word(view.state_unit, lang)]


def ranking_about(view: CompareView, lang: str) -> list[str]:
    _ = translator(lang)
    return [_(REGION), _(HOMICIDE_RATE), str(view.year)]


def ranking_file_words(view: CompareView, lang: str) -> list[str]:
    _ = translator(lang)
    return [_("homicide rate"), _(REGION), str(view.year)]


def lines_about(view: CompareView, lang: str) -> list[str]:
    names = place_names(lang)
    places = ", ".join([translator(lang)(VENEZUELA), *(names.get(c, c) for c in view.countries)])
    return [places, translator(lang)(HOMICIDE_RATE)]


def lines_file_words(view: CompareView, lang: str) -> list[str]:
    names = place_names(lang)
    _ = translator(lang)
    return [_("homicide rate"), _(VENEZUELA), *(names.get(c, c) for c in view.countries)]


def trajectories_about(view: CompareView, lang: str) -> list[str]:
    _ = translator(lang)
    return [_("good-practice places and Venezuela"), _("homicide rate indexed to 100"), _(ALIGNMENTS[view.align])]


def trajectories_file_words(view: CompareView, lang: str) -> list[str]:
    _ = translator(lang)
    return [_("good-practice trajectories"), _(ALIGNMENTS[view.align])]


def firearms_about(view: CompareView, lang: str) -> list[str]:
    _ = translator(lang)
    return [_(REGION), _("share of homicides committed with a firearm"),
            _("latest published figure since {year}").format(year=FIREARM_SINCE)]


def firearms_file_words(view: CompareView, lang: str) -> list[str]:
    _ = translator(lang)
    return [_("firearm share of homicides"), _(REGION)]


def briefing_about(view: BriefingView, lang: str) -> list[str]:
    return [briefing_place(view.place)]


def briefing_trend_file_words(view: BriefingView, lang: str) -> list[str]:
    return [briefing_place(view.place), translator(lang)(TREND_WORDS)]


def briefing_compare_file_words(view: BriefingView, lang: str) -> list[str]:
    return [briefing_place(view.place), translator(lang)(COMPARE_WORDS)]
