"""The search page's view: the one URL parameter it reads (``q``), so the page and its stored answers see it.

Why a view: pages see only the parameters their view declares (junk cannot reach a layout or multiply stored
answers, ``views/page_query.py``). A query is free text, so its answers are never stored (``STORABLE``): each
would be a new entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from geo.search import clean_query
from views.place_view import SEARCH_PARAM, SEARCH_SLUG


@dataclass(frozen=True)
class SearchView:
    query: str = ""

    SLUG = SEARCH_SLUG
    CONTROLS: ClassVar[dict[str, tuple[str, str]]] = {SEARCH_PARAM: ("search-page-q", "value")}
    STORABLE = False

    @classmethod
    def from_params(cls, params: Mapping[str, object], lang: str) -> tuple[SearchView, list[str]]:
        return cls(clean_query(params.get(SEARCH_PARAM, ""))), []

    def to_params(self) -> dict[str, str]:
        return {SEARCH_PARAM: self.query} if self.query else {}
