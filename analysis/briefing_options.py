"""Options for action, chosen by rule from a place's profile: profile → themes → practices.

Why rules and not judgement: a briefing that recommends must show why each option is there. Each
rule below reads published figures of the place (from ``analysis.briefing_figures``), compares them
with a threshold stated here, and when it holds, names a theme of ``data/themes.py``. The briefing
then cites the documented practices of ``practices.csv`` tagged with that theme, with their measured
outcome and evidence level, and says "chosen because …" with the figures the rule read.

The rules, in the order their options are listed (at most ``MAX_OPTIONS``):

1. ``police_use_of_force`` — deaths by police intervention are at least ``POLICE_SHARE`` % of violent
   deaths (same producer, same year), or a human-rights group documented killings by security forces.
   Like the shares of rules 2 and 3, the national share stands in when the state has none, and the
   text says so: a state without a published breakdown is not a state without the problem.
2. ``firearms`` — the firearm share of homicides or violent deaths is at least ``FIREARM_SHARE`` %: the
   place's own share, or the national one when the place has none (the text says which).
3. ``impunity_investigation`` — deaths the police left "under investigation" are at least
   ``UNDER_INVESTIGATION_SHARE`` % of violent deaths (same producer, same year).
4. ``focused_deterrence`` — a municipality's rate is at least ``HOTSPOT_RATIO`` times the place's
   (same indicator, producer and year), or the place's rate is above the national one.
5. ``urban_social_programmes`` — the headline rate is at least ``HIGH_RATE`` per 100,000.
6. ``official_data`` — no official producer published a figure for the place at its level within
   ``OFFICIAL_RECENT_YEARS`` years of the latest figure (nationally: no official state breakdown).

Why these thresholds: a tenth of violent deaths at the hands of the police is far above what the
region's evaluated police forces record (São Paulo's 2019 baseline was about 15 % of its homicides)
and marks lethal force as a driver on its own; 70 % is the level at which firearms are the means of
most killings in every Latin American series we hold; a fifth of deaths left unclassified means
the deaths cannot be counted as homicides, let alone solved; 20 per 100,000 is about the Latin
American average over the last decade (UNODC), so above it is above the region.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from analysis import percentages
from analysis.briefing_figures import COUNTRY, Briefing, Point, briefing, official_producers, yearly
from data import query

MAX_OPTIONS = 5
MIN_OPTIONS = 3
PRACTICES_PER_OPTION = 2  # with at most MIN_OPTIONS options; with more, one each, so the briefing keeps to two pages
POLICE_SHARE = 10.0
FIREARM_SHARE = 70.0
UNDER_INVESTIGATION_SHARE = 20.0
HOTSPOT_RATIO = 1.5
HIGH_RATE = 20.0
OFFICIAL_RECENT_YEARS = 5
FIREARM_SHARES = ("firearm_share_homicides", "firearm_share_violent_deaths")
DOCUMENTED = "security_force_killings_documented"
OFFICIAL_INDICATORS = ("homicides", "violent_deaths", "intentional_homicides", "police_killings")
EVIDENCE_ORDER = {"evaluation": 0, "observational": 1}


@dataclass(frozen=True)
class Share:
    """One published figure as a percentage of another of the same producer, year and unit."""

    part_indicator: str
    whole_indicator: str
    producer: str
    unit: str
    part: Point
    whole: Point

    @property
    def percent(self) -> float:
        value = percentages.share(self.part.value, self.whole.value)
        assert value is not None
        return percentages.rounded(value)


@dataclass(frozen=True)
class Option:
    """An option for action: the theme, the rule that chose it with the figures it read, the practices."""

    theme: str
    rule: str  # which test chose it; the text of "chosen because …" depends on it
    facts: dict = field(default_factory=dict)  # figures the rule read: Points, Shares, numbers, codes
    practices: tuple[dict, ...] = ()


def share_of(code: str, part: str, whole: str) -> Share | None:
    """The latest year in which one producer published both figures for the place, in the same unit."""
    level = "country" if code == COUNTRY else "state"
    best: Share | None = None
    for unit in ("count", "rate_per_100k"):
        for producer in query.producers(indicator=part, unit=unit, level=level):
            numerator = yearly(level, code, part, unit, producer)
            denominator = yearly(level, code, whole, unit, producer)
            years = sorted({p.year for p in numerator.points} & {p.year for p in denominator.points})
            if not years:
                continue
            year = years[-1]
            candidate = Share(part, whole, producer, unit, numerator.at(year), denominator.at(year))
            if candidate.whole.value > 0 and (best is None or year > best.part.year):
                best = candidate
    return best


def firearm_share(code: str) -> tuple[str, str, Point] | None:
    """(indicator, producer, point) of the most recent firearm share published for the place."""
    level = "country" if code == COUNTRY else "state"
    found = [(indicator, producer, yearly(level, code, indicator, "percent", producer).latest)
             for indicator in FIREARM_SHARES
             for producer in query.producers(indicator=indicator, unit="percent", level=level)]
    found = [f for f in found if f[2] is not None]
    return max(found, key=lambda f: f[2].year) if found else None


def documented_killings(code: str) -> tuple[str, Point] | None:
    """The most recent count of killings by security forces a human-rights group documented."""
    level = "country" if code == COUNTRY else "state"
    found = [(producer, yearly(level, code, DOCUMENTED, "count", producer).latest)
             for producer in query.producers(indicator=DOCUMENTED, unit="count", level=level)]
    found = [f for f in found if f[1] is not None]
    return max(found, key=lambda f: f[1].year) if found else None


@cache
def _official_state_years() -> dict[str, int]:
    """Per state, the latest year an official producer published a figure of lethal violence for it."""
    latest: dict[str, int] = {}
    for producer in official_producers():
        for indicator in OFFICIAL_INDICATORS:
            for unit in ("rate_per_100k", "count"):
                for year in query.options(indicator=indicator, unit=unit, level="state", producer=producer)["years"]:
                    for state in query.producer_values(indicator, unit, producer, int(year), "state")["code"]:
                        latest[str(state)] = max(latest.get(str(state), 0), int(year))
    return latest


def latest_official_year(code: str) -> int | None:
    """The latest year for which an official producer published a figure for the state; nationally, for
    any state, since the national question is whether official figures are broken down by state."""
    years = _official_state_years()
    if code == COUNTRY:
        return max(years.values(), default=None)
    return years.get(code)


def practices_for(theme: str, used: set[str], limit: int = PRACTICES_PER_OPTION) -> tuple[dict, ...]:
    """Up to ``PRACTICES_PER_OPTION`` documented practices tagged with the theme: evaluated before
    observational, a practice whose first theme it is before one that touches it in passing, and one
    not yet cited by an earlier option first. Contested results are never offered as an option."""
    table = query.practices()
    rows = [r for r in table.to_dict("records") if r["evidence_level"] in EVIDENCE_ORDER
            and theme in str(r.get("themes") or "").split("|")]
    rows.sort(key=lambda r: (r["practice_id"] in used, EVIDENCE_ORDER[r["evidence_level"]],
                             str(r["themes"]).split("|")[0] != theme, r["practice_id"]))
    return tuple(rows[:limit])


def _candidates(b: Briefing) -> list[Option]:
    code = b.code
    found: list[Option] = []
    police = _own_or_national(code, "police_killings", "violent_deaths")
    documented = documented_killings(code)
    if police is not None and police[0] == code and police[1].percent >= POLICE_SHARE:
        found.append(Option("police_use_of_force", "police_share", {"share": police[1], "threshold": POLICE_SHARE}))
    elif documented is not None:
        found.append(Option("police_use_of_force", "documented", {"producer": documented[0], "point": documented[1]}))
    elif police is not None and police[1].percent >= POLICE_SHARE:
        found.append(Option("police_use_of_force", "police_share_national", {"share": police[1],
                                                                              "threshold": POLICE_SHARE}))
    own = firearm_share(code)
    national = firearm_share(COUNTRY) if code != COUNTRY else None
    if own is not None and own[2].value >= FIREARM_SHARE:
        found.append(Option("firearms", "firearm_share", {"indicator": own[0], "producer": own[1], "point": own[2],
                                                          "threshold": FIREARM_SHARE}))
    elif own is None and national is not None and national[2].value >= FIREARM_SHARE:
        found.append(Option("firearms", "firearm_share_national", {"indicator": national[0], "producer": national[1],
                                                                   "point": national[2], "threshold": FIREARM_SHARE}))
    unclassified = _own_or_national(code, "deaths_under_investigation", "violent_deaths")
    if unclassified is not None and unclassified[1].percent >= UNDER_INVESTIGATION_SHARE:
        rule = "under_investigation" if unclassified[0] == code else "under_investigation_national"
        found.append(Option("impunity_investigation", rule,
                            {"share": unclassified[1], "threshold": UNDER_INVESTIGATION_SHARE}))
    hotspot = _hotspot(b)
    if hotspot is not None:
        found.append(Option("focused_deterrence", "hotspot", hotspot))
    elif b.comparison is not None and b.comparison.national is not None and code != COUNTRY \
            and b.comparison.place.value > b.comparison.national.value:
        c = b.comparison
        found.append(Option("focused_deterrence", "above_national", {"place": c.place, "national": c.national,
                                                                      "producer": c.producer, "indicator": c.indicator}))
    if b.headline is not None and b.headline.latest is not None and b.headline.latest.value >= HIGH_RATE:
        found.append(Option("urban_social_programmes", "high_rate", {"point": b.headline.latest, "threshold": HIGH_RATE,
                                                                     "producer": b.headline.producer,
                                                                     "indicator": b.headline.indicator}))
    latest_year = b.headline.latest.year if b.headline and b.headline.latest else None
    official = latest_official_year(code)
    if official is None or latest_year is None or official < latest_year - OFFICIAL_RECENT_YEARS:
        found.append(Option("official_data", "no_official_national" if code == COUNTRY else "no_official",
                            {"official_year": official}))
    return found


def _own_or_national(code: str, part: str, whole: str) -> tuple[str, Share] | None:
    """The place's own share, or the national one (with ``VEN`` as the first item) when it has none."""
    own = share_of(code, part, whole)
    if own is not None:
        return code, own
    national = share_of(COUNTRY, part, whole) if code != COUNTRY else None
    return (COUNTRY, national) if national is not None else None


