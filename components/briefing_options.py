"""The "options for action" section of a briefing: each option in our own words, why it was chosen
(the rule of ``analysis.briefing_options`` with the figures it read) and the evaluated practices it
rests on, with their measured outcome and evidence level.

Why our own words and not the practices' names: a decision-maker acts on a measure (limit and review
lethal force), not on a city's programme; the practice is the evidence that such a measure moved the
numbers somewhere else, cited with its caveat.
"""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from analysis.briefing_figures import Briefing, place_name
from analysis.briefing_options import Option, Share, briefing_options, practice_change
from analysis.briefing_text import lower_first
from analysis.labels import indicator_name
from data import query
from geo import codes
from i18n import translator
from i18n.markers import N_
from i18n.numbers import format_number

OPTIONS: dict[str, tuple[str, str]] = {
    "police_use_of_force": (
        N_("Hold lethal force by police and the military to account"),
        N_("Record every death caused by a police or military intervention with the unit involved, have each one "
           "reviewed by a body independent of that force, publish the results, and fit patrol officers with "
           "body-worn cameras."),
    ),
    "firearms": (
        N_("Take firearms out of circulation"),
        N_("Restrict carrying firearms in public, above all at weekends and on high-risk dates, and collect and "
           "destroy seized and surrendered weapons."),
    ),
    "impunity_investigation": (
        N_("Investigate and classify every violent death"),
        N_("Give homicide investigation its own resources, and require every death recorded as “under "
           "investigation” to be classified and followed up within a set time."),
    ),
    "focused_deterrence": (
        N_("Concentrate prevention where killings concentrate"),
        N_("Set a public homicide-reduction target and review it monthly with police, prosecutors and mayors, "
           "directing resources to the municipalities and groups that account for most deaths."),
    ),
    "urban_social_programmes": (
        N_("Invest in the most affected neighbourhoods"),
        N_("Pair security measures with public services, transport and programmes for young people in the "
           "neighbourhoods where violence is concentrated."),
    ),
    "official_data": (
        N_("Publish disaggregated official statistics"),
        N_("Publish homicide figures by state, municipality, month, weapon and circumstance, including deaths by "
           "police intervention, and reconcile them with death certificates."),
    ),
}
EVIDENCE = {
    "evaluation": N_("independent evaluation"),
    "observational": N_("observational: before and after, without a control group"),
}
PRACTICE_MEASURE = {
    ("homicide_rate", "rate_per_100k"): N_("homicide rate per 100,000"),
    ("firearm_death_rate", "rate_per_100k"): N_("firearm death rate per 100,000"),
    ("police_killings", "count"): N_("people killed by police"),
    ("homicides", "count"): N_("homicides"),
}


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _pct(share: Share, lang: str) -> str:
    return format_number(share.percent, lang)


