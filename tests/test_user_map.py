"""Map your own figures, without a browser: reading messy tables (encodings, separators, decimal commas, limits)
and matching every municipality written the way people write them.

Expected codes come from the crosswalk (``geo/crosswalk/municipalities.csv``: each row's own P-code) and from
numbers written by hand here, never from the functions under test.
"""

from __future__ import annotations

import base64

import pandas as pd
import pytest

from analysis.user_map import (
    AMBIGUOUS,
    DUPLICATE,
    LEFT_OUT,
    MATCHED,
    PICKED,
    SKIP,
    UNKNOWN,
    coded_csv,
    column_values,
    detect_level,
    guess_columns,
    match_rows,
    place_label,
)
from geo import codes
from geo.paths import PACKAGE_DIR
from geo.text import ascii_fold
from geo.user_table import (
    MAX_BYTES,
    MAX_ROWS,
    TableError,
    decode_bytes,
    decode_upload,
    parse_number,
    parse_text,
)
from views.your_map_share import MAX_FRAGMENT, SharedMap, decode, encode

ALIASES = PACKAGE_DIR / "aliases.csv"
FORMER = {"VE0705": "Heres", "VE0707": "Raúl Leoni", "VE2315": "Páez", "VE0902": "Falcón"}  # geo/aliases.csv
TYPOS = {"VE0703": "El Calao", "VE1301": "Andres Eloy Blancoo", "VE2101": "Andres Bello Trujilo"}  # never to be guessed


def data_url(raw: bytes, mime: str = "text/csv") -> str:
    return f"data:{mime};base64,{base64.b64encode(raw).decode()}"


def messy_municipalities() -> tuple[str, list[str]]:
    """All 335 municipalities as a journalist's sheet might hold them: accents dropped, "Mun." prefixes,
    upper case, former names, state names written loosely; with the true P-code of each line."""
    lines, truth = ["Municipio;Estado;Homicidios"], []
    for i, row in enumerate(codes.municipalities().itertuples()):
        name = row.name_display
        if row.pcode in FORMER:
            written = FORMER[row.pcode]
        elif row.pcode in TYPOS:
            written = TYPOS[row.pcode]
        else:
            written = [f"Mun. {name}", ascii_fold(name), name.upper(), f"Municipio {ascii_fold(name).lower()}",
                       name][i % 5]
        state = [row.state_name, ascii_fold(row.state_name).upper(), f"Edo. {row.state_name}"][i % 3]
        if row.state_iso == "VE-X" and i % 2:
            state = "Vargas"  # the state's former name
        lines.append(f"{written};{state};{i % 40},{i % 10}")
        truth.append(row.pcode)
    return "\n".join(lines), truth


def test_all_335_municipalities_in_mixed_spellings_match_without_help_and_the_rest_is_not_guessed():
    text, truth = messy_municipalities()
    table = parse_text(text)
    place, state, values = guess_columns(table)
    assert (table.header[place], table.header[state], [table.header[v] for v in values]) == (
        "Municipio", "Estado", ["Homicidios"])
    assert detect_level(table, place, state) == "municipality"
    matches = match_rows(table, place, state, "municipality")
    matched = [m for m in matches if m.status == MATCHED]
    assert len(matched) / 335 >= 0.95
    assert all(m.code == truth[m.index] for m in matched)  # never a wrong place
    rest = [m for m in matches if m.status != MATCHED]
    assert {truth[m.index] for m in rest} == set(TYPOS)
    assert all(m.status == UNKNOWN and m.code is None for m in rest)
    assert all(truth[m.index] in m.options for m in rest)  # offered as a suggestion, not used


