"""gunicorn settings for the portal (Dockerfile, docker-compose.yml, benchmarks/load.py):

    gunicorn -c coverage_portal/gunicorn.conf.py coverage_portal.wsgi:application

The application is loaded once, before the workers fork (their startup, e.g. WhiteNoise's scan of
the static files, is done once and shared). Sync workers, one request at a time per process.
gunicorn quietly runs threaded workers (gthread) whenever `threads` is above 1, even with
worker_class "sync": until the fourth session this file set 4 threads, so every load run had used
gthread. Measured side by side (benchmarks/load.py --users 60, same code, same hour): the same
throughput (126 req/s both), but with four threads sharing one interpreter lock a request waited
behind the others in its process: p95 373-488 ms for lists and 337-402 ms for wizard steps with
gthread, 273 and 246 ms with sync workers. Each setting can be overridden on the command line or with
GUNICORN_CMD_ARGS (GUNICORN_THREADS=4 gives gthread again).
"""

import gc
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Two processes per core: one computes while the other waits on PostgreSQL or Redis.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1)))
worker_class = "sync"
threads = int(os.environ.get("GUNICORN_THREADS", 1))  # above 1, gunicorn switches to gthread
keepalive = 5
timeout = 60
graceful_timeout = 30
preload_app = True
# Recycle a worker now and then (slow leaks), not all at once.
max_requests = 5000
max_requests_jitter = 500


def when_ready(server):
    # Runs in the master after the application is loaded and before the first workers are forked:
    # the URL configuration, the catalogues and the templates every worker would load on its first
    # requests (coverage_portal/warm_up.py).
    from coverage_portal.warm_up import warm_up

    done = warm_up()
    server.log.info(
        "warmed up: URLs and catalogues in %d languages, %d templates (%d skipped: %s)",
        done["languages"],
        done["templates"],
        len(done["skipped"]),
        ", ".join(done["skipped"]),
    )


def pre_fork(server, worker):
    # The preloaded application's objects live as long as the worker: freezing them keeps the
    # cyclic garbage collector from scanning them again after every few hundred allocations (and
    # keeps their memory pages shared with the master).
    gc.freeze()


def post_fork(server, worker):
    # A web request allocates many short-lived objects that reference counting already frees; a
    # higher first threshold runs the collector less often. Measured about 5 % less CPU per page
    # (benchmarks/load.py pages in-process, median of 8 alternating rounds).
    gc.set_threshold(50_000, 20, 20)
