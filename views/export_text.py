"""What a downloaded chart image says around the chart: title, subtitle, source line, licence, the link to
the same view, and the file's name.

Why one module: a PNG or SVG travels without the page around it, so every image must carry its own apparatus,
and every chart must say it the same way. The chart registry (``components/chart_registry.py``) gives each
chart its parts (place, indicator, measure, years) and the sources of the rows it draws; this module writes
the sentences in the page's language. The browser (``assets/chart_export.js``) only lays them out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from analysis.labels import source_record
from i18n import translator
from i18n.markers import N_

LICENCE_LINE = N_("Licence: each source's terms apply; this compilation CC BY 4.0.")  # in every downloaded file
MAX_STEM = 80  # characters of a file name before its extension


@dataclass(frozen=True)
class ExportText:
    """Every text written into a chart's image, already translated. ``path`` is the view's address on the
    dashboard; the browser puts its own origin in front (the server does not know the public host name)."""

    title: str
    subtitle: str
    sources: str
    licence: str
    link: str  # "Interactive version and data:", followed by the view's full URL
    path: str
    filename: str  # without extension

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def slug(text: str) -> str:
    """``Muertes violentas, Bolívar 2023`` → ``muertes-violentas-bolivar-2023``: lower case ASCII words and
    hyphens, so a file name survives every operating system and e-mail client."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", letters).strip("-")


def file_stem(words: Iterable[str], fallback: str = "chart") -> str:
    """A file name (no extension) from the words that describe a view, cut at a word boundary."""
    stem = slug(" ".join(w for w in words if w))
    if len(stem) > MAX_STEM:
        stem = stem[:MAX_STEM].rsplit("-", 1)[0]
    return stem or fallback


def year_span(years: Iterable[object]) -> str:
    """``2023`` or ``1998–2024`` from the years of the rows drawn (anything that is not a year is ignored)."""
    found = sorted({int(y) for y in years if isinstance(y, int | float) and not isinstance(y, bool) and 1800 < y < 2200})
    if not found:
        return ""
    return str(found[0]) if found[0] == found[-1] else f"{found[0]}–{found[-1]}"


def sources_line(source_ids: Iterable[str], lang: str) -> str:
    """``Source: Observatorio Venezolano de Violencia (2023, 2024).``: the organisations whose publications
    gave the rows drawn, each with the years those publications came out, in the order first met."""
    _ = translator(lang)
    years: dict[str, list[str]] = {}
    for source_id in dict.fromkeys(source_ids):
        record = source_record(source_id)
        organisation = record.get("organisation") or source_id
        published = str(record.get("published", ""))[:4]
        found = years.setdefault(organisation, [])
        if published and published not in found:
            found.append(published)
    if not years:
        return _("Source: no published figure in this selection.")
    named = [_with_years(name, found) for name, found in years.items()]
    label = _("Source:") if len(named) == 1 else _("Sources:")
    return f"{label} {'; '.join(named)}."


def _with_years(organisation: str, years: list[str]) -> str:
    """``OVV (2009, 2011–2023)``; after a name that already ends in brackets, ``…(OVV), 2009, 2011–2023``."""
    if not years:
        return organisation
    numbers = sorted(int(y) for y in years)
    runs: list[list[int]] = []
    for year in numbers:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    text = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
    return f"{organisation}, {text}" if organisation.endswith(")") else f"{organisation} ({text})"


def export_text(title: str, about: Sequence[str], years: Iterable[object], source_ids: Iterable[str], path: str,
                file_words: Sequence[str], lang: str) -> ExportText:
    """The apparatus of one chart's image. ``about`` names what is drawn (place, indicator, measure, and the
    year where the view has one); the span of the drawn years is added when ``about`` has no year of its own."""
    _ = translator(lang)
    span = year_span(years)
    parts = [p for p in about if p]
    if span and not any(re.search(r"\b(1[89]|2[01])\d\d\b", p) for p in parts):
        parts.append(span)
    words = [*file_words]
    if span and not any(re.search(r"\b(1[89]|2[01])\d\d\b", w) for w in words):
        words.append(span)
    return ExportText(
        title=title,
        subtitle=" · ".join(parts),
        sources=sources_line(source_ids, lang),
        licence=_(LICENCE_LINE),
        link=_("Interactive version and data:"),
        path=path,
        filename=file_stem(words),
    )
