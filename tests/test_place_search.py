"""Search by name (geo/search.py): accents, case, former names, ambiguous names listed in full, typos answered
with the nearest names, hostile input bounded. Expected codes are typed from geo/crosswalk/*.csv by hand."""

from __future__ import annotations

import pytest

from geo import codes
from geo.search import MAX_QUERY, clean_query, search

# Every place officially called Sucre: the state, and the municipalities of that name (crosswalk, by hand).
SUCRE = {"VE-R", "VE0513", "VE0710", "VE1121", "VE1420", "VE1519", "VE1813", "VE1914", "VE2026", "VE2117",
         "VE2212", "VE2320"}


def exact_codes(text: str) -> list[str]:
    return [p.code for p in search(text).places if p.exact]


def test_part_of_a_name_finds_the_municipality_with_its_state():
    found = search("callao")
    assert [(p.code, p.name, p.state) for p in found.places] == [("VE0703", "El Callao", "VE-F")]


@pytest.mark.parametrize("text", ["VARGAS", "vargas", " Vargas "])
def test_a_former_state_name_finds_la_guaira_first(text):
    found = search(text).places
    assert (found[0].code, found[0].name, found[0].alias) == ("VE-X", "La Guaira", "Vargas")
    # ... and the municipality that still bears the name, and a longer name containing it.
    assert [p.code for p in found] == ["VE-X", "VE2401", "VE2013"]
    assert [p.exact for p in found] == [True, True, False]


def test_an_ambiguous_name_lists_the_state_and_every_municipality_so_called():
    found = search("sucre")
    exact = [p for p in found.places if p.exact]
    assert {p.code for p in exact} == SUCRE
    assert exact[0].code == "VE-R"  # the state first
    assert all(p.state for p in exact[1:]), "every municipality carries its state"
    assert "VE0602" in {p.code for p in found.places if not p.exact}  # Antonio José de Sucre


@pytest.mark.parametrize("text", ["Mérida", "MERIDA", "merida", "Estado Mérida", "edo. merida"])
def test_accents_case_and_administrative_words_are_ignored(text):
    assert exact_codes(text) == ["VE-L"]


@pytest.mark.parametrize(("text", "code"), [("ve0703", "VE0703"), ("VE-F", "VE-F"), ("VE07", "VE-F"), ("ven", "VEN")])
def test_codes_open_their_place(text, code):
    assert exact_codes(text) == [code]


def test_a_misspelt_name_gets_no_match_and_the_nearest_names():
    found = search("Calao")
    assert found.places == ()
    assert found.suggestions[0].code == "VE0703"


def test_nothing_like_any_name_gets_no_suggestion():
    assert search("qqqqxxxx").places == () and search("qqqqxxxx").suggestions == ()


def test_every_official_municipality_name_is_found_exactly():
    missing = [row.pcode for row in codes.municipalities().itertuples() if row.pcode not in exact_codes(row.name_display)]
    assert missing == []


@pytest.mark.parametrize("value", [None, 12, ["callao", "x"], [], "<script>alert(1)</script>", "a" * 5000,
                                   "\x00\x1f", "%", "   "])
def test_hostile_input_is_bounded_and_never_raises(value):
    found = search(value)
    assert len(found.query) <= MAX_QUERY
    assert "\x00" not in clean_query(value)
