"""The shared cache against a real redis-server on loopback: several workers compute once."""

from __future__ import annotations

import gzip
import json
import os
import pickle
import re
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
        pytest.skip("missing system package: redis-server (apt-get install redis-server)")
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
    deadline = time.monotonic() + 10
    while True:  # until the server answers (a few milliseconds), or fail
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail(f"redis-server did not start on port {port}")
            time.sleep(0.02)
    yield url
    process.terminate()
    process.wait(timeout=10)


def worker_cache(url: str, cache_dir: Path) -> tuple[Flask, Cache]:
    """A second process's view of the cache: its own Flask app, Cache and filesystem, the same Redis."""
    server = Flask(__name__)
    return server, Cache(server, config=cache_config(load_settings({"REDIS_URL": url, "CACHE_DIR": str(cache_dir)})))


def test_two_workers_share_one_computation(redis_url, tmp_path):
    calls: list[int] = []

    def expensive(x: int) -> int:
        calls.append(x)
        return x * 2

    redis.Redis.from_url(redis_url).flushdb()
    # Separate folders, as on two machines: the only thing the workers share is Redis.
    first_server, first = worker_cache(redis_url, tmp_path / "first")
    second_server, second = worker_cache(redis_url, tmp_path / "second")
    cached_first = first.memoize()(expensive)
    cached_second = second.memoize()(expensive)
    with first_server.app_context():
        assert cached_first(21) == 42
    with second_server.app_context():
        assert cached_second(21) == 42
    assert calls == [21]
    assert redis.Redis.from_url(redis_url).dbsize() >= 1


def unpickle(stored: bytes) -> object:
    """A value as flask-caching writes it to Redis: ``!`` and a pickle."""
    assert stored.startswith(b"!")
    return pickle.loads(stored[1:])


APP_REQUESTS = """
import app, gzip, json, pathlib, sys
from tests.layout_tree import routing_body
out = pathlib.Path(sys.argv[1])
client = app.server.test_client()
out.joinpath("health.json").write_text(json.dumps(client.get("/healthz").get_json()))
response = client.post("/_dash-update-component", data=routing_body("/en/map", "?year=2019"),
                       content_type="application/json")
out.joinpath("status").write_text(f"{response.status_code} {response.headers.get('X-Callback-Cache')}")
out.joinpath("answer.json").write_bytes(response.get_data())
"""


def test_the_app_fills_redis_when_serving_pages(redis_url, tmp_path):
    """The app in its own process, configured with REDIS_URL, answers a page's layout; what it stored
    is then read from Redis: the answer it sent, the page's layout and the map's computed frames."""
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    cache_dir, out = tmp_path / "cache", tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "REDIS_URL": redis_url, "CACHE_DIR": str(cache_dir)}
    result = subprocess.run([sys.executable, "-c", APP_REQUESTS, str(out)], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads((out / "health.json").read_text())["problems"] == []
    assert (out / "status").read_text() == "200 miss"
    sent = (out / "answer.json").read_bytes()
    assert "Map of lethal violence" in sent.decode()

    keys = sorted(key.decode() for key in client.keys("*"))
    prefixes = {re.match(r"vzla-dash:[0-9a-f]{12}:", key)[0] for key in keys}  # one deployment's namespace
    assert len(prefixes) == 1, keys
    answers = [key for key in keys if ":callback-answer:" in key]
    assert len(answers) == 1, keys  # one request, one stored answer
    stored = unpickle(client.get(answers[0]))
    assert stored.mimetype == "application/json"
    assert gzip.decompress(stored.compressed) == sent  # the bytes the app answered with
    layouts = [key for key in keys if ":page:pages.map:map:en:" in key]
    assert len(layouts) == 1, keys
    assert "Map of lethal violence" in json.dumps(unpickle(client.get(layouts[0])).to_plotly_json(),
                                                  default=lambda c: c.to_plotly_json())
    assert len(keys) > 2  # the memoized map frames and selections too
    # Nothing went to the filesystem cache: Redis was the shared cache.
    assert not [path for path in cache_dir.rglob("*") if path.is_file()]


def test_a_callback_answer_computed_by_one_process_is_served_by_another(redis_url, tmp_path):
    """Two app processes (as two gunicorn workers or machines) with separate filesystems share Redis."""
    probe = (
        "import app, json\n"
        "from tests.layout_tree import routing_body\n"
        "c = app.server.test_client()\n"
        "r = c.post('/_dash-update-component', data=routing_body('/en/trends', '?unit=count'),\n"
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
