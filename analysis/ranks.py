"""A place's rank, said so that a reader can quote it: the producer's own rank where it published one,
otherwise the place's position among the places that have a figure, saying so in words.

Why: a bare "8th" invites quoting a rank the source never published. OVV ranked the states among all
of them; we often hold only some of their figures, so a position computed among those is a different
statement and must read as one ("3rd of the 11 states with a published figure").
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.labels import place_name
from analysis.trend_series import producer_label
from data import query
from i18n import translator
from i18n.numbers import ordinal


@dataclass(frozen=True)
class PlaceRank:
    """Both ranks of one place's figure: the computed position and, where published, the source's rank."""

    position: int  # among the places with a figure in the same selection (1 = highest)
    among: int  # how many places have one
    published: int | None = None
    published_of: int | None = None  # how many places the source ranked, when it said so
    within: str = "VEN"  # VEN, or the state whose municipalities the source ranked
    source_id: str = ""


def place_ranks(level: str, year: int, indicator: str, unit: str, producer: str,
                values: dict[str, float]) -> dict[str, PlaceRank]:
    """Each place's position among ``values`` (ties share the higher position) and its published rank."""
    published = query.published_ranks(level, year, indicator, unit, producer)
    out: dict[str, PlaceRank] = {}
    for code, value in values.items():
        position = 1 + sum(1 for other in values.values() if other > value)
        rank = published.get(code)
        if rank is None:
            out[code] = PlaceRank(position, len(values))
        else:
            out[code] = PlaceRank(position, len(values), int(rank["rank"]), rank["ranked_count"],  # type: ignore[arg-type]
                                  str(rank["ranked_within"]), str(rank["source_id"]))
    return out


def rank_phrase(rank: PlaceRank, level: str, producer: str, lang: str, state: str | None = None) -> str:
    """The rank in words: the published one when there is one, else the position among places with a figure."""
    _ = translator(lang)
    if rank.published is not None:
        who, nth = producer_label(producer, lang), ordinal(rank.published, lang)
        if rank.within != "VEN":
            if rank.published_of:
                return _("{ordinal} of {count} municipalities of {state} in {producer}'s ranking").format(
                    ordinal=nth, count=rank.published_of, state=place_name("state", rank.within), producer=who)
            return _("{ordinal} among the municipalities of {state} in {producer}'s ranking").format(
                ordinal=nth, state=place_name("state", rank.within), producer=who)
        if level == "state":
            if rank.published_of:
                return _("{ordinal} of {count} states in {producer}'s ranking").format(
                    ordinal=nth, count=rank.published_of, producer=who)
            return _("{ordinal} in {producer}'s ranking of the states").format(ordinal=nth, producer=who)
        if rank.published_of:
            return _("{ordinal} of {count} municipalities in {producer}'s national ranking").format(
                ordinal=nth, count=rank.published_of, producer=who)
        return _("{ordinal} in {producer}'s national ranking of municipalities").format(ordinal=nth, producer=who)
    nth = ordinal(rank.position, lang)
    if level == "state":
        return _("{ordinal} of the {count} states with a published figure").format(ordinal=nth, count=rank.among)
    if state:
        return _("{ordinal} of the {count} municipalities of {state} with a published figure").format(
            ordinal=nth, count=rank.among, state=place_name("state", state))
    return _("{ordinal} of the {count} municipalities with a published figure").format(ordinal=nth, count=rank.among)


def rank_label(rank: PlaceRank, producer: str, lang: str) -> str:
    """The short form for a table cell beside the place's name: still says what the rank is among."""
    _ = translator(lang)
    if rank.published is not None:
        return _("{ordinal} ({producer}'s ranking)").format(ordinal=ordinal(rank.published, lang),
                                                           producer=producer_label(producer, lang))
    return _("{ordinal} of {count} with a figure").format(ordinal=ordinal(rank.position, lang), count=rank.among)
