"""The map's view as URL parameters: parse, correct to the nearest valid view, and re-encode.

Every control of the map lives in the URL, so a copied link reopens the same view. Values that
make no sense (unknown codes, years without figures, typos) are replaced by the nearest valid
choice and reported as notices; they never cause an error page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import ClassVar

from analysis.labels import indicator_name
from data import query
from geo import codes
from i18n import translator
from i18n.markers import N_
from views.params import Notices, control_params, first_value, page_url, parse_year

MEASURE_UNITS = {"rate": "rate_per_100k", "count": "count", "percent": "percent"}
MEASURE_LABELS = {"rate": N_("rate per 100,000"), "count": N_("count"), "percent": N_("percent")}
LEVELS = ("state", "municipality")
VIEWS = ("map", "tiles")
WHEN = {"year": N_("one year"), "latest": N_("the latest published figure")}
DEFAULT_INDICATOR = "violent_deaths"


@dataclass(frozen=True)
class MapView:
    """One view of the map explorer; ``producer`` is who published the figures (URL parameter ``source``)."""

    indicator: str
    measure: str
    producer: str
    year: int | None
    level: str
    state: str | None
    view: str
    when: str = "year"  # "latest": each place's most recent figure, whatever its year

    SLUG: ClassVar[str] = "map"
    # URL parameter -> (component id, property) of the control that sets it, in URL order.
    CONTROLS: ClassVar[dict[str, tuple[str, str]]] = {
        "indicator": ("map-indicator", "value"), "measure": ("map-measure", "value"),
        "source": ("map-source", "value"), "year": ("map-year", "value"), "when": ("map-when", "value"),
        "level": ("map-level", "value"),
        "state": ("map-state", "data"), "view": ("map-view", "value"),
    }

    URL_DEFAULTS: ClassVar[dict[str, str]] = {"when": "year"}  # left out of links when they hold these
    DEPENDENT: ClassVar[tuple[str, ...]] = ("indicator", "measure", "source")  # choices follow the level

    @property
    def unit(self) -> str:
        return MEASURE_UNITS[self.measure]

    @classmethod
    def from_params(cls, params: Mapping[str, object], lang: str) -> tuple[MapView, list[str]]:
        """Raw URL parameters to the nearest valid view, with translated notices of every correction."""
        return _normalise(dict(params), lang)

    @classmethod
    def from_controls(cls, values: Mapping[str, object], lang: str) -> MapView:
        """The view the page's controls show (values the controls offer; anything else is corrected)."""
        return _normalise(control_params(values), lang)[0]

    def options(self, param: str, lang: str) -> list[dict[str, str]] | None:
        """Choices of the indicator, measure and producer controls for this view's level and selection."""
        _ = translator(lang)
        if param == "indicator":
            return [{"label": indicator_name(i, lang), "value": i} for i in map_indicators(self.level)]
        if param == "measure":
            return [{"label": _(MEASURE_LABELS[m]), "value": m} for m in measures_for(self.indicator, self.level)]
        if param == "source":
            return [{"label": query.producer_name(s, lang), "value": s}
                    for s in sources_for(self.indicator, self.measure, self.level)]
        return None

    def url(self, lang: str) -> str:
        """The address of this view on the dashboard (what a shared link reopens)."""
        return page_url(lang, self.SLUG, self.to_params())

    def to_params(self) -> dict[str, str]:
        """Only meaningful values, in a stable order, for the shareable URL."""
        values = {"indicator": self.indicator, "measure": self.measure, "source": self.producer, "year": self.year,
                  "when": self.when if self.when != "year" else None, "level": self.level, "state": self.state,
                  "view": self.view}
        return {k: str(v) for k, v in values.items() if v not in (None, "")}


@lru_cache(maxsize=512)
def map_indicators(level: str) -> list[str]:
    """Indicators with at least one published figure at this level, in catalogue order."""
    available = set(query.options(level=level)["indicators"])
    return [i for i in query.indicators()["indicator_id"] if i in available]


@lru_cache(maxsize=512)
def measures_for(indicator: str, level: str) -> list[str]:
    units = set(query.options(indicator=indicator, level=level)["units"])
    return [m for m, unit in MEASURE_UNITS.items() if unit in units]


