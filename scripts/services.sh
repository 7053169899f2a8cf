#!/usr/bin/env bash
# Start or stop throw-away PostgreSQL and Redis servers on 127.0.0.1 for tests and benchmarks.
#   source scripts/services.sh && services_start   # exports DATABASE_URL and REDIS_URL
#   services_stop
# There is no systemd on these machines: PostgreSQL runs from initdb/pg_ctl as the postgres user,
# Redis with --daemonize. Data lives in a temporary folder and is thrown away on stop.
set -u

services_install() {
  # Debian's packages; only what is missing, so a prepared machine does not touch apt.
  local need=()
  command -v redis-server >/dev/null || need+=(redis-server)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v pdftotext >/dev/null || need+=(poppler-utils)
  [ -x /usr/bin/chromium ] || need+=(chromium chromium-driver)
  ls /usr/lib/*/libharfbuzz-subset.so.0 >/dev/null 2>&1 || need+=(libharfbuzz-subset0)
  if [ ${#need[@]} -gt 0 ]; then
    echo "services: installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

services_start() {
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  SERVICES_DIR=$(mktemp -d /tmp/portal-services.XXXXXX)
  chmod 755 "$SERVICES_DIR"
  export SERVICES_DIR
  PG_PORT=$(_free_port); REDIS_PORT=$(_free_port)
  export PG_PORT REDIS_PORT PGBIN="$pgbin"
  mkdir -p "$SERVICES_DIR/pg" "$SERVICES_DIR/redis"
  chown postgres:postgres "$SERVICES_DIR/pg"
  runuser -u postgres -- "$pgbin/initdb" -D "$SERVICES_DIR/pg/data" -A trust -U postgres -E UTF8 >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$SERVICES_DIR/pg/data" -l "$SERVICES_DIR/pg/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $SERVICES_DIR/pg -c fsync=off -c max_connections=200" start >/dev/null
  runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres portal
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$SERVICES_DIR/redis" \
    --pidfile "$SERVICES_DIR/redis/redis.pid" --logfile "$SERVICES_DIR/redis/log" --save "" --appendonly no
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/portal"
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
  echo "services: PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT"
}

services_stop() {
  [ -n "${SERVICES_DIR:-}" ] || return 0
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$SERVICES_DIR/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$SERVICES_DIR"
  echo "services: stopped"
}
