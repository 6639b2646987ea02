"""Every user-facing string exists in both languages, through the one gettext mechanism."""

import pytest

from i18n import LANGUAGES, catalogue, gettext, other_language, translator
from i18n.catalogue_tool import extract_messages, load


@pytest.fixture(scope="module")
def source_ids() -> set[str]:
    return {str(m.id) for m in extract_messages() if m.id}


def test_the_code_has_translatable_strings(source_ids):
    assert len(source_ids) > 50
    assert "Map" in source_ids


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_is_translated(lang, source_ids):
    translated = catalogue(lang)
    missing = sorted(source_ids - translated.keys())
    assert not missing, f"{lang} catalogue lacks {len(missing)} strings, e.g. {missing[:5]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_fuzzy_or_stale_entries(lang, source_ids):
    po = load(lang)
    fuzzy = [m.id for m in po if m.id and m.fuzzy]
    stale = [m.id for m in po if m.id and str(m.id) not in source_ids]
    assert not fuzzy and not stale, (fuzzy, stale)


def test_placeholders_survive_translation():
    for msgid, text in catalogue("es").items():
        for field in ("{count}", "{year}", "{name}", "{value}", "{source}"):
            assert (field in msgid) == (field in text), (msgid, text)


def test_spanish_really_differs_from_english():
    assert gettext("es", "Map") == "Mapa"
    assert gettext("en", "Map") == "Map"


def test_unknown_language_falls_back_to_spanish():
    assert translator("fr")("Map") == "Mapa"
    assert other_language("es") == "en" and other_language("en") == "es"
