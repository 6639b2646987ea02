"""Stylesheets and scripts we serve are well formed: a lost brace silently moves every later rule into a media
query (a merge once put the navigation's search box inside the phone-only block, squeezing it to 83 px)."""

from __future__ import annotations

from pathlib import Path

import pytest

ASSETS = Path(__file__).resolve().parent.parent / "assets"
OWN = sorted(p for p in ASSETS.glob("*.css")) + sorted(p for p in ASSETS.glob("*.js"))


def _without_strings_and_comments(text: str) -> str:
    out, i, quote = [], 0, ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
            continue
        elif ch in "\"'`":
            quote = ch
        else:
            out.append(ch)
        i += 1
    return "".join(out)


@pytest.mark.parametrize("path", [p for p in OWN if p.suffix == ".css"], ids=lambda p: p.name)
def test_stylesheet_braces_balance_and_no_merge_markers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not any(marker in text for marker in ("<<<<<<<", ">>>>>>>", "\n=======\n"))
    depth = 0
    for number, line in enumerate(_without_strings_and_comments(text).splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"{path.name}:{number}: a closing brace without an opening one"
    assert depth == 0, f"{path.name}: {depth} block(s) left open"


@pytest.mark.parametrize("path", [p for p in OWN if p.suffix == ".js"], ids=lambda p: p.name)
def test_script_has_no_merge_markers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not any(marker in text for marker in ("<<<<<<<", ">>>>>>>"))