def test_without_a_state_column_unique_names_match_and_shared_names_are_offered_with_their_states():
    table_rows = codes.municipalities()
    text = "Municipio\tValor\n" + "\n".join(f"{r.name_display}\t1" for r in table_rows.itertuples())
    table = parse_text(text)
    matches = match_rows(table, 0, None, "municipality")
    aliases = pd.read_csv(ALIASES, dtype=str, keep_default_na=False)
    places: dict[str, set[str]] = {}  # folded name -> the municipalities it names (former names count too)
    for name, code in [*zip(table_rows.name_display, table_rows.pcode, strict=True),
                       *zip(aliases[aliases.kind == "municipality"].alias, aliases[aliases.kind == "municipality"].code, strict=True)]:
        places.setdefault(ascii_fold(name).lower(), set()).update(code.split("|"))
    for match, row in zip(matches, table_rows.itertuples(), strict=True):
        if len(places[ascii_fold(row.name_display).lower()]) == 1:
            assert (match.status, match.code) == (MATCHED, row.pcode)
        else:
            assert match.status == AMBIGUOUS and match.code is None
            assert row.pcode in match.options and len(match.options) >= 2
    sucre = next(m for m in matches if m.written == "Sucre")
    expected = set(table_rows[table_rows.name_display == "Sucre"].pcode)
    assert set(sucre.options) == expected and len(expected) > 10
    labels = {place_label(code) for code in sucre.options}
    assert "Sucre (Zulia)" in labels and "Sucre (Miranda)" in labels


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_a_spanish_spreadsheet_export_with_semicolons_and_decimal_commas_loads(encoding):
    raw = ("Municipio;Estado;Tasa por 100.000\r\nEl Callao;Bolívar;1.234,5\r\n\r\n"
           "Caroní;Bolívar;12,25\r\nLibertador;Mérida;0,5\r\n").encode(encoding)
    text, found = decode_upload(data_url(raw))
    assert found == encoding
    table = parse_text(text)
    assert table.delimiter == ";" and table.header == ["Municipio", "Estado", "Tasa por 100.000"]
    assert table.lines == [2, 4, 5]  # the empty row is skipped, the line numbers kept
    matches = match_rows(table, 0, 1, "municipality")
    assert [m.code for m in matches] == ["VE0703", "VE0701", "VE1412"]
    mapped = column_values(table, matches, 2, "municipality", "Blues", 3, "es")
    assert mapped.values == {"VE0703": 1234.5, "VE0701": 12.25, "VE1412": 0.5}


def test_utf8_with_bom_and_tabs_and_quoted_commas():
    raw = '\ufeffEstado\tMuertes\n"Zulia"\t"1,234"\nVargas\t980\nDistrito Capital\t"2 345"\n'.encode()
    text, encoding = decode_bytes(raw)
    assert encoding == "utf-8-sig"
    table = parse_text(text)
    assert table.delimiter == "\t"
    place, state, _values = guess_columns(table)
    assert detect_level(table, place, state) == "state"
    matches = match_rows(table, place, state, "state")
    assert [m.code for m in matches] == ["VE-V", "VE-X", "VE-A"]
    assert column_values(table, matches, 1, "state", "YlOrRd", 5, "en").values == {
        "VE-V": 1234.0, "VE-X": 980.0, "VE-A": 2345.0}


@pytest.mark.parametrize(("written", "mark", "expected"), [
    ("1.234,5", ",", 1234.5), ("1,234.5", ".", 1234.5), ("12,5", ",", 12.5), ("1 234", ".", 1234.0),
    ("-3", ".", -3.0), ("45%", ".", 45.0), ("n/d", ",", None), ("", ".", None), ("—", ".", None),
    ("1.234.567", ",", 1234567.0),
])
def test_numbers_as_spreadsheets_write_them(written, mark, expected):
    assert parse_number(written, mark) == expected


@pytest.mark.parametrize("written", ["abc", "12a", "1e999", "1,2,3", "inf"])
def test_cells_that_are_not_numbers_are_refused(written):
    with pytest.raises(ValueError):
        parse_number(written, ".")


