"""The layers keep their roles: these tests fail when a module crosses a boundary.

files -> data/, geo/ -> analysis/ (calculations), views/ (URL state) -> components/ (draws) -> pages/
(compose, callbacks) -> app.py (wires); web/ is server plumbing that only app.py wires, reached by the
other layers through web/services.py alone.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("data", "geo", "analysis", "views", "components", "pages")
FILE_READS = {"open", "read_bytes", "read_text", "read_csv", "read_file", "load", "glob", "rglob"}


def _modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", _modules("components"), ids=_relative)
def test_components_only_draw(path):
    if path.name == "__init__.py":
        return
    imported = _imports(path)
    assert any(n == "dash" or n.startswith(("dash.", "dash_bootstrap_components", "plotly")) for n in imported), (
        f"{_relative(path)} imports neither Dash nor plotly: calculations go to analysis/, URL state to views/")


def test_nothing_outside_data_and_geo_reads_data_or_geometry_files():
    offenders = []
    for path in _modules("analysis", "views", "components", "pages"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in FILE_READS and not (name == "load" and isinstance(node.func, ast.Attribute)
                                               and getattr(node.func.value, "id", "") != "json"):
                    offenders.append(f"{_relative(path)}:{node.lineno} {name}()")
    assert offenders == []


def test_dash_internals_are_used_in_one_module():
    offenders = []
    for path in [ROOT / "app.py", ROOT / "warm.py", *_modules(*LAYERS, "web", "i18n", "bench")]:
        if path.name == "dash_internals.py":
            continue
        text = path.read_text(encoding="utf-8")
        private = [n for n in _imports(path) if n.startswith("dash._")]
        if private or "dash._" in text or "_pages_location" in text or "/_dash-" in text:
            offenders.append(_relative(path))
    assert offenders == []


@pytest.mark.parametrize("layer", LAYERS)
def test_web_is_reached_through_its_services_module_only(layer):
    offenders = [f"{_relative(p)}: {n}" for p in _modules(layer) for n in _imports(p)
                 if (n == "web" or n.startswith("web.")) and not n.startswith("web.services")]
    assert offenders == []


def test_web_imports_no_page_or_drawing_code():
    offenders = [f"{_relative(p)}: {n}" for p in _modules("web") for n in _imports(p)
                 if n.split(".")[0] in {"pages", "components", "app", "warm"}]
    assert offenders == []
