"""The one flask-caching instance: filesystem by default, Redis when ``REDIS_URL`` is set.

Everything the pages compute from static data goes through ``cache.memoize`` so several
workers (and machines sharing one Redis) compute each answer once.
"""

from __future__ import annotations

from flask import Flask
from flask_caching import Cache

from web.settings import Settings

cache = Cache()


def cache_config(settings: Settings) -> dict[str, object]:
    config: dict[str, object] = {
        "CACHE_TYPE": settings.cache_type,
        "CACHE_DEFAULT_TIMEOUT": settings.cache_timeout,
        "CACHE_KEY_PREFIX": "vzla-dash:",
    }
    if settings.redis_url:
        config["CACHE_REDIS_URL"] = settings.redis_url
    else:
        settings.cache_dir.mkdir(parents=True, exist_ok=True)
        config["CACHE_DIR"] = str(settings.cache_dir)
        config["CACHE_THRESHOLD"] = 5000
    return config


def init_cache(server: Flask, settings: Settings) -> Cache:
    cache.init_app(server, config=cache_config(settings))
    return cache
