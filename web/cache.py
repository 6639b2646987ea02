"""The one flask-caching instance: filesystem by default, Redis when ``REDIS_URL`` is set.

Everything the pages compute from static data goes through ``cache.memoize`` so several
workers (and machines sharing one Redis) compute each answer once.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from pathlib import Path

from flask import Flask
from flask_caching import Cache

import web
from web.settings import REPO_ROOT, Settings

cache = Cache()
log = logging.getLogger(__name__)
FINGERPRINTED = ("data", "geo", "i18n", "analysis", "views", "components", "pages", "web")


def content_fingerprint(root: Path = REPO_ROOT) -> str:
    """A short hash of the data, translations and code, so a deployment with new data or new code
    never serves answers cached by the previous one (the cache may be shared and persistent)."""
    digest = hashlib.sha256(web.__version__.encode())
    digest.update((root / "app.py").read_bytes())
    for folder in FINGERPRINTED:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in {".csv", ".json", ".po", ".py"}:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cache_config(settings: Settings) -> dict[str, object]:
    fingerprint = content_fingerprint()
    config: dict[str, object] = {
        "CACHE_TYPE": settings.cache_type,
        "CACHE_DEFAULT_TIMEOUT": settings.cache_timeout,
        "CACHE_KEY_PREFIX": f"vzla-dash:{fingerprint}:",
    }
    if settings.redis_url:
        config["CACHE_REDIS_URL"] = settings.redis_url
    else:
        cache_dir = settings.cache_dir / fingerprint  # the filesystem backend ignores key prefixes
        cache_dir.mkdir(parents=True, exist_ok=True)
        config["CACHE_DIR"] = str(cache_dir)
        config["CACHE_THRESHOLD"] = 5000
    return config


def redis_reachable(url: str, timeout: float = 1.0) -> str | None:
    """None when Redis answers a PING at ``url``; otherwise the reason it does not."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout).ping()
    except (redis.RedisError, ValueError, OSError) as error:
        return str(error) or type(error).__name__
    return None


def shared_get(key: str) -> object | None:
    """``cache.get`` that treats a failing backend (Redis gone mid-run) as a miss, logged, not a 500."""
    try:
        return cache.get(key)
    except Exception as error:  # any backend fault: the answer can still be computed
        log.warning("shared cache unavailable for get: %r", error)
        return None


def shared_set(key: str, value: object) -> None:
    """``cache.set`` that logs a failing backend instead of failing the request."""
    try:
        cache.set(key, value)
    except Exception as error:  # any backend fault: the answer was computed and is still sent
        log.warning("shared cache unavailable for set: %r", error)


def init_cache(server: Flask, settings: Settings) -> list[str]:
    """Configure the shared cache; an unreachable Redis degrades to the filesystem cache, logged.

    Returns the problems to report in ``/healthz``.
    """
    problems: list[str] = []
    if settings.redis_url:
        reason = redis_reachable(settings.redis_url)
        if reason:
            problems.append(f"REDIS_URL unreachable ({reason}); using the filesystem cache in {settings.cache_dir}")
            log.warning(problems[-1])
            settings = replace(settings, redis_url=None)
    cache.init_app(server, config=cache_config(settings))
    return problems
