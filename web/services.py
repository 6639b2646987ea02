"""The one door from pages, components and calculations into the server's plumbing.

``web/`` is wired by ``app.py`` alone; code that draws or computes may only use what is here: a
``memoize`` decorator backed by the shared cache (filesystem or Redis, namespaced by a fingerprint of
data and code), failure-tolerant ``shared_get``/``shared_set``, and the start-up facts that change what
a page shows (whether the boundary geometry loaded) and so must be part of any cache key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from web.cache import cache, shared_get, shared_set
from web.startup import READINESS

F = TypeVar("F", bound=Callable)

__all__ = ["cache_variant", "geometry_loaded", "memoize", "shared_get", "shared_set"]


def memoize(function: F) -> F:
    """Compute once per arguments for every worker sharing the cache (arguments must be hashable values)."""
    return cache.memoize()(function)


def geometry_loaded() -> bool:
    """False when the app started without boundary files: maps show a notice instead."""
    return READINESS.geometry_loaded


def cache_variant() -> str:
    """What else shapes an answer besides its request (a degraded start renders notices)."""
    return READINESS.cache_variant