@lru_cache(maxsize=512)
def sources_for(indicator: str, measure: str, level: str) -> list[str]:
    """Producers (OVV, the Ministry's observatory, …) with figures for this selection."""
    return query.producers(indicator=indicator, unit=MEASURE_UNITS[measure], level=level)


@lru_cache(maxsize=512)
def years_for(view: MapView) -> list[int]:
    """Years with figures for the selection; for a drilled-down state, the years its municipalities
    have figures (or, if none, the national years, so the map shows that nothing was published)."""
    options = query.options(indicator=view.indicator, unit=view.unit, level=view.level, producer=view.producer)
    years = sorted(int(y) for y in options["years"])
    if view.state:
        counts = _counts(view, tuple(years))
        return [y for y in years if counts[y]] or years
    return years


@lru_cache(maxsize=512)
def _counts(view: MapView, years: tuple[int, ...]) -> dict[int, int]:
    return {
        y: len(query.producer_values(view.indicator, view.unit, view.producer, y, view.level, state=view.state))
        for y in years
    }


@lru_cache(maxsize=512)
def default_year(view: MapView, years: tuple[int, ...]) -> int:
    """The latest year whose coverage is at least half the best year's, so a first view is not
    a nearly empty map because one place already published next year's figure."""
    counts = _counts(view, years)
    best = max(counts.values())
    return max(y for y in years if counts[y] * 2 >= best)


def nearest(target: int, candidates: list[int]) -> int:
    """The closest candidate; on a tie the later year (more recent data)."""
    return min(candidates, key=lambda y: (abs(y - target), -y))


def _normalise(params: dict[str, object], lang: str) -> tuple[MapView, list[str]]:
    """Turn raw URL parameters into a valid view plus translated notices of what was corrected."""
    _ = translator(lang)
    notices = Notices(lang)
    corrected = notices.corrected

    raw_state = first_value(params.get("state"))
    state = None
    if raw_state:
        if codes.is_state(raw_state) and codes.municipality_pcodes(raw_state):
            state = raw_state
        else:
            corrected(N_("state"), raw_state, _("the whole country"))

    raw_level = first_value(params.get("level"))
    level = "municipality" if state else "state"
    if raw_level in LEVELS and not state:
        level = raw_level
    elif raw_level and raw_level not in LEVELS:
        corrected(N_("level"), raw_level, _("states") if level == "state" else _("municipalities"))

    indicators = map_indicators(level) or map_indicators("state")
    raw_indicator = first_value(params.get("indicator"))
    indicator = DEFAULT_INDICATOR if DEFAULT_INDICATOR in indicators else indicators[0]
    if raw_indicator in indicators:
        indicator = raw_indicator
    elif raw_indicator:
        corrected(N_("indicator"), raw_indicator, indicator_name(indicator, lang))

    measures = measures_for(indicator, level)
    raw_measure = first_value(params.get("measure"))
    measure = "rate" if "rate" in measures else measures[0]
    if raw_measure in measures:
        measure = raw_measure
    elif raw_measure:
        corrected(N_("measure"), raw_measure, _(MEASURE_LABELS[measure]))

    sources = sources_for(indicator, measure, level)
    raw_source = first_value(params.get("source"))
    source = sources[0]
    if raw_source in sources:
        source = raw_source
    elif raw_source:
        corrected(N_("source"), raw_source, query.producer_name(source, lang))

    raw_view = first_value(params.get("view"))
    view_kind = raw_view if raw_view in VIEWS else "map"
    if raw_view and raw_view not in VIEWS:
        corrected(N_("view"), raw_view, _("map"))
    if view_kind == "tiles" and level != "state":
        view_kind = "map"
        notices.append(_("The tile grid shows states only; showing the map."))

    view = MapView(indicator, measure, source, None, level, state, view_kind)
    years = years_for(view)
    raw_year = first_value(params.get("year"))
    year = default_year(view, tuple(years))
    if raw_year:
        asked = parse_year(raw_year)
        if asked is None:
            corrected(N_("year"), raw_year, str(year))
        else:
            year = nearest(asked, years)
            if year != asked:
                notices.append(
                    _("No published figure for {year} in this selection; showing {used}.").format(
                        year=asked, used=year
                    )
                )
    raw_when = first_value(params.get("when"))
    when = raw_when if raw_when in WHEN else "year"
    if raw_when and raw_when not in WHEN:
        corrected(N_("time shown"), raw_when, _(WHEN["year"]))
    return replace(view, year=year, when=when), notices
