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

# One worker per core, sync workers: chosen by measurement behind nginx (bench/abuse.py; bench/README.md,
# "Production stack"). With nginx buffering whole requests and answers, a worker never waits on a client,
# and the app's work is CPU under one interpreter lock per process, so threads (gthread) bought nothing:
# in two pairs of runs visitors during the abuse were answered alike (quiet machine: p95 21 vs 16 ms,
# max 2.7 vs 2.9 s; loaded machine: p95 21 vs 85 ms, max 0.4 vs 1.4 s), and sync has fewer moving parts.
# GUNICORN_WORKER_CLASS=gthread remains available
# (e.g. without nginx in front of keep-alive clients, where a sync worker would sit on an idle connection).
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 2))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "8"))  # gthread only

# The master validates the data package and finishes Dash's set-up once; workers inherit them.
preload_app = True
control_socket_disable = True

# A callback computes in well under a second; 30 s is a hung worker, which the master replaces.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# gthread only (sync workers close every connection): longer than nginx's upstream keepalive_timeout
# (60 s), so nginx, not gunicorn, closes idle connections.
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
