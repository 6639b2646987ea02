"""The name resolver on tricky cases: accents, prefixes, old names, repeated names, typos."""

from __future__ import annotations

import pytest

from geo.names import AmbiguousName, UnknownName, normalise, resolve_municipality, resolve_state

STATES = [
    ("Mérida", "VE-L"), ("merida", "VE-L"), ("MÉRIDA", "VE-L"), ("Estado Mérida", "VE-L"),
    ("Edo. Táchira", "VE-S"), ("Tachira", "VE-S"), ("Anzoátegui", "VE-B"), ("anzoategui", "VE-B"),
    ("Vargas", "VE-X"), ("Estado Vargas", "VE-X"), ("La Guaira", "VE-X"), ("la guaira", "VE-X"),
    ("Distrito Capital", "VE-A"), ("Distrito Federal", "VE-A"), ("Delta amacuro", "VE-Y"),
    ("Nueva esparta", "VE-O"), ("Dependencias Federales", "VE-W"), ("VE-W", "VE-W"),
    ("ve-z", "VE-Z"), ("VE01", "VE-A"), ("VE25", "VE-W"), ("VE24", "VE-X"), ("Bolívar", "VE-F"),
    ("  Zulia  ", "VE-V"), ("Guárico", "VE-J"),
]
STATE_REFUSED = [
    ("Miranada", UnknownName), ("Zulía del Norte", UnknownName), ("Caracas", AmbiguousName),
    ("Merdia", UnknownName), ("VE-Q", UnknownName), ("VE26", UnknownName), ("", UnknownName),
    ("Lara Norte", UnknownName),
]
MUNIS = [
    ("Libertador", "Distrito Capital", "VE0101"), ("Libertador", "Aragua", "VE0507"),
    ("Libertador", "VE-G", "VE0806"), ("Libertador", "Mérida", "VE1412"),
    ("Libertador", "Monagas", "VE1607"), ("Libertador", "Sucre", "VE1909"),
    ("Libertador", "VE20", "VE2016"), ("Municipio Libertador", "Distrito Federal", "VE0101"),
    ("Sucre", "Sucre", "VE1914"), ("Sucre", "Zulia", "VE2320"), ("Sucre", "Miranda", "VE1519"),
    ("Atures", "Amazonas", "VE0203"), ("Municipio Autónomo Atures", "Amazonas", "VE0203"),
    ("autonomo rio negro", "Amazonas", "VE0207"), ("Río Negro", "VE-Z", "VE0207"),
    ("Manapiare", "Amazonas", "VE0206"), ("Autónomo Manapiare", "Amazonas", "VE0206"),
    ("Heres", "Bolívar", "VE0705"), ("Angostura del Orinoco", "Bolívar", "VE0705"),
    ("Raúl Leoni", "Bolívar", "VE0707"), ("Bolivariano Angostura", "Bolívar", "VE0707"),
    ("Caroní", "Bolivar", "VE0701"), ("caroni", "VE07", "VE0701"),
    ("Guaicaipuro", "Miranda", "VE1510"), ("Bolivariano Guaicaipuro", "Miranda", "VE1510"),
    ("Vargas", "La Guaira", "VE2401"), ("Vargas", "Vargas", "VE2401"),
    ("José María Vargas", "Táchira", "VE2013"), ("Santa Bárbara", "Monagas", "VE1611"),
    ("Santa Babara", "Monagas", "VE1611"), ("Boconó", "Trujillo", "VE2102"),
    ("Bocono", "Trujillo", "VE2102"), ("Páez", "Zulia", "VE2315"),
    ("Guajira", "Zulia", "VE2315"), ("Indígena Bolivariano Guajira", "Zulia", "VE2315"),
    ("Páez", "Apure", "VE0404"), ("Paez", "Miranda", "VE1514"), ("Falcón", "Cojedes", "VE0902"),
    ("Tinaquillo", "Cojedes", "VE0902"), ("Falcón", "Falcón", "VE1109"),
    ("San Carlos", "Cojedes", "VE0908"), ("Zaraza", "Guárico", "VE1215"),
    ("Sir Arthur McGregor", "Anzoátegui", "VE0320"), ("Sir Arthur Mc Gregor", "Anzoátegui", "VE0320"),
    ("Mario Briceño Iragorry", "Aragua", "VE0508"), ("Julio César Salas", "Mérida", "VE1410"),
    ("Monseñor José Vicente de Unda", "Portuguesa", "VE1806"),
    ("José Felipe Márquez Cañizales", "Trujillo", "VE2107"), ("Jesús María Semprún", "Zulia", "VE2308"),
    ("Maracaibo", "Zulia", "VE2313"), ("MARACAIBO", "zulia", "VE2313"), ("Iribarren", "Lara", "VE1303"),
    ("Ezequiel Zamora", "Aragua", "VE0516"), ("Zamora", "Aragua", "VE0516"), ("Zamora", "Falcón", "VE1125"),
    ("Península de Macanao", "Nueva Esparta", "VE1709"), ("Peña", "Yaracuy", "VE2210"),
    ("Pena", "Yaracuy", "VE2210"), ("Ocumare de la Costa de Oro", "Aragua", "VE0518"),
    ("VE0101", "Distrito Capital", "VE0101"), ("ve2313", "VE-V", "VE2313"),
]
MUNI_REFUSED = [
    ("Libertador", "", AmbiguousName), ("Libertador", None, AmbiguousName),
    ("Maracaibo", None, AmbiguousName), ("Libertador", "Lara", UnknownName),
    ("Maracaibo", "Lara", UnknownName), ("Angostura", "Bolívar", AmbiguousName),
    ("Sucre", "Caracas", AmbiguousName), ("Libertador", "Miranada", UnknownName),
    ("Irribarren", "Lara", UnknownName), ("Maracaibbo", "Zulia", UnknownName),
    ("Caroni", "Sucre", UnknownName), ("Heres", "Anzoátegui", UnknownName),
    ("VE0101", "Miranda", UnknownName), ("Chacau", "Miranda", UnknownName),
    ("Panamericanp", "Táchira", UnknownName), ("Diego Bautista Urbanejo", "Anzoátegui", UnknownName),
    ("Guaicaipuro", "Aragua", UnknownName), ("Nowhere", None, UnknownName),
]


