"""The shared cache against a real redis-server on loopback: several workers compute once."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from flask import Flask
from flask_caching import Cache

from web.cache import cache_config
from web.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory) -> Iterator[str]:
    if not os.path.exists(REDIS_SERVER):
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed (.ci/run installs Debian's redis-server)")
        pytest.skip("redis-server not installed here")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)


def worker_cache(url: str) -> tuple[Flask, Cache]:
    """A second process's view of the cache: its own Flask app and Cache, the same Redis."""
    server = Flask(__name__)
    return server, Cache(server, config=cache_config(load_settings({"REDIS_URL": url})))


def test_two_workers_share_one_computation(redis_url):
    calls: list[int] = []

    def expensive(x: int) -> int:
        calls.append(x)
        return x * 2

    first_server, first = worker_cache(redis_url)
    second_server, second = worker_cache(redis_url)
    cached_first = first.memoize()(expensive)
    cached_second = second.memoize()(expensive)
    with first_server.app_context():
        assert cached_first(21) == 42
    with second_server.app_context():
        assert cached_second(21) == 42
    assert calls == [21]


def test_the_app_fills_redis_when_serving_pages(redis_url, tmp_path):
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    probe = "import app; c = app.server.test_client(); print(c.get('/healthz').get_json()['problems'])"
    env = {**os.environ, "REDIS_URL": redis_url, "CACHE_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    from analysis.map_frames import selection_frames

    server, _cache = worker_cache(redis_url)
    import web.cache

    web.cache.cache.init_app(server, config=cache_config(load_settings({"REDIS_URL": redis_url})))
    with server.app_context():
        selection_frames("violent_deaths", "rate_per_100k", "ovv", "state", None, "es")
    assert any(key.startswith(b"vzla-dash:") for key in client.keys("*"))


def test_a_callback_answer_computed_by_one_process_is_served_by_another(redis_url, tmp_path):
    """Two app processes (as two gunicorn workers or machines) with separate filesystems share Redis."""
    probe = (
        "import app, json\n"
        "from web.dash_internals import routing_body\n"
        "c = app.server.test_client()\n"
        "r = c.post('/_dash-update-component', data=routing_body('/en/trends', '?probe=redis'),\n"
        "           content_type='application/json')\n"
        "print(r.status_code, r.headers.get('X-Callback-Cache'), len(r.get_data()))\n"
    )
    redis.Redis.from_url(redis_url).flushdb()
    outcomes = []
    for worker in ("first", "second"):
        env = {**os.environ, "REDIS_URL": redis_url, "CACHE_DIR": str(tmp_path / worker)}
        result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stderr
        outcomes.append(result.stdout.split()[-3:])
    (first_status, first_outcome, first_size), (second_status, second_outcome, second_size) = outcomes
    assert (first_status, first_outcome) == ("200", "miss")
    assert (second_status, second_outcome) == ("200", "hit")
    assert first_size == second_size
    assert redis.Redis.from_url(redis_url).keys("*callback-answer:*")
