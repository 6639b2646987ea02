"""Find numbers written with the other language's decimal mark in a page's visible text.

A decimal written with one or two digits after the mark is unambiguous: in Spanish "424.7" can only be
a decimal point (a thousands group has three digits, "6.973"), in English "424,7" only a decimal comma.
Versions, licence names and dotted codes ("0.2.0", "CC BY 4.0", "VC.IHR.PSRC.P5") are left alone: the mark must sit between digits
with no further mark or digit after the decimals.
"""

from __future__ import annotations

import re

LICENCE_VERSION = r"(?<!BY )(?<!SA )(?<!IGO )(?<!ODbL )"  # "CC BY 4.0", "CC BY 3.0 IGO", "ODbL 1.0" are names
WRONG_DECIMAL = {
    "es": re.compile(LICENCE_VERSION + r"(?<![\w.,/-])\d+\.\d{1,2}(?![\d.,]\d|\w)"),
    "en": re.compile(LICENCE_VERSION + r"(?<![\w.,/-])\d+,\d{1,2}(?![\d.,]\d|\w)"),
}


def wrong_separators(text: str, lang: str) -> list[str]:
    """Each number in ``text`` written with the decimal mark of the other language, with its context."""
    return [text[max(0, m.start() - 40):m.end() + 20].replace("\n", " ") for m in WRONG_DECIMAL[lang].finditer(text)]