def _hotspot(b: Briefing) -> dict | None:
    """The municipality whose rate is the most times the state's, same indicator, producer and year, when
    that is at least ``HOTSPOT_RATIO`` times (the state's figure of the municipality's year, not its latest)."""
    if b.code == COUNTRY or b.headline is None:
        return None
    h = b.headline
    found = []
    for m in b.municipalities:
        state = h.at(m.point.year)
        if (m.indicator, m.unit, m.producer) == (h.indicator, h.unit, h.producer) and state and state.value > 0:
            found.append((m.point.value / state.value, m, state))
    if not found:
        return None
    ratio, top, state = max(found, key=lambda f: f[0])
    if ratio < HOTSPOT_RATIO:
        return None
    return {"municipality": top.code, "point": top.point, "place": state, "producer": h.producer,
            "indicator": h.indicator, "ratio": HOTSPOT_RATIO}


def options_for(b: Briefing) -> list[Option]:
    """The options of a briefing, in rule order, each with its practices (options without a practice
    are dropped: an option must cite what was measured). Up to ``MIN_OPTIONS`` options cite two
    practices each, more options one each (the least cited first), so every briefing cites at least three."""
    used: set[str] = set()
    out: list[Option] = []
    candidates = [c for c in _candidates(b) if practices_for(c.theme, set())][:MAX_OPTIONS]
    each = PRACTICES_PER_OPTION if len(candidates) <= MIN_OPTIONS else 1
    for option in candidates:
        practices = practices_for(option.theme, used, each)
        if not practices:
            continue
        used.update(p["practice_id"] for p in practices)
        out.append(Option(option.theme, option.rule, option.facts, practices))
    return out


def practice_change(row: dict) -> float | None:
    """A practice's measured change from its baseline to its outcome, rounded as every percentage is."""
    value = percentages.change(float(row["outcome_value"]), float(row["baseline_value"]))
    return None if value is None else percentages.rounded(value)


@cache
def briefing_options(code: str) -> tuple[Option, ...]:
    """The options of the briefing of ``code`` (``VEN`` or a state), computed once per process."""
    return tuple(options_for(briefing(code)))
