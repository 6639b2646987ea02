"""Text folding shared by the crosswalk generator and the name resolver."""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[^0-9a-z]+")
# Administrative words people put before a name; stripped (repeatedly) when something remains.
_PREFIXES = (
    "municipio autonomo", "municipio", "mcpio", "mun", "estado", "edo",
    "autonomo", "bolivariano",
)


def ascii_fold(text: str) -> str:
    """Drop accents and the tilde (``Mérida`` → ``Merida``, ``Peña`` → ``Pena``), keep case."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """Fold a written name to a comparison key.

    Lower-case, no accents, punctuation to single spaces, and leading administrative words
    ("Municipio", "Estado", "Autónomo", "Bolivariano", "Edo.") removed, so that
    ``"Municipio Autónomo  Atures"`` and ``"atures"`` compare equal. Nothing else is changed:
    the key is never fuzzy, so a typo stays a different key.
    """
    key = _PUNCT.sub(" ", ascii_fold(str(text)).lower()).strip()
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if key.startswith(prefix + " ") and len(key) > len(prefix) + 1:
                key = key[len(prefix) + 1:]
                changed = True
    return key
