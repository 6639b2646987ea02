"""Print one briefing's HTML with WeasyPrint (in this process) and with headless Chromium
(``--print-to-pdf``, a child process), and print wall time, peak memory and pages for each.

Why both: the choice of the server's PDF engine (``web/pdf.py``) rests on these figures. WeasyPrint's
memory is this process's peak resident size minus its size before printing; Chromium's is the largest
resident size among its processes (getrusage of the children), so its true total is higher.

    .venv/bin/python -m bench.pdf_engines VE-D es --runs 3
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("code", nargs="?", default="VE-D")
    parser.add_argument("lang", nargs="?", default="es")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import app  # noqa: F401 - registers the pages
    from pages.briefing import briefing_document
    from web.pdf import print_pdf, stylesheet

    document, max_pages = briefing_document(args.lang, args.code, "https://example.org", stylesheet())
    folder = Path(tempfile.mkdtemp())
    source = folder / "briefing.html"
    source.write_text(document, encoding="utf-8")

    before = _rss_mb()
    started = time.perf_counter()
    import weasyprint  # noqa: F401 - the import is part of a cold first print

    imported = time.perf_counter() - started
    times = []
    for _run in range(args.runs):
        started = time.perf_counter()
        data = print_pdf(document, max_pages)
        times.append(time.perf_counter() - started)
    (folder / "weasyprint.pdf").write_bytes(data)
    print(f"weasyprint: import {imported:.2f} s; print {', '.join(f'{t:.2f}' for t in times)} s "
          f"(median {statistics.median(times):.2f}); peak +{_rss_mb() - before:.0f} MB; {len(data):,} bytes")

    times, peaks = [], []
    for _run in range(args.runs):
        started = time.perf_counter()
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={folder / 'chromium.pdf'}", source.as_uri()],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - started)
        peaks.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    size = (folder / "chromium.pdf").stat().st_size
    print(f"chromium:   print {', '.join(f'{t:.2f}' for t in times)} s (median {statistics.median(times):.2f}); "
          f"largest process {max(peaks):.0f} MB; {size:,} bytes")
    for name in ("weasyprint", "chromium"):
        info = subprocess.run(["pdfinfo", str(folder / f"{name}.pdf")], capture_output=True, text=True).stdout
        print(name, next(line for line in info.splitlines() if line.startswith("Pages")))


if __name__ == "__main__":
    main()
