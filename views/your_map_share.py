"""The share link of a map of the reader's own figures: the data travels in the URL fragment, never to our server.

Why a fragment: a browser never sends the part after ``#`` with a request, so nothing the reader maps is stored
or logged by the server; the page's script hands it to the page, which reads it back like a paste. The payload is
compressed JSON in URL-safe base64; a map too large for a link that chat apps and e-mail keep whole gets no link
(the page says so), and a damaged or hostile fragment is ignored with a message, never trusted.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from dataclasses import asdict, dataclass

PREFIX = "d="
MAX_FRAGMENT = 8_000  # characters: links longer than this are cut by some chat apps and mail clients
MAX_INFLATED = 200_000  # bytes a fragment may expand to (no decompression bombs)
MAX_FIELD = 300  # characters of a title, source or note
SCHEME_DEFAULT, CLASSES_DEFAULT = "YlOrRd", 5


@dataclass(frozen=True)
class SharedMap:
    """What a link reopens: the table (codes, names, values), the column mapped and the reader's own words."""

    table: str
    title: str = ""
    source: str = ""
    notes: str = ""
    scheme: str = SCHEME_DEFAULT
    classes: int = CLASSES_DEFAULT


def encode(shared: SharedMap) -> str | None:
    """The fragment (without ``#``), or None when it would be longer than ``MAX_FRAGMENT``."""
    raw = json.dumps(asdict(shared), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")
    fragment = PREFIX + packed
    return fragment if len(fragment) <= MAX_FRAGMENT else None


def decode(fragment: object) -> SharedMap | None:
    """The map a fragment carries, or None when it is not one of ours (or damaged, or too large)."""
    if not isinstance(fragment, str):
        return None
    fragment = fragment.lstrip("#")
    if not fragment.startswith(PREFIX) or len(fragment) > MAX_FRAGMENT + 10:
        return None
    packed = fragment[len(PREFIX):]
    try:
        compressed = base64.urlsafe_b64decode(packed + "=" * (-len(packed) % 4))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(compressed, MAX_INFLATED)
        if inflater.unconsumed_tail:
            return None
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, zlib.error, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("table"), str):
        return None

    def text(key: str) -> str:
        value = data.get(key)
        return value[:MAX_FIELD] if isinstance(value, str) else ""

    classes = data.get("classes")
    return SharedMap(
        table=data["table"],
        title=text("title"),
        source=text("source"),
        notes=text("notes"),
        scheme=text("scheme") or SCHEME_DEFAULT,
        classes=classes if isinstance(classes, int) and not isinstance(classes, bool) else CLASSES_DEFAULT,
    )
