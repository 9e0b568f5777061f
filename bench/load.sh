#!/usr/bin/env bash
# Load test with wrk (Debian package `wrk`) against gunicorn on 127.0.0.1, production settings,
# PostgreSQL and Redis: home, a buurt page, an offer page and a search page, each DURATION at
# CONNECTIONS connections, with the full-page cache on ("cached") and off ("uncached").
#
#   DATABASE_URL=postgres://buurtwijzer:buurtwijzer@127.0.0.1:5432/bench_10000 \
#   REDIS_URL=redis://127.0.0.1:6379/3 bench/load.sh [cached|uncached|both]
#
# Environment: DURATION (60s), CONNECTIONS (32), THREADS (2), TIMEOUT (15s), PORT (8100),
# GUNICORN_WORKERS (4).
# Not part of the test suite. Prints one line per page and mode; wrk's full output goes to
# bench/results/ (not in git).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-both}
: "${DATABASE_URL:?DATABASE_URL (PostgreSQL with the generated offers) is needed}"
: "${REDIS_URL:?REDIS_URL is needed (the production cache)}"
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
TIMEOUT=${TIMEOUT:-15s}  # wrk counts a slower answer as an error
PORT=${PORT:-8100}
export GUNICORN_WORKERS=${GUNICORN_WORKERS:-4}
export GUNICORN_THREADS=${GUNICORN_THREADS:-1}
export GUNICORN_BIND="127.0.0.1:$PORT"
export DJANGO_SETTINGS_MODULE=config.settings.production
export DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DJANGO_SECURE_SSL_REDIRECT=0   # plain HTTP on the loopback; TLS is the proxy's job
export DATABASE_CONN_MAX_AGE=${DATABASE_CONN_MAX_AGE:-60}
export STATIC_ROOT=${STATIC_ROOT:-/tmp/buurtwijzer-bench-static}
export REDIS_URL DATABASE_URL

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
mkdir -p bench/results
.venv/bin/python manage.py collectstatic --noinput -v 0

# One offer, the buurt with the most offers, and a search: printed by the app itself.
urls=$(.venv/bin/python manage.py shell -c "
from django.db.models import Count
from buurten.models import BuurtPage
from aanbod.models import AanbodPage
b = max(BuurtPage.objects.live(), key=lambda p: p.get_children().live().count())
o = AanbodPage.objects.live().child_of(b).first()
print('BENCH', b.url, o.url)
" | grep '^BENCH')
read -r _ buurt offer <<<"$urls"
search="/zoeken/?q=$(printf 'ik voel me alleen' | sed 's/ /+/g')"
pages=("home /" "buurt $buurt" "offer $offer" "search $search")

run_mode() {
  local name=$1 cache=$2
  BUURTWIJZER_PAGE_CACHE=$cache .venv/bin/gunicorn -c site/gunicorn.conf.py config.wsgi \
    --pid "/tmp/buurtwijzer-bench-$PORT.pid" >"bench/results/gunicorn-$name.log" 2>&1 &
  local pid=$!
  trap 'kill "$pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && break; sleep 1; done
  for entry in "${pages[@]}"; do
    read -r label path <<<"$entry"
    for _ in 1 2 3; do curl -fsS -o /dev/null "http://127.0.0.1:$PORT$path"; done  # warm up
    out="bench/results/$name-$label.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency "http://127.0.0.1:$PORT$path" >"$out"
    rps=$(awk '/Requests\/sec/ {print $2}' "$out")
    p50=$(awk '$1=="50%" {print $2}' "$out")
    p99=$(awk '$1=="99%" {print $2}' "$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$out"); non2xx=${non2xx:-0}
    sockets=$(awk '/Socket errors/ {print $0}' "$out"); sockets=${sockets:-none}
    total=$(awk '/requests in/ {print $1}' "$out")
    printf '%-9s %-7s %-45s %9s req/s  p50 %8s  p99 %8s  requests %8s  non-2xx %s  socket errors: %s\n' \
      "$name" "$label" "$path" "$rps" "$p50" "$p99" "$total" "$non2xx" "$sockets"
  done
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  trap - EXIT
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
case "$mode" in
  cached) run_mode cached 1 ;;
  uncached) run_mode uncached 0 ;;
  both) run_mode uncached 0; run_mode cached 1 ;;
esac
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