def reason(option: Option, b: Briefing, lang: str, cite) -> str:
    """ "Chosen because …": the rule's test, with the figures it read and their references."""
    _ = translator(lang)
    f, name = option.facts, place_name(b.code)
    if option.rule in ("police_share", "police_share_national", "under_investigation", "under_investigation_national"):
        share: Share = f["share"]
        values = {"pct": _pct(share, lang), "year": share.part.year, "place": name,
                  "part": format_number(share.part.value, lang), "whole": format_number(share.whole.value, lang),
                  "producer": query.producer_name(share.producer, lang), "ref": cite(share.part),
                  "threshold": format_number(f["threshold"], lang)}
        if share.whole.source_id != share.part.source_id:
            values["ref"] += cite(share.whole)
        templates = {
            "police_share": _("Chosen because deaths by police intervention were {pct} % of violent deaths in {place} in "
                              "{year} ({part} of {whole}, {producer} {ref}); the rule is {threshold} % or more."),
            "police_share_national": _("Chosen because no source published deaths by police intervention for {place}; "
                                       "nationally they were {pct} % of violent deaths in {year} ({part} of {whole}, "
                                       "{producer} {ref}); the rule is {threshold} % or more."),
            "under_investigation": _("Chosen because {pct} % of violent deaths in {place} in {year} were left “under "
                                     "investigation” ({part} of {whole}, {producer} {ref}); the rule is {threshold} % "
                                     "or more."),
            "under_investigation_national": _("Chosen because no source published deaths under investigation for "
                                              "{place}; nationally they were {pct} % of violent deaths in {year} ({part} "
                                              "of {whole}, {producer} {ref}); the rule is {threshold} % or more."),
        }
        return templates[option.rule].format(**values)
    if option.rule == "documented":
        point = f["point"]
        return _("Chosen because {producer} documented {count} people killed by security forces in {place} in {year} "
                 "{ref}.").format(producer=query.producer_name(f["producer"], lang), count=format_number(point.value, lang),
                                  place=name, year=point.year, ref=cite(point))
    if option.rule in ("firearm_share", "firearm_share_national"):
        point = f["point"]
        values = {"pct": format_number(point.value, lang), "indicator": lower_first(indicator_name(f["indicator"], lang)),
                  "place": name, "year": point.year, "producer": query.producer_name(f["producer"], lang),
                  "ref": cite(point), "threshold": format_number(f["threshold"], lang)}
        if option.rule == "firearm_share":
            return _("Chosen because the published {indicator} in {place} was {pct} % in {year} ({producer} {ref}); the "
                     "rule is {threshold} % or more.").format(**values)
        return _("Chosen because no firearm share was published for {place}; nationally, the {indicator} was {pct} % in "
                 "{year} ({producer} {ref}); the rule is {threshold} % or more.").format(**values)
    if option.rule == "hotspot":
        return _("Chosen because the rate of {municipality} ({value}) was at least {ratio} times that of {place} "
                 "({place_value}) in {year} ({producer} {ref}).").format(
            municipality=codes.municipality_name(f["municipality"]), value=format_number(f["point"].value, lang),
            ratio=format_number(f["ratio"], lang), place=name, place_value=format_number(f["place"].value, lang),
            year=f["point"].year, producer=query.producer_name(f["producer"], lang), ref=cite(f["point"]))
    if option.rule == "above_national":
        return _("Chosen because the rate of {place} ({value}) was above the national rate ({national}) in {year}, both "
                 "from {producer} {ref}.").format(
            place=name, value=format_number(f["place"].value, lang), national=format_number(f["national"].value, lang),
            year=f["place"].year, producer=query.producer_name(f["producer"], lang),
            ref=cite(f["place"]) + cite(f["national"]))
    if option.rule == "high_rate":
        return _("Chosen because the latest rate of {place}, {value} per 100,000 in {year} ({producer} {ref}), is "
                 "{threshold} or more, the rule for this option.").format(
            place=name, value=format_number(f["point"].value, lang), year=f["point"].year,
            producer=query.producer_name(f["producer"], lang), ref=cite(f["point"]),
            threshold=format_number(f["threshold"], lang))
    year = f.get("official_year")
    if option.rule == "no_official_national":
        if year is None:
            return _("Chosen because no official body published homicide figures by state in our sources.")
        return _("Chosen because the last official figures by state in our sources are from {year}; since then only "
                 "national totals were announced.").format(year=year)
    if year is None:
        return _("Chosen because no official body published a homicide figure for {place} in our sources.").format(
            place=name)
    return _("Chosen because the last official figure for {place} in our sources is from {year}.").format(
        place=name, year=year)


def practice_line(row: dict, lang: str, cite) -> Component:
    """One practice: what, where, when, the measured change (computed like every percentage) and its evidence."""
    _ = translator(lang)
    places = query.places().set_index("place_id")
    where = places.loc[row["place_id"], f"name_{lang}"] if row["place_id"] in places.index else row["place_id"]
    measure = PRACTICE_MEASURE.get((row["indicator"], row["unit"]))
    change = practice_change(row)
    measured = _("{measure}: {before} in {before_year}, {after} in {after_year} ({change} %)").format(
        measure=upper_first(_(measure) if measure else indicator_name(row["indicator"], lang)),
        before=format_number(float(row["baseline_value"]), lang), before_year=int(row["baseline_year"]),
        after=format_number(float(row["outcome_value"]), lang), after_year=int(row["outcome_year"]),
        change=("+" if change and change > 0 else "−") + format_number(abs(change or 0), lang))
    evidence = EVIDENCE[row["evidence_level"]]
    refs = cite(str(row["source_id"])) + (cite(str(row["evaluation_source_id"])) if row.get("evaluation_source_id")
                                          else "")
    return html.Li([
        html.Strong(f"{row[f'title_{lang}']} ({where}). "), measured, ". ",
        html.Em(_(evidence).capitalize()), f" {refs}. ",
        html.Span(_("Caveat: {text}").format(text=row[f"caveat_{lang}"]), className="briefing-caveat"),
    ], className="briefing-practice")


def options_section(b: Briefing, lang: str, cite) -> Component:
    _ = translator(lang)
    chosen = briefing_options(b.code)
    intro = _("Options chosen by rule from the figures of this briefing: each says which figure chose it and rests on "
              "practices from the region whose effect was measured. A practice's result elsewhere is evidence, not a "
              "promise.")
    items = []
    for option in chosen:
        title, text = OPTIONS[option.theme]
        items.append(html.Li([
            html.H3(_(title), className="h6 mb-1"),
            html.P(_(text), className="mb-1"),
            html.P(reason(option, b, lang, cite), className="mb-1 small briefing-reason"),
            html.Ul([practice_line(row, lang, cite) for row in option.practices], className="briefing-practices small"),
        ], className="briefing-option"))
    return html.Section([html.H2(_("Options for action"), className="h4"), html.P(intro, className="small"),
                         html.Ol(items, className="briefing-options")],
                        id="briefing-options", className="briefing-section")
