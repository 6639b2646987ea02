"""``N_`` marks a string for translation where it is defined and translates nothing there.

Use it for texts defined at import time (page titles, navigation labels) that are translated
later, once the language of the request is known.
"""


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention
    return msgid
