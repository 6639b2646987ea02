"""Start the production stack of deploy/ on loopback ports, for tests/test_stack.py and bench/abuse.py.

Redis (deploy/redis/vzla-dashboard.conf), gunicorn (deploy/gunicorn.conf.py) and nginx
(deploy/nginx/vzla-dashboard.conf) are started from the shipped files; only what must differ on a test
machine is replaced: ports, the checkout's path, and nginx's own files (pid, logs, temporary folders),
which a generated top-level nginx.conf in a temporary folder points at. Only 127.0.0.1 is used, and
every process started is stopped on exit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SITE = DEPLOY / "nginx" / "vzla-dashboard.conf"
GUNICORN = Path(sys.executable).with_name("gunicorn")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
SHIPPED_ROOT = "/srv/vzla-dashboard"
SHIPPED_UPSTREAM = "server 127.0.0.1:8000;"
SHIPPED_CACHE = "/var/cache/nginx/vzla-dashboard"


def missing_packages() -> list[str]:
    """Debian packages the stack needs that this machine lacks."""
    need = []
    if not os.path.exists(NGINX):
        need.append("nginx")
    if not os.path.exists(REDIS_SERVER):
        need.append("redis-server")
    return need


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def replace_once(text: str, old: str, new: str) -> str:
    """Replace ``old``, which must be there: a changed site file fails loudly instead of running untested."""
    if old not in text:
        raise ValueError(f"{SITE.name} no longer contains {old!r}; update bench/stack.py")
    return text.replace(old, new)


def site_for_test(nginx_port: int, gunicorn_port: int, cache_dir: Path) -> str:
    """The shipped site with loopback ports and this checkout's paths."""
    text = SITE.read_text()
    text = replace_once(text, "    listen 80;\n", f"    listen 127.0.0.1:{nginx_port};\n")
    text = replace_once(text, "    listen [::]:80;\n", "")
    text = replace_once(text, SHIPPED_UPSTREAM, f"server 127.0.0.1:{gunicorn_port};")
    text = replace_once(text, SHIPPED_CACHE, str(cache_dir))
    return replace_once(text, SHIPPED_ROOT, str(ROOT))


def nginx_conf(workdir: Path, site: Path, worker_connections: int) -> str:
    """Top-level nginx.conf for a private nginx (Debian's /etc/nginx/nginx.conf plays this part on a server)."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # root's temporary folders are not nobody's
    brotli = ""
    module = ""
    if BROTLI_MODULE.exists():
        module = f"load_module {BROTLI_MODULE};\n"
        brotli = f"    include {DEPLOY / 'nginx' / 'brotli.conf'};\n"
    temp = "".join(f"    {name}_temp_path {workdir / name};\n"
                   for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (
        f"{module}{user}daemon off;\nworker_processes auto;\npid {workdir / 'nginx.pid'};\n"
        f"error_log {workdir / 'error.log'} warn;\n"
        f"events {{ worker_connections {worker_connections}; }}\n"
        f"http {{\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        f"    access_log off;\n{temp}{brotli}    include {site};\n}}\n"
    )


@dataclass
class Stack:
    base: str  # nginx, what clients use
    nginx_port: int
    gunicorn_base: str
    redis_url: str
    gunicorn: subprocess.Popen
    workdir: Path


def wait_for(url: str, timeout: float, process: subprocess.Popen, name: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"{name} did not answer {url} in {timeout} s")


def wait_for_port(port: int, timeout: float, process: subprocess.Popen, name: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.02)
    raise TimeoutError(f"{name} did not listen on {port} in {timeout} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@contextlib.contextmanager
def running_stack(workdir: Path, worker_class: str | None = None, workers: int = 2, threads: int = 8,
                  worker_connections: int = 2048, env: dict[str, str] | None = None) -> Iterator[Stack]:
    """Redis, gunicorn and nginx from deploy/, on free loopback ports, stopped on exit (``worker_class``
    None: the one deploy/gunicorn.conf.py chooses)."""
    workdir.mkdir(parents=True, exist_ok=True)
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi", "redis", "cache", "static"):
        (workdir / name).mkdir(exist_ok=True)
    redis_port, gunicorn_port, nginx_port = free_port(), free_port(), free_port()
    processes: list[subprocess.Popen] = []
    try:
        redis = subprocess.Popen(
            [REDIS_SERVER, str(DEPLOY / "redis" / "vzla-dashboard.conf"), "--port", str(redis_port),
             "--bind", "127.0.0.1", "--dir", str(workdir / "redis")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(redis)
        wait_for_port(redis_port, 10, redis, "redis-server")
        redis_url = f"redis://127.0.0.1:{redis_port}/0"
        app_env = {**os.environ, "PORT": str(gunicorn_port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": str(workers),
                   "GUNICORN_THREADS": str(threads),
                   "GUNICORN_ACCESS_LOG": "", "LOG_LEVEL": "warning", "REDIS_URL": redis_url,
                   "CACHE_DIR": str(workdir / "cache"), **(env or {})}
        app_env.pop("GUNICORN_CMD_ARGS", None)
        app_env.pop("GUNICORN_WORKER_CLASS", None)
        if worker_class:  # otherwise deploy/gunicorn.conf.py's choice
            app_env["GUNICORN_WORKER_CLASS"] = worker_class
        gunicorn = subprocess.Popen([str(GUNICORN), "-c", str(DEPLOY / "gunicorn.conf.py"), "app:server"],
                                    cwd=ROOT, env=app_env)
        processes.append(gunicorn)
        gunicorn_base = f"http://127.0.0.1:{gunicorn_port}"
        wait_for(gunicorn_base + "/healthz", 90, gunicorn, "gunicorn")
        site = workdir / "site.conf"
        site.write_text(site_for_test(nginx_port, gunicorn_port, workdir / "static"))
        conf = workdir / "nginx.conf"
        conf.write_text(nginx_conf(workdir, site, worker_connections))
        check = subprocess.run([NGINX, "-t", "-q", "-c", str(conf), "-e", str(workdir / "error.log")],
                               capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx -t refused the site: {check.stderr.strip()}")
        nginx = subprocess.Popen([NGINX, "-c", str(conf), "-e", str(workdir / "error.log")],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(nginx)
        base = f"http://127.0.0.1:{nginx_port}"
        wait_for(base + "/healthz", 10, nginx, "nginx")
        yield Stack(base, nginx_port, gunicorn_base, redis_url, gunicorn, workdir)
    finally:
        for process in reversed(processes):
            stop(process)
