"""Hostile clients against the production stack (deploy/: nginx → gunicorn → Redis) while visitors browse.

Usage: .venv/bin/python -m bench.abuse [--hostile 2000] [--worker-class gthread|sync] [--direct]

Repeats issue 18's probing from outside: slow clients (100 connections sending a header line every 2 s,
20 sending a body a byte at a time, reopened when nginx closes them) for the whole run, while hostile
requests come from many loopback addresses (as a distributed attacker's would) and a few normal visitors
browse from addresses of their own at a visitor's pace. Hostile requests: oversized request lines and
headers, chunked and lying bodies, malformed callback bodies (relative pathnames, deep nesting, lists for
strings, strings for objects, unicode digits, huge years), huge lists, junk and repeated parameters,
forged Host headers, odd methods, path tricks, and floods from one address.

Prints the answers by status (every 5xx by kind), and the visitors' requests answered during the abuse
with their latency. ``--direct`` sends the same traffic to gunicorn without nginx, for comparison.
Only 127.0.0.0/8 is contacted; every process started is stopped.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import multiprocessing
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

from bench.stack import ROOT, running_stack
from web.dash_internals import CALLBACK_PATH, routing_body

SLOW_HEADERS = 100
SLOW_BODIES = 20
HOSTILE_SOURCES = [f"127.0.{n // 200 + 10}.{n % 200 + 10}" for n in range(600)]
FLOOD_SOURCE = "127.0.9.9"
VISITOR_SOURCES = [f"127.0.1.{n}" for n in range(10, 30)]
VISITOR_PAUSE = 0.25  # s between one visitor's requests: 4 a second, as a fast reader clicking around


def raw(method: str, target: str, headers: dict[str, str] | None = None, body: bytes = b"") -> bytes:
    lines = [f"{method} {target} HTTP/1.1", "Host: localhost", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    if body and "Transfer-Encoding" not in (headers or {}):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def callback(body: object) -> bytes:
    text = body if isinstance(body, bytes) else json.dumps(body).encode()
    return raw("POST", CALLBACK_PATH, {"Content-Type": "application/json"}, text)


def routing(pathname: object, search: object = "") -> dict:
    body = json.loads(routing_body("/es", ""))
    body["inputs"][0]["value"] = pathname
    body["inputs"][1]["value"] = search
    body["state"][0]["value"] = pathname
    return body


def deep(depth: int) -> bytes:
    return b'{"output":' + b"[" * depth + b"]" * depth + b"}"


def chunked(size: int) -> bytes:
    chunk = b"x" * 65536
    head = raw("POST", CALLBACK_PATH, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    return head + (b"%x\r\n" % len(chunk) + chunk + b"\r\n") * (size // len(chunk)) + b"0\r\n\r\n"


def hostile_kinds() -> dict[str, object]:
    """Kind → a function of a random generator giving the raw bytes of one hostile request."""
    pages = ["/es", "/en", "/es/trends", "/es/map", "/es/compare", "/es/briefing/VE-A", "/embed/map"]
    lists = ",".join(f"q{n:05d}" for n in range(20000))
    return {
        "request line 9 KB": lambda r: raw("GET", "/es?x=" + "a" * 9000),
        "request line 2 MB": lambda r: raw("GET", "/es?x=" + "a" * 2_000_000),
        "header 64 KB": lambda r: raw("GET", "/es", {"X-Big": "b" * 65536}),
        "200 headers": lambda r: raw("GET", "/es", {f"X-H{n}": "v" for n in range(200)}),
        "chunked 10 MB body": lambda r: chunked(10 * 1024 * 1024),
        "chunked 320 KB body": lambda r: chunked(320 * 1024),
        "content-length lie": lambda r: raw("POST", CALLBACK_PATH, {"Content-Length": "100000"})[:-4] + b"\r\n\r\n{",
        "relative pathname": lambda r: callback(routing(r.choice(["es", "es/map", "embed/map", "", "//x"]))),
        "deep nesting": lambda r: callback(deep(r.choice([100, 1000, 5000]))),
        "list for a string": lambda r: callback(routing(["/es"], ["?year=2020"])),
        "string for an object": lambda r: callback({"output": "x", "outputs": "x", "inputs": "x", "state": "x"}),
        "unicode digit year": lambda r: callback(routing("/es/map", r.choice(["?year=²", "?year=٢٠٢٠", "?year=¹⁹"]))),
        "huge year": lambda r: callback(routing("/es/trends", "?year=" + "9" * r.choice([20, 5000]))),
        "huge list": lambda r: callback(routing("/es/trends", "?indicators=" + lists)),
        "junk parameters": lambda r: raw("GET", f"{r.choice(pages)}?x={r.randrange(10**9)}&y={r.random()}"),
        "repeated parameters": lambda r: raw("GET", "/es/map?" + "&".join(["year=2020"] * 300)),
        "forged host": lambda r: raw("GET", r.choice(pages), {"Host": f"evil{r.randrange(999)}.example"}),
        "odd method": lambda r: raw(r.choice(["TRACE", "PUT", "DELETE", "PATCH", "PROPFIND"]), r.choice(pages)),
        "path tricks": lambda r: raw("GET", r.choice(["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "//evil.example",
                                                      "/es/briefing/VE-D?code=VE-F", "/embed/x" * 50, "/%00", "/es%"])),
        "bad json": lambda r: callback(r.choice([b"{", b"null", b"[]", b'"x"', b"\xff\xfe", b"{" * 300])),
        "asset cache busting": lambda r: raw("GET", f"/assets/site.css?m={r.randrange(10**12)}"),
    }


def exchange(address: tuple[str, int], source: str, data: bytes, timeout: float = 15) -> int:
    """Send one raw request (writing while reading: big ones are refused early); its status, 0 if none."""
    try:
        sock = socket.create_connection(address, timeout=timeout, source_address=(source, 0))
    except OSError:
        return 0
    with sock:
        def write() -> None:
            with contextlib.suppress(OSError):
                sock.sendall(data)
        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        received = b""
        try:
            while b"\r\n" not in received:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                received += chunk
        except OSError:
            pass
        writer.join(timeout=1)
    parts = received.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


class SlowClients:
    """Keeps SLOW_HEADERS connections sending a header line, and SLOW_BODIES a body byte, every 2 s."""

    def __init__(self, address: tuple[str, int]) -> None:
        self.address = address
        self.stop = threading.Event()
        self.opened = 0
        self.thread = threading.Thread(target=self.run, daemon=True)

    def open(self, body: bool) -> socket.socket | None:
        try:
            sock = socket.create_connection(self.address, timeout=5)
            head = (f"POST {CALLBACK_PATH} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n{{"
                    if body else "GET /es HTTP/1.1\r\nHost: localhost\r\n")
            sock.sendall(head.encode())
            self.opened += 1
            return sock
        except OSError:
            return None

    def run(self) -> None:
        socks = [self.open(False) for _ in range(SLOW_HEADERS)] + [self.open(True) for _ in range(SLOW_BODIES)]
        while not self.stop.wait(2):
            for index, sock in enumerate(socks):
                try:
                    if sock is None:
                        raise OSError
                    sock.sendall(b"{" if index >= SLOW_HEADERS else b"X-Slow: 1\r\n")
                except OSError:  # closed by the server: open another, as a persistent attacker would
                    if sock is not None:
                        sock.close()
                    socks[index] = self.open(index >= SLOW_HEADERS)
        for sock in socks:
            if sock is not None:
                sock.close()


def visitor(base_port: int, source: str, paths: list[tuple[str, str, bytes | None]], stop: threading.Event,
            results: list[tuple[int, float, str]], rng: random.Random) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", base_port, timeout=30, source_address=(source, 0))
    while not stop.is_set():
        method, path, body = rng.choice(paths)
        start = time.perf_counter()
        try:
            headers = {"Content-Type": "application/json", "Accept-Encoding": "gzip"} if body else {
                "Accept-Encoding": "gzip"}
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
        except OSError:
            status = 0
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", base_port, timeout=30,
                                                    source_address=(source, 0))
        results.append((status, time.perf_counter() - start, f"{method} {path[:40]}"))
        stop.wait(VISITOR_PAUSE)
    connection.close()


def visitors_process(port: int, visitors: int, stop, answers, seed: int) -> None:
    """Browse from ``visitors`` addresses until ``stop`` is set; put every (status, seconds, request) on ``answers``."""
    local_stop = threading.Event()
    visits: list[tuple[int, float, str]] = []
    paths = visitor_paths()
    threads = [threading.Thread(target=visitor, args=(port, VISITOR_SOURCES[i], paths, local_stop, visits,
                                                      random.Random(seed + i)), daemon=True)
               for i in range(visitors)]
    for thread in threads:
        thread.start()
    stop.wait()
    local_stop.set()
    for thread in threads:
        thread.join(timeout=35)
    answers.put(visits)


def visitor_paths() -> list[tuple[str, str, bytes | None]]:
    pages = ["/es", "/en", "/es/map", "/es/trends", "/en/compare", "/es/briefing/VE-A", "/es/data", "/embed/map"]
    paths: list[tuple[str, str, bytes | None]] = [("GET", p, None) for p in pages]
    paths += [("POST", CALLBACK_PATH, routing_body(p)) for p in pages if not p.startswith("/embed")]
    paths += [("GET", "/healthz", None), ("GET", "/assets/site.css?m=1", None)]
    return paths


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q / 100))] if ordered else float("nan")


def run(port: int, hostile: int, visitors: int, senders: int, seed: int, skip: list[str]) -> None:
    rng = random.Random(seed)
    kinds = {kind: make for kind, make in hostile_kinds().items() if kind not in skip}
    names = sorted(kinds)
    plan = [names[i % len(names)] for i in range(hostile)]
    rng.shuffle(plan)
    # the flood: one address sending the cheapest request as fast as it can
    plan += ["flood from one address"] * (hostile // 4)
    rng.shuffle(plan)
    statuses: dict[str, Counter[int]] = defaultdict(Counter)
    lock = threading.Lock()
    queue = list(enumerate(plan))
    slow = SlowClients(("127.0.0.1", port))
    slow.thread.start()
    time.sleep(3)
    # Visitors run in a process of their own: this one's threads (building 10 MB bodies) would otherwise
    # hold the interpreter lock and count their own wait as the server's latency.
    stop = multiprocessing.Event()
    answers: multiprocessing.Queue = multiprocessing.Queue()
    browsing = multiprocessing.Process(target=visitors_process, args=(port, visitors, stop, answers, seed))
    browsing.start()

    def send() -> None:
        local = random.Random(rng.random())
        while True:
            with lock:
                if not queue:
                    return
                index, kind = queue.pop()
            if kind == "flood from one address":
                status = exchange(("127.0.0.1", port), FLOOD_SOURCE, raw("GET", "/healthz"))
            else:
                status = exchange(("127.0.0.1", port), HOSTILE_SOURCES[index % len(HOSTILE_SOURCES)],
                                  kinds[kind](local))
            with lock:
                statuses[kind][status] += 1

    start = time.perf_counter()
    senders_ = [threading.Thread(target=send, daemon=True) for _ in range(senders)]
    for thread in senders_:
        thread.start()
    for thread in senders_:
        thread.join()
    duration = time.perf_counter() - start
    stop.set()
    visits: list[tuple[int, float, str]] = answers.get(timeout=60)
    browsing.join(timeout=10)
    slow.stop.set()
    slow.thread.join(timeout=10)

    total = Counter[int]()
    for counts in statuses.values():
        total.update(counts)
    sent = sum(total.values())
    print(f"hostile requests: {sent} in {duration:.1f} s from {min(len(HOSTILE_SOURCES), hostile)} addresses "
          f"(+ {hostile // 4} from one flooding address); slow connections opened: {slow.opened}")
    print("   answers: " + ", ".join(f"{status or 'no answer'}: {n}" for status, n in sorted(total.items())))
    fives = sum(n for status, n in total.items() if status >= 500)
    print(f"   5xx: {fives}")
    for kind in sorted(statuses):
        counts = statuses[kind]
        mark = "  <-- 5xx" if any(s >= 500 for s in counts) else ""
        print(f"   {kind:28s} " + ", ".join(f"{s or 'no answer'}: {n}" for s, n in sorted(counts.items())) + mark)
    ok = [seconds for status, seconds, _ in visits if status == 200]
    print(f"visitors ({visitors}, one address each, a request every {VISITOR_PAUSE:g} s): {len(visits)} requests "
          f"during the abuse, {len(ok)} answered 200, others: "
          f"{dict(Counter(s for s, _, _ in visits if s != 200)) or 'none'}")
    if ok:
        print(f"   latency: p50 {percentile(ok, 50) * 1000:.0f} ms, p95 {percentile(ok, 95) * 1000:.0f} ms, "
              f"max {max(ok) * 1000:.0f} ms; within 1 s: {sum(s < 1 for s in ok)}")
    slowest = sorted(visits, key=lambda visit: -visit[1])[:5]
    print("   slowest: " + "; ".join(f"{what} {seconds * 1000:.0f} ms" for _, seconds, what in slowest))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hostile", type=int, default=2000, help="hostile requests from many addresses")
    parser.add_argument("--visitors", type=int, default=8)
    parser.add_argument("--senders", type=int, default=16, help="hostile requests in flight at once")
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"],
                        help="default: deploy/gunicorn.conf.py's")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--direct", action="store_true", help="to gunicorn without nginx (for comparison)")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--skip", nargs="*", default=[], help="leave out these kinds of hostile request")
    parser.add_argument("--cold", action="store_true", help="skip `python -m warm` (a deployment runs it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-abuse-") as workdir, \
            running_stack(Path(workdir), worker_class=args.worker_class, workers=args.workers) as stack:
        target = stack.gunicorn_base if args.direct else stack.base
        port = int(target.rsplit(":", 1)[1])
        print(f"{'gunicorn alone' if args.direct else 'nginx → gunicorn'} ({args.workers} {args.worker_class} workers"
              f"{', 8 threads each' if args.worker_class == 'gthread' else ''}) → Redis, on 127.0.0.1:{port}")
        if not args.cold:  # as a deployment does: the first visits' answers are stored before visitors come
            env = {**os.environ, "REDIS_URL": stack.redis_url, "CACHE_DIR": str(Path(workdir) / "cache")}
            warmed = subprocess.run([sys.executable, "-m", "warm"], env=env, cwd=ROOT, check=True,
                                    capture_output=True, text=True)
            print(warmed.stdout.strip())
        run(port, args.hostile, args.visitors, args.senders, args.seed, args.skip)


if __name__ == "__main__":
    main()
