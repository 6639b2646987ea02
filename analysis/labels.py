"""Human-readable names for codes used across pages: indicators, sources, places, units."""

from __future__ import annotations

from functools import cache

from data import query
from geo import codes
from i18n import translator
from i18n.markers import N_

UNIT_LABELS = {
    "rate_per_100k": N_("per 100,000 inhabitants"),
    "count": N_("deaths"),
    "percent": N_("%"),
}


@cache
def _indicator_names() -> dict[tuple[str, str], str]:
    table = query.indicators()
    names: dict[tuple[str, str], str] = {}
    for row in table.itertuples():
        names[(row.indicator_id, "es")] = row.name_es
        names[(row.indicator_id, "en")] = row.name_en
    return names


def indicator_name(indicator: str, lang: str) -> str:
    return _indicator_names().get((indicator, lang), indicator)


@cache
def _source_rows() -> dict[str, dict[str, str]]:
    table = query.sources()
    return {row["source_id"]: row for row in table.fillna("").astype(str).to_dict("records")}


def source_label(source_id: str, lang: str) -> str:
    """Short label: the producing organisation and the year of publication."""
    row = _source_rows().get(source_id)
    if row is None:
        return source_id
    year = row.get("published", "")[:4]
    organisation = source_organisation(source_id, lang)
    return f"{organisation} ({year})" if year else organisation


def source_organisation(source_id: str, lang: str) -> str:
    """The organisation that published a source, in the reader's language where its name differs."""
    record = source_record(source_id)
    if lang == "es" and record.get("organisation_es"):
        return record["organisation_es"]
    return record.get("organisation") or source_id


def source_record(source_id: str) -> dict[str, str]:
    return _source_rows().get(source_id, {"source_id": source_id})


def source_title(source_id: str, lang: str) -> str:
    """A source's title for a reader: the document's own title as published, in every language; where we
    described an untitled document (a statement, a press copy), our description in the reader's language."""
    record = source_record(source_id)
    if lang == "es" and record.get("title_es"):
        return record["title_es"]
    return record.get("title") or source_id


def place_name(level: str, code: str, with_state: bool = False) -> str:
    if level == "state":
        return codes.state_name(code)
    if level == "municipality":
        name = codes.municipality_name(code)
        if with_state:
            return f"{name} ({codes.state_name(codes.state_of_municipality(code))})"
        return name
    return code


def unit_label(unit: str, lang: str) -> str:
    return translator(lang)(UNIT_LABELS.get(unit, unit))
