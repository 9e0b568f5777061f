#!/usr/bin/env bash
# Installs and starts what the full test suite talks to: a local PostgreSQL server with the
# project's test role (buurtwijzer/buurtwijzer, allowed to create the test databases), and a
# local Redis (the page cache's Redis test).
# Safe to run again: it only does what is missing. Needs root (CI, or a developer with sudo).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_listening() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }

if ! pg_listening; then
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian's packages..."
    as_root apt-get update -qq
    as_root apt-get install -y -qq postgresql >/dev/null
  fi
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! as_root pg_lsclusters -h 2>/dev/null | grep -q .; then
    as_root pg_createcluster "$version" main >/dev/null
  fi
  as_root pg_ctlcluster "$version" main start || true
  for _ in $(seq 1 30); do pg_listening && break; sleep 1; done
  pg_listening || { echo "PostgreSQL did not start."; exit 1; }
fi

# The project's local test role. Only on a local server this script manages.
as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='buurtwijzer'\"" | grep -q 1 \
  || as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qc \"CREATE ROLE buurtwijzer LOGIN CREATEDB PASSWORD 'buurtwijzer'\""
as_root su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='buurtwijzer'\"" | grep -q 1 \
  || as_root su postgres -c "createdb -O buurtwijzer buurtwijzer"
echo "PostgreSQL is ready on 127.0.0.1:5432."

# Redis for the page cache's Redis test (tests/pagecache): local, no persistence.
redis_listening() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }
if ! redis_listening; then
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "Installing Redis from Debian's packages..."
    as_root apt-get update -qq
    as_root apt-get install -y -qq redis-server >/dev/null
  fi
  redis-server --bind 127.0.0.1 --port 6379 --save "" --appendonly no --daemonize yes >/dev/null
  for _ in $(seq 1 15); do redis_listening && break; sleep 1; done
  redis_listening || { echo "Redis did not start."; exit 1; }
fi
echo "Redis is ready on 127.0.0.1:6379."
