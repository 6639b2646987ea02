"""Configuration from environment variables, with safe defaults (debug off, local-only bind)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
TRUE_WORDS = {"1", "true", "yes", "on"}


class SettingsError(ValueError):
    """A variable has a value the app cannot use; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    host: str
    port: int
    debug: bool
    cache_dir: Path
    redis_url: str | None
    cache_timeout: int
    log_level: str
    hsts: bool
    answer_memory_mb: int = 32
    trusted_hosts: tuple[str, ...] = ()  # empty: any Host (a proxy in front must then pin it)
    public_url: str = ""  # e.g. https://violencia.example.org; empty: pages name themselves by relative URLs

    @property
    def cache_type(self) -> str:
        return "RedisCache" if self.redis_url else "FileSystemCache"


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number") from None
    if value < 0:
        raise SettingsError(f"{name}={raw!r} must not be negative")
    return value


def _flag(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "").strip().lower() in TRUE_WORDS


def _hosts(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    """``TRUSTED_HOSTS=example.org,.example.org``: host names (a leading dot admits subdomains)."""
    hosts = tuple(h.strip().lower() for h in env.get(name, "").split(",") if h.strip())
    for host in hosts:
        if any(c in host for c in "/@?# "):
            raise SettingsError(f"{name}: {host!r} is not a host name (write example.org, not a URL)")
    return hosts


def _public_url(env: Mapping[str, str], name: str) -> str:
    raw = env.get(name, "").strip().rstrip("/")
    if not raw:
        return ""
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SettingsError(f"{name}={raw!r} must be an address such as https://example.org")
    return raw


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings once; every value has a default that is safe in production."""
    env = os.environ if env is None else env
    port = _int(env, "PORT", 8050)
    if not 0 < port < 65536:
        raise SettingsError(f"PORT={port} is not a TCP port")
    return Settings(
        host=env.get("HOST", "127.0.0.1"),
        port=port,
        debug=_flag(env, "DASH_DEBUG"),
        cache_dir=Path(env.get("CACHE_DIR", str(REPO_ROOT / "build" / "cache"))),
        redis_url=env.get("REDIS_URL") or None,
        cache_timeout=_int(env, "CACHE_TIMEOUT", 24 * 3600),
        log_level=env.get("LOG_LEVEL", "INFO").upper(),
        hsts=_flag(env, "HSTS"),
        answer_memory_mb=_int(env, "ANSWER_MEMORY_MB", 32),
        trusted_hosts=_hosts(env, "TRUSTED_HOSTS"),
        public_url=_public_url(env, "PUBLIC_URL"),
    )