def test_table_has_at_least_60_cases() -> None:
    assert len(STATES) + len(STATE_REFUSED) + len(MUNIS) + len(MUNI_REFUSED) >= 60


@pytest.mark.parametrize(("text", "iso"), STATES)
def test_resolve_state(text: str, iso: str) -> None:
    assert resolve_state(text) == iso


@pytest.mark.parametrize(("text", "error"), STATE_REFUSED)
def test_state_refused(text: str, error: type[ValueError]) -> None:
    with pytest.raises(error):
        resolve_state(text)


@pytest.mark.parametrize(("text", "state", "pcode"), MUNIS)
def test_resolve_municipality(text: str, state: str, pcode: str) -> None:
    assert resolve_municipality(text, state) == pcode


@pytest.mark.parametrize(("text", "state", "error"), MUNI_REFUSED)
def test_municipality_refused(text: str, state: str | None, error: type[ValueError]) -> None:
    with pytest.raises(error):
        resolve_municipality(text, state)


def test_ambiguous_message_lists_all_seven_libertador() -> None:
    with pytest.raises(AmbiguousName) as info:
        resolve_municipality("Libertador", None)
    message = str(info.value)
    for pcode in ("VE0101", "VE0507", "VE0806", "VE1412", "VE1607", "VE1909", "VE2016"):
        assert pcode in message


def test_unknown_message_mentions_other_state_but_does_not_guess() -> None:
    with pytest.raises(UnknownName, match="Zulia, VE2313"):
        resolve_municipality("Maracaibo", "Lara")


def test_normalise() -> None:
    assert normalise("Municipio Autónomo  Atures") == "atures"
    assert normalise("ESTADO Nueva-Esparta") == "nueva esparta"
    assert normalise("Peña") == "pena"
    assert normalise("Municipio") == "municipio"
    assert normalise("Miranada") != normalise("Miranda")


def test_every_official_name_resolves_to_itself() -> None:
    from geo import codes

    for row in codes.municipalities().itertuples():
        assert resolve_municipality(row.name, row.state_iso) == row.pcode
        assert resolve_municipality(row.name_display, row.state_pcode) == row.pcode
    for row in codes.states().itertuples():
        assert resolve_state(row.name) == row.iso_code
