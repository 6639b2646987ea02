"""Read a table a reader brings (an uploaded CSV/TSV or text pasted from a spreadsheet) into rows of text.

Why here: the "map your own figures" page accepts files we did not write. Spreadsheets export with a BOM,
in Latin-1/cp1252, with ``;`` separators and decimal commas, with empty rows and stray cells. Everything is
read in this module, before any calculation, and every problem is answered with a message naming the row
(never an exception reaching the page). Limits are checked on the raw size before anything is parsed.

Messages are English source texts (``N_``) with ``{placeholders}``; the page translates and fills them.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from i18n.markers import N_

MAX_BYTES = 100_000  # the page says "100 KB": the text must also travel inside one callback request
MAX_ROWS = 5_000
MAX_COLUMNS = 50
DELIMITERS = ("\t", ";", ",")
MISSING = {"", "-", "–", "—", "n/d", "nd", "s/d", "sd", "na", "n/a", "nan", "..", "…", "?"}
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_PLAIN = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: an English message with placeholders, and the row it is about."""

    message: str
    params: dict[str, object] = field(default_factory=dict)
    row: int | None = None  # line number in the reader's file (1 = the header)


@dataclass
class UserTable:
    """The header and the data rows (text, as written), each with its line number in the reader's file."""

    header: list[str]
    rows: list[list[str]]
    lines: list[int]
    delimiter: str = ","
    encoding: str = "utf-8"
    problems: list[Problem] = field(default_factory=list)

    def column(self, index: int) -> list[str]:
        return [row[index] if index < len(row) else "" for row in self.rows]


