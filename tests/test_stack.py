"""The production stack of deploy/ (nginx → gunicorn → Redis) started for real on loopback ports.

Slow and oversized clients are answered by nginx, which buffers whole requests before gunicorn sees
them: while 100 connections trickle their headers and 20 trickle a body, normal visitors (from another
loopback address, as another client would be) are answered within a second. Oversized requests are
refused with the app's security headers. Needs Debian's nginx and redis-server (.ci/run installs them).
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import os
import re
import select
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from bench.stack import DEPLOY, Stack, missing_packages, running_stack
from web.security import content_security_policy

NGINX_DIR = DEPLOY / "nginx"
SLOW_HEADERS = 100
SLOW_BODIES = 20
NORMAL = 50
NORMAL_CLIENT = "127.0.0.2"  # another visitor: per-client limits key on the address
HEADER_TIMEOUT = 10  # client_header_timeout in the site
SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
            "Cross-Origin-Opener-Policy", "X-Frame-Options")


@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> Iterator[Stack]:
    missing = missing_packages()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"missing system package: {', '.join(missing)} (.ci/run installs them)")
        pytest.skip(f"missing system package: {', '.join(missing)} (apt-get install {' '.join(missing)})")
    with running_stack(tmp_path_factory.mktemp("stack")) as running:
        yield running


def nginx_headers() -> dict[str, str]:
    text = (NGINX_DIR / "security-headers.conf").read_text()
    return dict(re.findall(r'^add_header (\S+) "([^"]*)" always;$', text, flags=re.M))


def test_nginx_sends_the_apps_security_headers_on_its_own_answers(client):
    """The headers nginx adds to its error pages are the ones web/security.py gives a page without scripts."""
    ours = nginx_headers()
    app = client.get("/healthz").headers
    assert ours["Content-Security-Policy"] == content_security_policy([], framable=False)
    for name in SECURITY[1:]:
        assert ours[name] == app[name], name


def test_nginx_body_cap_is_the_apps():
    from web.body_limit import MAX_BODY

    site = (NGINX_DIR / "vzla-dashboard.conf").read_text()
    size = re.search(r"^\s*client_max_body_size (\d+)k;", site, flags=re.M)
    assert size and int(size.group(1)) * 1024 == MAX_BODY


def read_answer(sock: socket.socket, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of the answer on a raw socket (as far as it arrives before the connection
    closes; nginx closes after refusing a request)."""
    sock.settimeout(timeout)
    data = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    raw_head, _, body = data.partition(b"\r\n\r\n")
    head = raw_head.decode("latin-1").split("\r\n")
    assert head[0].startswith("HTTP/1."), f"no HTTP answer: {data[:200]!r}"
    headers = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
    return int(head[0].split()[1]), headers, body


def send_in_background(sock: socket.socket, parts: Iterator[bytes]) -> threading.Thread:
    """Write while the main thread reads: nginx answers (and closes) before a huge request is sent."""

    def write() -> None:
        try:
            for part in parts:
                sock.sendall(part)
        except OSError:
            pass  # refused mid-way, as expected

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def assert_security_headers(headers: dict[str, str]) -> None:
    expected = nginx_headers()
    for name in SECURITY:
        assert headers.get(name) == expected[name], name


def test_a_chunked_10_mb_body_is_refused_with_our_headers(stack):
    port = stack.nginx_port
    chunk = b"x" * 65536
    count = 10 * 1024 * 1024 // len(chunk)

    def body() -> Iterator[bytes]:
        yield (b"POST /_dash-update-component HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
               b"Transfer-Encoding: chunked\r\n\r\n")
        for _ in range(count):
            yield b"%x\r\n" % len(chunk) + chunk + b"\r\n"
        yield b"0\r\n\r\n"

    with socket.create_connection(("127.0.0.1", port)) as sock:
        writer = send_in_background(sock, body())
        status, headers, page = read_answer(sock)
        writer.join(timeout=10)
    assert status == 413
    assert_security_headers(headers)
    assert b"Error 413" in page and b"We could not answer this request" in page


