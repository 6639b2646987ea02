"""The comparison page's view as URL parameters (year, distributor, countries, alignment), corrected
with a visible notice when a value is not valid."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from analysis.benchmark_series import DISTRIBUTORS, country_rates
from i18n import translator
from i18n.markers import N_
from views.params import Notices, chosen_only, control_params, first_value, page_url, parse_year, split_list

DEFAULT_COUNTRIES = ("COL", "BRA", "MEX")
ALIGNMENTS = {"peak": N_("since the peak"), "start": N_("since the policy started")}
DISTRIBUTOR_LABELS = {"owid": N_("UNODC via Our World in Data"), "wb": N_("UNODC via the World Bank")}
MAX_COUNTRIES = 8


@dataclass(frozen=True)
class CompareView:
    """One view of the comparison page; ``distributor`` is whose copy of UNODC's series (URL ``source``)."""

    year: int
    distributor: str
    countries: tuple[str, ...]
    align: str

    SLUG: ClassVar[str] = "compare"
    CONTROLS: ClassVar[dict[str, tuple[str, str]]] = {
        "year": ("compare-year", "value"), "source": ("compare-source", "value"),
        "countries": ("compare-countries", "value"), "align": ("compare-align", "value"),
    }

    DEPENDENT: ClassVar[tuple[str, ...]] = ("year",)  # the years follow the distributor

    @classmethod
    def from_params(cls, params: Mapping[str, object], lang: str) -> tuple[CompareView, list[str]]:
        return _normalise(dict(params), lang)

    @classmethod
    def from_controls(cls, values: Mapping[str, object], lang: str) -> CompareView:
        """The view the controls show; an emptied country picker means no country (not the defaults)."""
        return chosen_only(_normalise(control_params(values), lang)[0], "countries", values.get("countries"))

    def url(self, lang: str) -> str:
        """The address of this view on the dashboard (what a shared link reopens)."""
        return page_url(lang, self.SLUG, self.to_params())

    def to_params(self) -> dict[str, str]:
        return {"year": str(self.year), "source": self.distributor, "countries": ",".join(self.countries),
                "align": self.align}

    def options(self, param: str, lang: str) -> list[dict[str, object]] | None:
        """Choices of a control that depend on other controls (the years of the chosen distributor)."""
        if param == "year":
            return [{"label": str(y), "value": y} for y in reversed(all_years(self.distributor))]
        return None


def years_with_venezuela(source: str) -> list[int]:
    rates = country_rates(source)
    return sorted(int(y) for y in rates[rates["place_id"] == "VEN"]["year"])


def all_years(source: str) -> list[int]:
    return sorted(int(y) for y in country_rates(source)["year"].unique())




def _normalise(params: dict[str, object], lang: str) -> tuple[CompareView, list[str]]:
    _ = translator(lang)
    notices = Notices(lang)
    corrected = notices.corrected

    raw_source = first_value(params.get("source"))
    source = raw_source if raw_source in DISTRIBUTORS else "owid"
    if raw_source and raw_source not in DISTRIBUTORS:
        corrected(N_("source"), raw_source, _(DISTRIBUTOR_LABELS[source]))

    years = all_years(source)
    default_year = years_with_venezuela(source)[-1]
    raw_year = first_value(params.get("year"))
    year = default_year
    if raw_year:
        asked = parse_year(raw_year)
        if asked in years:
            year = asked
        else:
            if asked is not None and years:
                year = min(years, key=lambda y: (abs(y - asked), -y))
            corrected(N_("year"), raw_year, str(year))


    valid = set(country_rates(source)["place_id"]) - {"VEN"}
    raw_countries, extra = split_list(params.get("countries"), MAX_COUNTRIES)
    countries = [c for c in raw_countries if c in valid]
    for bad in (c for c in raw_countries if c not in valid and c != "VEN"):
        notices.ignored(N_("country"), bad)
    notices.left_out(extra, MAX_COUNTRIES)
    if not raw_countries:
        countries = [c for c in DEFAULT_COUNTRIES if c in valid]

    raw_align = first_value(params.get("align"))
    alignment = raw_align if raw_align in ALIGNMENTS else "peak"
    if raw_align and raw_align not in ALIGNMENTS:
        corrected(N_("alignment"), raw_align, _(ALIGNMENTS[alignment]))

    return CompareView(year, source, tuple(countries), alignment), notices
