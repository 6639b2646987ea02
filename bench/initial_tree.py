"""How much a page asks React to mount on first paint: components in the layout the router answers, and bytes.

Usage: .venv/bin/python -m bench.initial_tree [/es/map /es/trends /es/compare ...]
Asks the app (its Flask test client, no server) for each page's layout as the browser does, walks the
component tree and prints one row per page: every component React mounts (a store's data is not mounted),
those inside table bodies, inside closed ``<details>`` (mounted but not seen until opened) and inside
``hidden`` containers, the options of the dropdowns, the plotly graphs, and the router answer's bytes (raw
and gzip). Why it matters: Dash's renderer wraps every
component in React work at first paint, which Lighthouse's mobile run (4x CPU slowdown) counts as blocking
time. A benchmark that prints figures; nothing here asserts.
"""

from __future__ import annotations

import gzip
import sys

from tests.layout_tree import post_layout

PAGES = ("/es/map", "/es/trends", "/es/compare")


def _count(node: object, unseen: str | None, counts: dict[str, int]) -> None:
    """Count ``node`` and below; ``unseen`` names why a reader cannot see it yet (first reason wins)."""
    if isinstance(node, list):
        for child in node:
            _count(child, unseen, counts)
        return
    if not (isinstance(node, dict) and "type" in node and isinstance(node.get("props"), dict)):
        return
    kind, props = node["type"], node["props"]
    counts["components"] += 1
    if unseen:
        counts[unseen] += 1
    if kind == "Dropdown":
        counts["dropdown options"] += len(props.get("options") or [])
    if kind == "Graph":
        counts["graphs"] += 1
    below = unseen
    if below is None:
        if kind == "Tbody":
            below = "in table bodies"
        elif props.get("hidden") is True:
            below = "in hidden parts"
    for key, value in props.items():
        if kind == "Store":
            continue  # a store's data is not mounted (a body kept for later is data until it is opened)
        inner = below
        if inner is None and kind == "Details" and not props.get("open") and key == "children":
            # the summary is seen; the rest of a closed <details> is not
            items = value if isinstance(value, list) else [value]
            for item in items:
                seen = isinstance(item, dict) and item.get("type") == "Summary"
                _count(item, None if seen else "in closed details", counts)
            continue
        _count(value, inner, counts)


def measure(client, path: str) -> dict[str, int]:
    response = post_layout(client, path)
    body = response.get_data()
    counts = dict.fromkeys(("components", "in table bodies", "in closed details", "in hidden parts",
                            "dropdown options", "graphs"), 0)
    _count(response.get_json()["response"]["_pages_content"]["children"], None, counts)
    return {**counts, "bytes": len(body), "gzip bytes": len(gzip.compress(body, 6))}


def main(paths: list[str]) -> None:
    from app import server

    client = server.test_client()
    rows = [(path, measure(client, path)) for path in paths]
    keys = list(rows[0][1])
    print("| page | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 1) + "|")
    for path, counts in rows:
        print(f"| {path} | " + " | ".join(f"{counts[k]:,}" for k in keys) + " |")


if __name__ == "__main__":
    main(sys.argv[1:] or list(PAGES))
