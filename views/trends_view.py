"""The trends page's view as URL parameters: parse, correct with a visible notice, re-encode.

Lists (indicators, states) are written comma-separated (``states=VE-A,VE-V``) so a link stays short
and a language switch carries them unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from analysis.labels import indicator_name, unit_label
from analysis.trend_series import indicators_at, units_for
from data.derive import RATE_INDICATORS
from geo import codes
from i18n import translator
from i18n.markers import N_
from views.params import Notices, chosen_only, control_params, first_value, page_url, split_list

DEFAULT_INDICATORS = ("violent_deaths", "homicides", "intentional_homicides")
DEFAULT_STATES = ("VE-A",)
MAX_ITEMS = 6
POPULATION_INDICATORS = RATE_INDICATORS  # the counts the package derives rates of (data/derive.py)
MEASURES = {"count": N_("counts"), "share": N_("shares")}


@dataclass(frozen=True)
class TrendView:
    indicators: tuple[str, ...]
    unit: str
    composition: str
    base_indicator: str
    states: tuple[str, ...]
    state_indicator: str
    state_unit: str

    SLUG: ClassVar[str] = "trends"
    CONTROLS: ClassVar[dict[str, tuple[str, str]]] = {
        "indicators": ("trends-indicators", "value"), "unit": ("trends-unit", "value"),
        "composition": ("trends-composition-measure", "value"), "base_indicator": ("trends-base-indicator", "value"),
        "states": ("trends-states-select", "value"), "state_indicator": ("trends-state-indicator", "value"),
        "state_unit": ("trends-state-unit", "value"),
    }

    DEPENDENT: ClassVar[tuple[str, ...]] = ("unit", "state_unit")  # controls whose choices follow others

    @classmethod
    def from_params(cls, params: Mapping[str, object], lang: str) -> tuple[TrendView, list[str]]:
        """Raw URL parameters to a valid view, plus translated notices of every correction."""
        return _normalise(dict(params), lang)

    @classmethod
    def from_controls(cls, values: Mapping[str, object], lang: str) -> TrendView:
        """The view the controls show; an emptied state picker means no state (not the default one)."""
        return chosen_only(_normalise(control_params(values), lang)[0], "states", values.get("states"))

    def url(self, lang: str) -> str:
        """The address of this view on the dashboard (what a shared link reopens)."""
        return page_url(lang, self.SLUG, self.to_params())

    def to_params(self) -> dict[str, str]:
        return {
            "indicators": ",".join(self.indicators), "unit": self.unit, "composition": self.composition,
            "base_indicator": self.base_indicator, "states": ",".join(self.states),
            "state_indicator": self.state_indicator, "state_unit": self.state_unit,
        }

    def options(self, param: str, lang: str) -> list[dict[str, str]] | None:
        """Choices of a control that depend on other controls (units follow the chosen indicators)."""
        if param == "unit":
            return [{"label": unit_label(u, lang), "value": u} for u in common_units(list(self.indicators), "country")]
        if param == "state_unit":
            return [{"label": unit_label(u, lang), "value": u} for u in common_units([self.state_indicator], "state")]
        return None


def common_units(indicators: list[str], level: str) -> list[str]:
    """Units in which at least one of the indicators has figures, rates first."""
    found: list[str] = []
    for indicator in indicators:
        found += [u for u in units_for(indicator, level) if u not in found]
    order = ["rate_per_100k", "count", "percent"]
    return sorted(found, key=order.index)


def _normalise(params: dict[str, object], lang: str) -> tuple[TrendView, list[str]]:
    """Raw URL parameters to a valid view, plus translated notices of every correction."""
    _ = translator(lang)
    notices = Notices(lang)
    corrected, ignored = notices.corrected, notices.ignored

    national = indicators_at("country")
    raw, extra = split_list(params.get("indicators"), MAX_ITEMS)
    chosen = [i for i in raw if i in national]
    for bad in (i for i in raw if i not in national):
        ignored(N_("indicator"), bad)
    notices.left_out(extra, MAX_ITEMS)  # after the items named: "… and N more were left out"
    if not chosen:
        chosen = [i for i in DEFAULT_INDICATORS if i in national] or national[:1]
    units = common_units(chosen, "country")
    def ind(i: str) -> str:
        return indicator_name(i, lang)

    def uni(u: str) -> str:
        return unit_label(u, lang)

    unit = _pick(first_value(params.get("unit")), units, units[0], N_("unit"), corrected, uni)

    composition = _pick(first_value(params.get("composition")), ["count", "share"], "count", N_("measure"), corrected,
                        lambda m: _(MEASURES[m]))
    base_indicator = _pick(first_value(params.get("base_indicator")), list(POPULATION_INDICATORS), "violent_deaths",
                           N_("indicator"), corrected, ind)

    raw_states, extra = split_list(params.get("states"), MAX_ITEMS)
    valid_states = set(codes.state_iso_codes())
    states = [s for s in raw_states if s in valid_states]
    for bad in (s for s in raw_states if s not in valid_states):
        ignored(N_("state"), bad)
    notices.left_out(extra, MAX_ITEMS)
    if not states and not raw_states:
        states = list(DEFAULT_STATES)
    state_indicators = indicators_at("state")
    state_indicator = _pick(first_value(params.get("state_indicator")), state_indicators,
                            "violent_deaths" if "violent_deaths" in state_indicators else state_indicators[0],
                            N_("indicator"), corrected, ind)
    state_units = common_units([state_indicator], "state")
    state_unit = _pick(first_value(params.get("state_unit")), state_units, state_units[0], N_("unit"), corrected, uni)
    view = TrendView(tuple(chosen), unit, composition, base_indicator, tuple(states), state_indicator, state_unit)
    return view, notices


def _pick(raw: str | None, allowed: list[str], default: str, name: str, corrected: Callable[[str, str, str], None],
          shown: Callable[[str], str]) -> str:
    if raw in allowed:
        return raw
    if raw:
        corrected(name, raw, shown(default))
    return default
