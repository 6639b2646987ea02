"""The one door from pages, components and calculations into the server's plumbing.

``web/`` is wired by ``app.py`` alone; code that draws or computes may only use what is here: a
``memoize`` decorator backed by the shared cache (filesystem or Redis, namespaced by a fingerprint of
data and code), failure-tolerant ``shared_get``/``shared_set``, and the start-up facts that change what
a page shows (whether the boundary geometry loaded) and so must be part of any cache key.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import TypeVar

from web.cache import cache, shared_get, shared_set
from web.startup import READINESS

F = TypeVar("F", bound=Callable)

__all__ = ["NotStoredError", "cache_variant", "geometry_loaded", "memoize", "only_stored", "shared_get", "shared_set",
           "stored_only"]
_STORED_ONLY: ContextVar[bool] = ContextVar("stored_only", default=False)


class NotStoredError(LookupError):
    """Raised by a computation asked for inside :func:`stored_only` whose answer is not stored yet."""


@contextlib.contextmanager
def stored_only() -> Iterator[None]:
    """Within this block, page layouts are served from the shared cache or not at all (``NotStoredError``): a
    request that only adds something optional (the written copy of an interactive page) never waits for
    a computation the router's own request will do anyway."""
    token = _STORED_ONLY.set(True)
    try:
        yield
    finally:
        _STORED_ONLY.reset(token)


def only_stored() -> bool:
    return _STORED_ONLY.get()


def memoize(function: F) -> F:
    """Compute once per arguments for every worker sharing the cache (arguments must be hashable values)."""
    return cache.memoize()(function)


def geometry_loaded() -> bool:
    """False when the app started without boundary files: maps show a notice instead."""
    return READINESS.geometry_loaded


def cache_variant() -> str:
    """What else shapes an answer besides its request (a degraded start renders notices)."""
    return READINESS.cache_variant
