"""Gunicorn settings for production, behind nginx (deploy/nginx/vzla-dashboard.conf).

Used as it is: ``gunicorn -c deploy/gunicorn.conf.py app:server`` (the Procfile and the systemd unit do).
Gunicorn binds to loopback only: nginx buffers whole requests and responses in front of it, so a slow or
hostile client holds an nginx connection (cheap), never a Python worker. Every value can be overridden
by the environment variable named beside it.
"""

from __future__ import annotations

import os

# Loopback only. HOST=0.0.0.0 is for a platform whose own router buffers requests (see README, Deploying).
bind = [f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"]

# One worker per core. gthread was chosen by measurement behind nginx (bench/README.md, "Production
# stack"): with the same cores it answered more normal requests during abuse, at a lower p95, than sync
# workers, because a thread waiting on Redis or on a socket write does not hold the whole process, and
# it keeps nginx's upstream connections alive (sync workers close every connection).
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 2))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "8"))

# The master validates the data package and finishes Dash's set-up once; workers inherit them.
preload_app = True
control_socket_disable = True

# A callback computes in well under a second; 30 s is a hung worker, which the master replaces.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Longer than nginx's upstream keepalive_timeout (60 s), so nginx, not gunicorn, closes idle connections
# (otherwise nginx may send a request on a connection gunicorn is closing).
keepalive = 75

# Caps at least nginx's (a request line or header of 8 KB, 32 KB of headers in all), so a request nginx
# accepts is never refused here with gunicorn's own bare error page: 32 KB holds at most some 6,500 header
# lines, and nginx cannot count them, so the line count is set above that.
limit_request_line = 8190
limit_request_fields = 8000
limit_request_field_size = 8190

# Trust X-Forwarded-* only from nginx on this machine.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
