"""One translation mechanism for every user-facing string.

Strings are marked with ``_("English source text")`` and translated through gettext catalogues
(``i18n/locales/<lang>/LC_MESSAGES/messages.po``) that a translator edits with any PO editor.
The catalogues are read with Babel at import time, so no compiled ``.mo`` files are needed.
Spanish is the default language; English is the second.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LANGUAGES: tuple[str, ...] = ("es", "en")
DEFAULT_LANGUAGE = "es"
LANGUAGE_NAMES = {"es": "Español", "en": "English"}
LOCALES_DIR = Path(__file__).parent / "locales"

log = logging.getLogger(__name__)

Translator = Callable[[str], str]


def is_supported(lang: object) -> bool:
    """True for the language codes the product is translated into."""
    return isinstance(lang, str) and lang in LANGUAGES


def catalogue_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Translated strings of one language, keyed by their English source text."""
    with catalogue_path(lang).open("rb") as handle:
        po = read_po(handle, locale=lang)
    return {str(m.id): str(m.string) for m in po if m.id and m.string and not m.fuzzy}


def gettext(lang: str, msgid: str) -> str:
    """Translate ``msgid``; an unknown language or a missing entry falls back visibly to the source."""
    if not is_supported(lang):
        lang = DEFAULT_LANGUAGE
    text = catalogue(lang).get(msgid)
    if text is None:
        log.warning("missing %s translation for %r", lang, msgid)
        return msgid
    return text


def translator(lang: str) -> Translator:
    """A ``_`` function bound to one language, for use inside layouts and callbacks."""

    def _(msgid: str) -> str:
        return gettext(lang, msgid)

    return _


def other_language(lang: str) -> str:
    """The language the switch offers (there are two)."""
    return "en" if lang == "es" else "es"


def language_of_path(path: str) -> str:
    """The language a path asks for (its first segment), or the default."""
    first = path.strip("/").split("/", 1)[0]
    return first if is_supported(first) else DEFAULT_LANGUAGE