class TableError(ValueError):
    """The input cannot be read at all; ``problem`` says why in words for the reader."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message.format(**problem.params))
        self.problem = problem


def _refuse(message: str, **params: object) -> TableError:
    return TableError(Problem(message, params))


def decode_upload(contents: object) -> tuple[str, str]:
    """The text of a ``dcc.Upload`` data URL and the encoding it was read in, or ``TableError``.

    The size is checked on the base64 length before decoding, so a large file costs nothing.
    """
    if not isinstance(contents, str) or "," not in contents:
        raise _refuse(N_("The file could not be read. Choose a CSV or TSV file, or paste the table."))
    head, body = contents.split(",", 1)
    if len(body) * 3 // 4 > MAX_BYTES + 2:
        size = math.ceil(len(body) * 3 / 4 / 1000)
        raise _refuse(N_("The file is {size} KB; the limit is {limit} KB. Keep only the columns you need, or split it."),
                      size=size, limit=MAX_BYTES // 1000)
    if ";base64" not in head:
        raise _refuse(N_("The file could not be read. Choose a CSV or TSV file, or paste the table."))
    try:
        raw = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise _refuse(N_("The file could not be read. Choose a CSV or TSV file, or paste the table.")) from None
    return decode_bytes(raw)


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252/Latin-1."""
    if len(raw) > MAX_BYTES:
        raise _refuse(N_("The file is {size} KB; the limit is {limit} KB. Keep only the columns you need, or split it."),
                      size=math.ceil(len(raw) / 1000), limit=MAX_BYTES // 1000)
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(N_("This is a spreadsheet file (Excel or similar), not a text table. Save it as CSV "
                         "(File › Save as › CSV) or copy the cells and paste them here."))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise _refuse(N_("The file could not be read as text. Save it as CSV in UTF-8.")) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw, bom = raw[3:], True
    else:
        bom = False
    try:
        text, encoding = raw.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        # Spreadsheets on Windows save "CSV" in cp1252; the five bytes cp1252 leaves undefined are read as Latin-1.
        text = "".join(raw[i:i + 1].decode("cp1252", errors="replace") if raw[i] not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
                       else raw[i:i + 1].decode("latin-1") for i in range(len(raw)))
        encoding = "cp1252"
    if "\x00" in text:
        raise _refuse(N_("The file could not be read as text. Save it as CSV in UTF-8."))
    return text, encoding


def sniff_delimiter(lines: Sequence[str]) -> str:
    """Tab, ``;`` or ``,``: the one that splits the first lines into the same number (>1) of cells most often.

    Ties go to tab, then ``;`` (a ``;`` file usually has decimal commas, which a ``,`` split would cut)."""
    sample = [line for line in lines if line.strip()][:30]
    best, best_score = ",", -1
    for delimiter in DELIMITERS:
        counts = [len(cells) for cells in csv.reader(sample, delimiter=delimiter)]
        if not counts:
            continue
        width = max(set(counts), key=counts.count)
        score = counts.count(width) if width > 1 else 0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse_text(text: object, encoding: str = "text") -> UserTable:
    """Rows of text from a pasted or decoded table; ``TableError`` when nothing usable is there."""
    if not isinstance(text, str) or not text.strip():
        raise _refuse(N_("Paste a table or choose a file: a header row, then one row per place."))
    if len(text.encode("utf-8", errors="replace")) > MAX_BYTES:
        raise _refuse(N_("The table is {size} KB; the limit is {limit} KB. Keep only the columns you need, or split it."),
                      size=math.ceil(len(text.encode("utf-8", errors="replace")) / 1000), limit=MAX_BYTES // 1000)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if sum(1 for line in lines if line.strip()) > MAX_ROWS + 1:
        raise _refuse(N_("The table has more than {limit} rows. Split it, or keep one row per place."),
                      limit=f"{MAX_ROWS:,}")
    delimiter = sniff_delimiter(lines)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[list[str]] = []
    numbers: list[int] = []
    problems: list[Problem] = []
    try:
        for cells in reader:
            cells = [cell.strip() for cell in cells]
            while cells and not cells[-1]:
                cells.pop()
            if not cells:
                continue  # an empty row
            if header is None:
                header = cells
                continue
            rows.append(cells)
            numbers.append(reader.line_num)
    except csv.Error as error:
        raise _refuse(N_("Row {row} could not be read ({reason}). Check its quotation marks."),
                      row=reader.line_num, reason=str(error)) from None
    if header is None:
        raise _refuse(N_("Paste a table or choose a file: a header row, then one row per place."))
    if len(header) > MAX_COLUMNS:
        raise _refuse(N_("The table has {count} columns; the limit is {limit}."), count=len(header), limit=MAX_COLUMNS)
    if not rows:
        raise _refuse(N_("The table has a header but no rows below it."))
    header = _unique([name or f"{index + 1}" for index, name in enumerate(header)])
    for cells, line in zip(rows, numbers, strict=True):
        if len(cells) > len(header):
            problems.append(Problem(N_("Row {row} has {count} cells, the header {expected}: the extra cells are left out."),
                                    {"row": line, "count": len(cells), "expected": len(header)}, line))
            del cells[len(header):]
        cells.extend([""] * (len(header) - len(cells)))
    return UserTable(header, rows, numbers, delimiter, encoding, problems)


def _unique(names: list[str]) -> list[str]:
    """Column names made unique (``Total``, ``Total (2)``), so a column can be chosen by its name."""
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique


def decimal_mark(values: Sequence[str], delimiter: str) -> str:
    """``","`` or ``"."`` for a column, from the values that tell (``12,5`` / ``1.234,5`` / ``12.5``).

    ``1.234`` or ``1,234`` alone do not tell: a ``;``-separated file (a Spanish-locale export) reads them as
    thousands, so its decimal mark is the comma; otherwise (comma or tab) the point."""
    comma = point = 0
    for value in values:
        text = _SPACES.sub("", value)
        if "," in text and "." in text:
            if text.rfind(",") > text.rfind("."):
                comma += 1
            else:
                point += 1
        elif re.search(r",\d{1,2}$|,\d{4,}$|^[+-]?0,\d", text) or (text.count(",") == 1 and not re.search(r",\d{3}$", text)):
            comma += 1
        elif re.search(r"\.\d{1,2}$|\.\d{4,}$|^[+-]?0\.\d", text):
            point += 1
    if comma != point:
        return "," if comma > point else "."
    return "," if delimiter == ";" else "."


def parse_number(value: str, decimal: str) -> float | None:
    """A number written with ``decimal`` as its decimal mark; ``None`` for an empty or "n/d" cell.

    ``ValueError`` when the cell holds something else."""
    text = _SPACES.sub("", value).rstrip("%")
    if text.lower() in MISSING:
        return None
    thousands = "." if decimal == "," else ","
    if re.fullmatch(r"[+-]?\d{1,3}(?:" + re.escape(thousands) + r"\d{3})+(?:" + re.escape(decimal) + r"\d+)?", text):
        text = text.replace(thousands, "")
    text = text.replace(decimal, ".")
    if not _PLAIN.match(text):
        raise ValueError(value)
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(value)
    return number
