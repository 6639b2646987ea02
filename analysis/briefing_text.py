"""The short prose of a briefing, written from the numbers: every sentence is a translated template
filled with figures from ``briefing_data``, so no figure is ever typed into the text.

Neutral wording: "above", "below", "up", "down"; no adjectives about places or people.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from analysis import percentages
from analysis.briefing_figures import Briefing, Comparison, Point, Series, place_name
from analysis.labels import indicator_name, unit_label
from analysis.ranks import rank_phrase
from components.briefing_charts import short_producer
from data import query
from i18n import translator
from i18n.numbers import format_number

CLOSE = 10  # within ±10 % of the national rate reads as "close to"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def value_text(value: float, unit: str, lang: str, indicator: str = "") -> str:
    """A figure with its unit; a count of disappearances is of people, not of deaths."""
    if unit == "count" and indicator == "disappearances":
        return count_text(indicator, value, lang)
    if unit == "percent":
        return f"{format_number(value, lang)} %"
    return f"{format_number(value, lang)} {unit_label(unit, lang)}"


def change_text(series: Series, lang: str) -> str:
    """How the latest figure moved from the producer's previous published year."""
    _ = translator(lang)
    latest, previous = series.latest, series.previous
    if latest is None or previous is None:
        return _("no earlier figure from this source")
    old = format_number(previous.value, lang)
    if series.unit == "percent":
        diff = latest.value - previous.value
        if abs(diff) < 0.05:
            return _("unchanged from {year} ({value})").format(year=previous.year, value=old)
        template = _("up {points} points from {value} in {year}") if diff > 0 else _("down {points} points from {value} in {year}")
        return template.format(points=format_number(round(abs(diff), 1), lang), value=old, year=previous.year)
    pct = percentages.change(latest.value, previous.value)
    pct = None if pct is None else percentages.rounded(pct)
    if pct is None or pct == 0:
        return _("unchanged from {year} ({value})").format(year=previous.year, value=old)
    template = _("up {pct} % from {value} in {year}") if pct > 0 else _("down {pct} % from {value} in {year}")
    return template.format(pct=format_number(abs(pct), lang), value=old, year=previous.year)


def count_text(indicator: str, count: float, lang: str) -> str:
    """The count beside a rate, named for what it counts: people disappeared are not deaths."""
    _ = translator(lang)
    if indicator == "disappearances":
        return _("{count} people disappeared").format(count=format_number(count, lang))
    return _("{count} deaths").format(count=format_number(count, lang))


def lead(b: Briefing, lang: str, cite) -> str:
    """The opening sentence: the headline figure, its source and its change, or the plain gap."""
    _ = translator(lang)
    name = place_name(b.code)
    if b.headline is None or b.headline.latest is None:
        return _("No source in our data package published a figure of violent deaths or homicides for {place}. "
                 "The sections below say what is missing.").format(place=name)
    h, latest = b.headline, b.headline.latest
    return _("In {year}, the latest year with a figure, the rate of {indicator} in {place} was {value} per 100,000 "
             "inhabitants according to {producer} {ref}: {change}.").format(
        year=latest.year, indicator=lower_first(indicator_name(h.indicator, lang)), place=name,
        value=format_number(latest.value, lang), producer=query.producer_name(h.producer, lang),
        ref=cite(latest), change=change_text(h, lang))


def against_national(c: Comparison, name: str, lang: str, cite) -> str:
    _ = translator(lang)
    if c.national is None:
        return _("{producer} published no national rate for {year}, so {place} cannot be set against the country "
                 "with the same source.").format(producer=query.producer_name(c.producer, lang), year=c.year, place=name)
    pct = percentages.change(c.place.value, c.national.value)
    pct = None if pct is None else percentages.rounded(pct)
    national = format_number(c.national.value, lang)
    if pct is None or abs(pct) <= CLOSE:
        text = _("The rate was close to the national rate of {national} {ref} from the same source.")
    elif pct > 0:
        text = _("The rate was {pct} % above the national rate of {national} {ref} from the same source.")
    else:
        text = _("The rate was {pct} % below the national rate of {national} {ref} from the same source.")
    return text.format(pct=format_number(abs(pct or 0), lang), national=national, ref=cite(c.national))


