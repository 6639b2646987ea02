"""The briefing PDFs the server prints (``/{lang}/briefing/{code}.pdf``): page limits on A4 and Letter,
the headline figure, an options section citing at least three practices, no page more than half
blank, the footer, the cache and the answers to bad addresses.

Printing all 26 × 2 languages × 2 papers takes minutes on a shared machine, so this file prints a
sample chosen to cover the layouts — the nation, a state with many figures (Bolívar), a typical one
(Aragua), a sparse one (Barinas) and the one without any figure (Dependencias Federales) — each PDF
once per session; ``test_briefing_numbers`` reads the text of all 52 briefings.
"""

from __future__ import annotations

import re
import subprocess
import time
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = [("VEN", "es", "a4"), ("VEN", "en", "letter"), ("VE-F", "en", "a4"), ("VE-F", "es", "letter"),
          ("VE-D", "es", "letter"), ("VE-E", "en", "letter"), ("VE-W", "es", "letter")]
OPTIONS = {"es": "Opciones de acción", "en": "Options for action"}
DATA_UP_TO = {"es": "Datos al {year}", "en": "Data up to {year}"}
# Headline figures as printed, hand-copied from observations.csv: OVV's latest violent-death rates.
HEADLINE = {("VEN", "es"): "26,8", ("VEN", "en"): "26.8", ("VE-F", "es"): "34,2", ("VE-F", "en"): "34.2",
            ("VE-D", "es"): "27,2", ("VE-E", "en"): "18.7"}
NO_FIGURE = {"es": "publicó una cifra para Dependencias Federales", "en": "published a figure for Dependencias Federales"}
YEAR = {"VEN": 2025, "VE-F": 2024, "VE-D": 2023, "VE-E": 2021, "VE-W": None}


@pytest.fixture(scope="module")
def pdfs(client, tmp_path_factory):
    """Each sample PDF, fetched once through the app (route, printer and cache), with its cold time."""
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for code, lang, paper in SAMPLE:
        started = time.perf_counter()
        response = client.get(f"/{lang}/briefing/{code}.pdf?paper={paper}")
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, (code, lang, paper)
        assert response.mimetype == "application/pdf"
        assert re.match(r'attachment; filename="[a-z-]+\.pdf"', response.headers["Content-Disposition"])
        path = folder / f"{code}-{lang}-{paper}.pdf"
        path.write_bytes(response.data)
        out[(code, lang, paper)] = (path, elapsed)
    return out


def pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", " ", p) for p in text.split("\f") if p.strip()]


def fills(path: Path) -> list[float]:
    """Per page, the share of the height between the margins that the body text spans (footer left out)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for _width, height, words in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S):
        h = float(height)
        boxes = [(float(a), float(b)) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', words)]
        body = [b for b in boxes if b[1] < h - 14 / 25.4 * 72]  # above the bottom margin, where the footer is
        top, bottom = 12 / 25.4 * 72, h - 14 / 25.4 * 72
        out.append((max(b for _a, b in body) - top) / (bottom - top) if body else 0.0)
    return out


@cache
def practice_titles(lang: str) -> list[str]:
    table = pd.read_csv(ROOT / "data" / "tables" / "practices.csv", keep_default_na=False)
    return list(table[f"title_{lang}"])


@pytest.mark.parametrize("key", SAMPLE, ids=lambda k: "-".join(k))
def test_printed_briefing_keeps_to_its_pages_with_headline_and_options(pdfs, key):
    code, lang, _paper = key
    path, _elapsed = pdfs[key]
    texts = pages(path)
    assert 1 <= len(texts) <= (4 if code == "VEN" else 2), len(texts)
    whole = " ".join(texts)
    if code in YEAR and (code, lang) in HEADLINE:
        assert HEADLINE[(code, lang)] in texts[0]
    if YEAR[code]:
        assert DATA_UP_TO[lang].format(year=YEAR[code]) in texts[0]
    else:
        assert NO_FIGURE[lang] in texts[0]
    assert OPTIONS[lang] in whole
    options = whole.split(OPTIONS[lang], 1)[1]
    cited = [t for t in practice_titles(lang) if " ".join(t.split()) in options]
    assert len(cited) >= 3, cited
    assert f"/{lang}/briefing/{code}" in texts[0] and f"/{lang}/briefing/{code}" in texts[-1]  # footer, every page
    assert re.search(rf"\b1\s*/\s*{len(texts)}\b", texts[0])


@pytest.mark.parametrize("key", SAMPLE, ids=lambda k: "-".join(k))
def test_no_page_is_more_than_half_blank(pdfs, key):
    path, _elapsed = pdfs[key]
    assert all(f >= 0.5 for f in fills(path)), fills(path)


def test_cached_pdf_is_the_same_file_and_fast(client, pdfs):
    path, cold = pdfs[("VE-D", "es", "letter")]
    started = time.perf_counter()
    again = client.get("/es/briefing/VE-D.pdf?paper=letter")
    warm = time.perf_counter() - started
    assert again.data == path.read_bytes()
    assert warm < 0.5 and warm < cold / 3, (warm, cold)


@pytest.mark.parametrize("address", ["/es/briefing/XX.pdf", "/en/briefing/VE-ZZ.pdf", "/fr/briefing/VE-D.pdf",
                                     "/en/briefing/%3Cb%3E.pdf"])
def test_bad_addresses_get_the_not_found_page(client, address):
    response = client.get(address)
    assert response.status_code == 404
    assert response.mimetype == "text/html"


def test_download_button_links_the_pdf(client):
    from components.static_html import to_html
    from pages.briefing import actions

    markup = to_html(actions("es", "VE-D").children)  # the actions bar is no-print, so write its children
    assert 'href="/es/briefing/VE-D.pdf"' in markup and 'download="informe-aragua.pdf"' in markup
