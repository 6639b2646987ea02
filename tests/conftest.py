"""Shared fixtures: the app in-process, a live server on loopback, and Debian's headless Chromium."""

from __future__ import annotations

import os
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from data import package

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BOOM_PATH = "/__test__/boom"
FUZZ_COUNTS: Counter[str] = Counter()


MISSING_PACKAGE = "missing system package: "


def pytest_terminal_summary(terminalreporter) -> None:
    """Say how many generated bad-input cases ran (tests/test_fuzz.py), and which tests did not run because
    a system package is missing (their skip reason starts with MISSING_PACKAGE), so a green run on a
    machine without nginx or redis-server does not pass for a full one."""
    if FUZZ_COUNTS:
        detail = ", ".join(f"{name} {count}" for name, count in sorted(FUZZ_COUNTS.items()))
        terminalreporter.write_line(f"bad-input cases run: {sum(FUZZ_COUNTS.values())} ({detail})")
    missing: dict[str, set[str]] = {}
    for report in terminalreporter.stats.get("skipped", []):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if MISSING_PACKAGE in reason:
            package = reason.split(MISSING_PACKAGE, 1)[1]
            missing.setdefault(package, set()).add(report.nodeid.split("::")[0])
    for package, files in sorted(missing.items()):
        terminalreporter.write_line(f"SKIPPED for a {MISSING_PACKAGE}{package}: {', '.join(sorted(files))}",
                                    yellow=True, bold=True)


@pytest.fixture(scope="session")
def dash_app():
    """The real app module; a route that always fails is added to test the error page."""
    import app as app_module

    server = app_module.server
    if BOOM_PATH not in {rule.rule for rule in server.url_map.iter_rules()}:

        def boom() -> str:
            raise RuntimeError("forced failure for the error-page test")

        server.add_url_rule(BOOM_PATH, "test_boom", boom)
        server.add_url_rule("/en" + BOOM_PATH, "test_boom_en", boom)
    return app_module


@pytest.fixture(scope="session")
def client(dash_app):
    return dash_app.server.test_client()


@pytest.fixture(scope="session")
def live_server(dash_app) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, dash_app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium (see .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class BrowserPage:
    """A Playwright page that records console errors and uncaught exceptions."""

    def __init__(self, page) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))


@pytest.fixture
def browser_page(browser) -> Iterator[BrowserPage]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    wrapped = BrowserPage(context.new_page())
    yield wrapped
    context.close()


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    """A scratch copy of the data package (descriptor, schemas, tables) for tests that corrupt it."""
    root = tmp_path / "data"
    root.mkdir()
    shutil.copy(package.DATA_DIR / "datapackage.json", root)
    shutil.copytree(package.DATA_DIR / "schemas", root / "schemas")
    shutil.copytree(package.DATA_DIR / "tables", root / "tables")
    return root