def rank_text(c: Comparison, lang: str) -> str:
    _ = translator(lang)
    if c.rank is None:
        return ""
    return _("In {year} it was {rank} (1 = highest rate).").format(
        year=c.year, rank=rank_phrase(c.rank, "state", c.producer, lang))


def neighbours_text(c: Comparison, name: str, island: bool, lang: str) -> str:
    _ = translator(lang)
    names = [place_name(code) for code, _p in c.others]
    if not names:
        return _("The neighbouring states could not be determined because the boundaries are not built.")
    opening = (_("{place} has no land border; it is compared with the nearest states: {names}.") if island
               else _("Its neighbouring states are {names}.")).format(place=name, names=", ".join(names))
    with_figure = [(code, p) for code, p in c.others if p is not None]
    missing = [place_name(code) for code, p in c.others if p is None]
    if not with_figure:
        return opening + " " + _("None of them has a figure from this source for {year}.").format(year=c.year)
    higher = sum(1 for _code, p in with_figure if p.value > c.place.value)
    text = opening + " " + _("Of the {count} with a figure for {year}, {higher} had a higher rate and {lower} a lower or "
                             "equal one.").format(count=len(with_figure), year=c.year, higher=higher,
                                                  lower=len(with_figure) - higher)
    if missing:
        text += " " + _("No figure from this source for {year}: {names}.").format(year=c.year, names=", ".join(missing))
    return text


def national_spread(c: Comparison, lang: str) -> str:
    _ = translator(lang)
    states = [(code, p) for code, p in c.others if p is not None]
    if not states:
        return _("No state has a figure from this source for {year}.").format(year=c.year)
    (high_code, high), (low_code, low) = states[0], states[-1]
    return _("In {year}, {count} of the 25 states had a rate from {producer}: from {high} in {high_place} to {low} in "
             "{low_place}. The other states have no published figure from this source for that year.").format(
        year=c.year, count=len(states), producer=query.producer_name(c.producer, lang), high=format_number(high.value, lang),
        high_place=place_name(high_code), low=format_number(low.value, lang), low_place=place_name(low_code))


def trend_text(series: Series, name: str, lang: str) -> str:
    _ = translator(lang)
    points = series.points
    who = short_producer(series.producer, lang)
    if len(points) < 2:
        if not points:
            return ""
        return _("{producer} published a single year for {place}: {year}.").format(producer=who, place=name,
                                                                                 year=points[0].year)
    first, last = points[0], points[-1]
    indicator = lower_first(indicator_name(series.indicator, lang))
    if f"({who})" not in indicator:
        indicator = f"{indicator} ({who})"
    text = _("{place}, {indicator}: from {first} in {first_year} to {last} in {last_year}.").format(
        place=name, indicator=indicator,
        first=format_number(first.value, lang), first_year=first.year, last=format_number(last.value, lang),
        last_year=last.year)
    gaps = series.missing_years()
    if gaps:
        text += " " + _("No figure was published for {years}.").format(years=year_ranges(gaps))
    return text


def year_ranges(years: list[int]) -> str:
    """2013–2015, 2021."""
    out: list[list[int]] = []
    for year in sorted(years):
        if out and out[-1][-1] == year - 1:
            out[-1].append(year)
        else:
            out.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in out)


def publication_date(text: str, lang: str) -> str:
    """A source's publication date as precise as it was recorded (year, month or day)."""
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return format_date(dt.date(int(parts[0]), int(parts[1]), int(parts[2])), format="long", locale=lang)
        if len(parts) == 2:
            return format_date(dt.date(int(parts[0]), int(parts[1]), 1), format="MMMM y", locale=lang)
    except ValueError:
        return text
    return text


def point_year(point: Point | None) -> str:
    return str(point.year) if point else "—"
