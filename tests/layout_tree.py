"""Ask the app for a page's layout as the browser does, and read the component tree it answers.

Every page path answers the same single-page HTML; the page itself arrives as the answer of the
pages router callback (``POST /_dash-update-component``), which is what these helpers request.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from web.dash_internals import CALLBACK_PATH, routing_body  # the app's own builder of the router's request

__all__ = ["CALLBACK_PATH", "Layout", "Node", "page_layout", "parse_layout", "post_layout", "routing_body"]


@dataclass(frozen=True)
class Node:
    type: str
    props: dict

    @property
    def text(self) -> str:
        """All text inside this component, in document order."""
        return "".join(_texts(self.props.get("children")))


@dataclass(frozen=True)
class Layout:
    tree: object  # the JSON component tree of ``_pages_content.children``
    title: str  # the browser title the router sets (``_pages_store.data.title``)

    def nodes(self, type_: str | None = None) -> list[Node]:
        return [node for node in _walk(self.tree) if type_ is None or node.type == type_]

    def ids(self) -> set[str]:
        return {node.props["id"] for node in self.nodes() if isinstance(node.props.get("id"), str)}

    def by_id(self, component_id: str) -> Node:
        return next(node for node in self.nodes() if node.props.get("id") == component_id)

    def texts(self, type_: str) -> list[str]:
        return [node.text.strip() for node in self.nodes(type_)]

    def hrefs(self) -> list[str]:
        return [node.props["href"] for node in self.nodes() if isinstance(node.props.get("href"), str)]


def post_layout(client, pathname: str, search: str = ""):
    return client.post(CALLBACK_PATH, data=routing_body(pathname, search), content_type="application/json")


def parse_layout(response) -> Layout:
    answer = response.get_json()["response"]
    return Layout(answer["_pages_content"]["children"], answer["_pages_store"]["data"]["title"])


def page_layout(client, pathname: str, search: str = "") -> Layout:
    response = post_layout(client, pathname, search)
    assert response.status_code == 200, (pathname, response.status_code, response.get_data()[:300])
    return parse_layout(response)


def _walk(node: object) -> Iterator[Node]:
    if isinstance(node, list):
        for child in node:
            yield from _walk(child)
    elif isinstance(node, dict) and "type" in node and isinstance(node.get("props"), dict):
        yield Node(node["type"], node["props"])
        for value in node["props"].values():
            yield from _walk(value)


def _texts(node: object) -> Iterator[str]:
    if isinstance(node, str | int | float) and not isinstance(node, bool):
        yield str(node)
    elif isinstance(node, list):
        for child in node:
            yield from _texts(child)
    elif isinstance(node, dict) and isinstance(node.get("props"), dict):
        yield from _texts(node["props"].get("children"))