def test_a_2_mb_request_line_is_refused_with_our_headers(stack):
    line = b"GET /es?" + b"a" * (2 * 1024 * 1024) + b" HTTP/1.1\r\nHost: localhost\r\n\r\n"
    with socket.create_connection(("127.0.0.1", stack.nginx_port)) as sock:
        writer = send_in_background(sock, iter([line[i:i + 65536] for i in range(0, len(line), 65536)]))
        status, headers, page = read_answer(sock)
        writer.join(timeout=10)
    assert status == 414
    assert_security_headers(headers)
    assert b"Error 414" in page and b"No pudimos atender esta solicitud" in page
    assert headers.get("Server") == "nginx"  # server_tokens off: no version


def is_open(sock: socket.socket) -> bool:
    """True while the server has neither answered nor closed this connection."""
    readable, _, _ = select.select([sock], [], [], 0)
    if not readable:
        return True
    try:
        return sock.recv(1, socket.MSG_PEEK) != b""
    except OSError:
        return False


def test_normal_visitors_are_answered_while_slow_clients_hold_connections(stack):
    """The issue's probe: header lines every few seconds on 100 connections kept every sync worker busy,
    and 0 of 10 normal requests were answered in 30 s. Behind nginx all 50 are answered within 1 s."""
    port = stack.nginx_port
    paths = ["/healthz", "/es", "/en/trends", "/es/map", "/assets/site.css"]
    for path in paths:  # as the deployment's warm-up does after a start (deploy/systemd: python -m warm)
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        warm.request("GET", path)
        assert warm.getresponse().read() is not None
        warm.close()
    slow_headers, slow_bodies = [], []
    for _ in range(SLOW_HEADERS):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"GET /es HTTP/1.1\r\nHost: localhost\r\n")
        slow_headers.append(sock)
    for _ in range(SLOW_BODIES):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"POST /_dash-update-component HTTP/1.1\r\nHost: localhost\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n" + b"{" * 300)
        slow_bodies.append(sock)
    stop = threading.Event()

    def trickle() -> None:  # one more header line, one more body byte, every 2 s
        while not stop.wait(2):
            for sock in slow_headers:
                with contextlib.suppress(OSError):
                    sock.sendall(b"X-Slow: 1\r\n")
            for sock in slow_bodies:
                with contextlib.suppress(OSError):
                    sock.sendall(b"{")

    trickler = threading.Thread(target=trickle, daemon=True)
    trickler.start()
    time.sleep(2.5)  # the slow connections are established and have trickled once
    timings: list[tuple[str, int, float]] = []
    lock = threading.Lock()

    def visitor(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5, source_address=(NORMAL_CLIENT, 0))
        for n in range(NORMAL // 5):
            path = paths[(index + n) % len(paths)]
            start = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            except OSError:
                status = 0
            with lock:
                timings.append((path, status, time.perf_counter() - start))
        connection.close()

    try:
        visitors = [threading.Thread(target=visitor, args=(i,)) for i in range(5)]
        for thread in visitors:
            thread.start()
        for thread in visitors:
            thread.join(timeout=60)
        still_open = sum(is_open(sock) for sock in slow_headers + slow_bodies)
        assert len(timings) == NORMAL
        assert [t for t in timings if t[1] != 200 or t[2] >= 1.0] == []
        # The abuse was real: the slow connections were all still held while the visitors were served.
        assert still_open == SLOW_HEADERS + SLOW_BODIES
        # And nginx cuts a request whose headers take longer than client_header_timeout.
        time.sleep(HEADER_TIMEOUT + 1.5)
        assert sum(is_open(sock) for sock in slow_headers) == 0
    finally:
        stop.set()
        trickler.join(timeout=5)
        for sock in slow_headers + slow_bodies:
            sock.close()


def test_through_nginx_static_files_are_kept_compressed_and_cached_a_year(stack):
    connection = http.client.HTTPConnection("127.0.0.1", stack.nginx_port, timeout=10,
                                            source_address=(NORMAL_CLIENT, 0))
    connection.request("GET", "/assets/site.css?m=1", headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    body = response.read()
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert response.getheader("Expires") is None
    assert response.getheader("Server") == "nginx"  # gunicorn's Server header never reaches a client
    plain = (Path(__file__).resolve().parent.parent / "assets" / "site.css").read_bytes()
    assert gzip.decompress(body) == plain
    connection.close()


def test_redis_runs_with_a_memory_limit_and_lru_eviction(stack):
    client = redis.Redis.from_url(stack.redis_url)
    assert client.config_get("maxmemory-policy") == {"maxmemory-policy": "allkeys-lru"}
    assert client.config_get("maxmemory") == {"maxmemory": str(256 * 1024 * 1024)}
    client.close()
