"""Lighthouse (mobile emulation: a mid-range phone on slow 4G) on every page type, median of N runs.

Usage: .venv/bin/python -m bench.lighthouse [--runs 3] [--base http://127.0.0.1:8050] [PATH ...]
Without ``--base`` it starts the app with gunicorn on a free loopback port (as ``make run`` serves it:
``--preload``, 2 workers) and warms each page once, so the runs measure the page, not a cold cache (its
layout answers, and the brotli copies of its scripts and styles: bench.server.warm_static).
It runs the same Lighthouse 12 as ``../shared/tools/lighthouse`` (installed there on first use) and
prints one row per page: performance, accessibility, FCP, LCP, TBT, CLS and the bytes transferred, from
the run with the median performance score. A benchmark that prints figures; nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import urllib.request
from pathlib import Path

from bench.server import ROOT, running_app, wait_until_healthy, warm_static

TOOL = ROOT.parent / "shared" / "tools" / "lighthouse"
CLI = Path(os.environ.get("LH_DIR", Path.home() / ".cache" / "lighthouse-cli")) / "node_modules" / ".bin" / "lighthouse"
PAGES = (  # one of each page type, as the table lists them
    ("home", "/es"),
    ("about", "/es/about"),
    ("data", "/es/data"),
    ("briefing index", "/es/briefing"),
    ("briefing", "/es/briefing/VE-F"),
    ("map", "/es/map"),
    ("map, municipalities", "/es/map?level=municipality"),
    ("trends", "/es/trends"),
    ("compare", "/es/compare"),
    ("place", "/es/place/VE-F"),
    ("search", "/es/search?q=sucre"),
    ("your map", "/es/your-map"),
    ("embed", "/embed/map?lang=es"),
)
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"


def ensure_cli() -> Path:
    """Lighthouse from the npm registry, in the same place the shared script installs it."""
    if not CLI.exists():
        if TOOL.exists():  # the shared script installs it on first use; give it a URL that fails fast
            subprocess.run([str(TOOL), "http://127.0.0.1:9/"], capture_output=True, check=False)
        if not CLI.exists():
            raise SystemExit(f"Lighthouse is not installed: run {TOOL} once (it installs lighthouse@12.8.2)")
    return CLI


def one_run(url: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"}
        subprocess.run(
            [str(CLI), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}",
             "--only-categories=performance,accessibility", "--output=json", f"--output-path={out.name}"],
            env=env, check=True, capture_output=True, timeout=240)
        return json.loads(Path(out.name).read_text())


def summary(report: dict) -> dict[str, object]:
    audits = report["audits"]
    scores = {k: round((v["score"] or 0) * 100) for k, v in report["categories"].items()}

    def ms(key: str) -> float:
        return float(audits[key].get("numericValue") or 0)

    return {
        "performance": scores["performance"], "accessibility": scores["accessibility"],
        "FCP s": ms("first-contentful-paint") / 1000, "LCP s": ms("largest-contentful-paint") / 1000,
        "TBT ms": ms("total-blocking-time"), "CLS": float(audits["cumulative-layout-shift"].get("numericValue") or 0),
        "KB": ms("total-byte-weight") / 1024,
    }


def median_run(url: str, runs: int) -> dict[str, object]:
    results = sorted((summary(one_run(url)) for _ in range(runs)), key=lambda r: r["performance"])
    middle = results[len(results) // 2]
    middle["spread"] = f"{results[0]['performance']}–{results[-1]['performance']}"
    middle["a11y min"] = min(r["accessibility"] for r in results)
    middle["CLS max"] = max(r["CLS"] for r in results)
    return middle


def row(name: str, path: str, r: dict[str, object]) -> str:
    return (f"| {name} | `{path}` | {r['performance']} ({r['spread']}) | {r['a11y min']} | {r['FCP s']:.1f} s | "
            f"{r['LCP s']:.1f} s | {r['TBT ms']:,.0f} ms | {r['CLS max']:.3f} | {r['KB']:,.0f} KB |")


def measure(base: str, pages: list[tuple[str, str]], runs: int) -> None:
    for _name, path in pages:  # warm the page cache the way a deployment's warm-up does
        urllib.request.urlopen(base + path, timeout=60).read()
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        warm_static(base, [path for _name, path in pages], browser)
        browser.close()
    print(f"Lighthouse 12 mobile emulation, median of {runs} run(s) by performance (min–max in brackets); "
          "accessibility: the lowest run; CLS: the largest run")
    print("| page | path | performance | accessibility | FCP | LCP | TBT | CLS | weight |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, path in pages:
        try:
            print(row(name, path, median_run(base + path, runs)), flush=True)
        except (subprocess.SubprocessError, json.JSONDecodeError, KeyError) as error:
            print(f"| {name} | `{path}` | failed: {type(error).__name__} | | | | | | |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--base", help="measure an app already running here instead of starting one")
    parser.add_argument("paths", nargs="*", help="measure these paths only (default: every page type)")
    args = parser.parse_args()
    ensure_cli()
    pages = [(p, p) for p in args.paths] if args.paths else list(PAGES)
    if args.base:
        measure(args.base.rstrip("/"), pages, args.runs)
        return
    with running_app(workers=2) as (base, _process):
        wait_until_healthy(base)
        measure(base, pages, args.runs)


if __name__ == "__main__":
    main()
