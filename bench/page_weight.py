"""Bytes a first visit downloads, as Chromium counts them on the wire (compressed), per page.

Usage: .venv/bin/python -m bench.page_weight [--cold] [/es /es/map ...]
Starts the app on loopback, opens each path in a fresh headless Chromium profile, and sums the
``encodedDataLength`` of every network response (HTML, scripts, styles, layout, callbacks). First it
visits each path once and waits until the server has made brotli of every static file (a visitor's first
visit, not the server's); ``--cold`` skips that and measures what the first visitors after a start get.
"""

from __future__ import annotations

import sys
from collections import defaultdict

from playwright.sync_api import sync_playwright

from bench.server import running_app, wait_until_healthy, warm_static
from tests.conftest import CHROMIUM, CHROMIUM_ARGS


def measure(base: str, path: str, browser) -> dict[str, int]:
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    kinds: dict[str, str] = {}
    sizes: dict[str, int] = defaultdict(int)
    cdp.on("Network.responseReceived", lambda e: kinds.__setitem__(e["requestId"], e["type"]))
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(kinds.get(e["requestId"], "Other"),
                                    sizes[kinds.get(e["requestId"], "Other")] + int(e["encodedDataLength"])),
    )
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_selector("main h1")
    page.wait_for_load_state("networkidle")
    context.close()
    return dict(sizes)


def main(paths: list[str]) -> None:
    cold = "--cold" in paths
    paths = [p for p in paths if p != "--cold"] or ["/es"]
    with running_app() as (base, _process), sync_playwright() as playwright:
        wait_until_healthy(base)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if not cold:
            warm_static(base, paths, browser)
        for path in paths:
            sizes = measure(base, path, browser)
            detail = ", ".join(f"{k} {v / 1024:.1f} KB" for k, v in sorted(sizes.items()))
            print(f"{path}: {sum(sizes.values()) / 1024:.1f} KB transferred ({detail})")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