def test_a_non_numeric_value_and_an_overlong_row_are_named_by_their_row():
    table = parse_text("Estado,Casos\nZulia,12\nLara,doce\nFalcón,3,extra\n")
    assert [(p.row, p.params["count"]) for p in table.problems] == [(4, 3)]
    matches = match_rows(table, 0, None, "state")
    mapped = column_values(table, matches, 1, "state", "YlOrRd", 5, "en")
    assert [(p.row, p.params["cell"]) for p in mapped.problems] == [(3, "doce")]
    assert mapped.values == {"VE-V": 12.0, "VE-I": 3.0}


def test_a_10_mb_upload_is_refused_before_it_is_decoded():
    huge = data_url(b"Estado,Casos\n" + b"Zulia,1\n" * (10 * 1024 * 1024 // 8))
    with pytest.raises(TableError) as error:
        decode_upload(huge)
    assert error.value.problem.params == {"size": 10486, "limit": MAX_BYTES // 1000}
    assert "limit" in str(error.value)


@pytest.mark.parametrize(("raw", "words"), [
    (b"PK\x03\x04rest of a zip", "spreadsheet file"),
    (b"\x00\x01\x02binary\x00", "could not be read as text"),
])
def test_files_that_are_not_text_tables_get_a_message(raw, words):
    with pytest.raises(TableError) as error:
        decode_upload(data_url(raw))
    assert words in str(error.value)


def test_too_many_rows_empty_tables_and_header_only_are_refused_with_a_message():
    with pytest.raises(TableError, match="more than"):
        parse_text("Estado,Casos\n" + "Zulia,1\n" * (MAX_ROWS + 1))
    with pytest.raises(TableError, match="no rows"):
        parse_text("Estado,Casos\n\n\n")
    with pytest.raises(TableError, match="Paste a table"):
        parse_text("   \n ")
    with pytest.raises(TableError, match="201 KB; the limit is 100 KB"):
        parse_text('Estado,Casos\n"Zulia,1\n' + "x" * 200_000)


def test_duplicates_are_not_drawn_until_one_is_left_out_and_picks_settle_ambiguous_rows():
    table = parse_text("Municipio,Estado,Casos\nEl Callao,Bolívar,3\nEL CALLAO,Bolivar,4\nSucre,,5\n")
    matches = match_rows(table, 0, 1, "municipality")
    assert [m.status for m in matches] == [DUPLICATE, DUPLICATE, AMBIGUOUS]
    matches = match_rows(table, 0, 1, "municipality", {3: SKIP, 4: "VE2019"})
    assert [(m.status, m.code) for m in matches] == [(MATCHED, "VE0703"), (LEFT_OUT, None), (PICKED, "VE2019")]
    assert match_rows(table, 0, 1, "municipality", {4: "not-a-code"})[2].status == AMBIGUOUS
    csv_text = coded_csv(table, matches, "municipality").splitlines()
    assert csv_text[0] == "code,official_name,state_code,state,match,Municipio,Estado,Casos"
    assert csv_text[1] == "VE0703,El Callao,VE-F,Bolívar,matched,El Callao,Bolívar,3"
    assert csv_text[2].startswith(",,,,left out,")


def test_share_fragment_round_trip_and_hostile_fragments_are_ignored():
    shared = SharedMap("code\tCasos\nVE0703\t3", "Mi mapa", "Policía municipal", "2024", "Blues", 4)
    fragment = encode(shared)
    assert fragment is not None and fragment.startswith("d=")
    assert decode("#" + fragment) == shared
    for hostile in [None, 5, "", "d=", "d=!!!", "x=abc", "d=" + "A" * (MAX_FRAGMENT + 50),
                    "d=" + base64.urlsafe_b64encode(b"not zlib").decode()]:
        assert decode(hostile) is None
    import random
    noise = "\t".join(f"{random.Random(i).random():.12f}" for i in range(3000))
    assert encode(SharedMap(noise)) is None  # too large for a link
