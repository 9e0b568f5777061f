#!/usr/bin/env bash
# Single-node OpenSearch 2.19.6 in a plain Java 17 process (see search-node/README.md).
#
#   scripts/search_node.sh build    # mvn package, only if the jar is missing or older than the sources
#   scripts/search_node.sh start    # build if needed, start in the background, wait until yellow/green
#   scripts/search_node.sh stop     # SIGTERM by PID, wait for the exit, remove the pid file
#   scripts/search_node.sh status   # exit 0 when healthy, 1 when running but not healthy, 3 when stopped
#
# Environment:
#   SEARCH_NODE_PORT            http port                       (default 9200)
#   SEARCH_NODE_TRANSPORT_PORT  transport port                  (default 9300)
#   SEARCH_NODE_HOME            path.home; data in HOME/data    (default search-node/data)
#   SEARCH_NODE_HEAP            -Xms/-Xmx                       (default 256m)
#   SEARCH_NODE_JAVA_OPTS       extra JVM options
#   SEARCH_NODE_START_TIMEOUT   seconds to wait for health      (default 90)
#   SEARCH_NODE_MVN_OFFLINE=1   pass -o to mvn (everything already in ~/.m2)
# Reads no standard input; fine to run as root.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_DIR="$ROOT/search-node"
JAR="$NODE_DIR/target/search-node.jar"
LIB="$NODE_DIR/target/lib"
PID_FILE="$NODE_DIR/node.pid"
LOG_FILE="$NODE_DIR/node.log"
PORT="${SEARCH_NODE_PORT:-9200}"
TRANSPORT_PORT="${SEARCH_NODE_TRANSPORT_PORT:-9300}"
HOME_DIR="${SEARCH_NODE_HOME:-$NODE_DIR/data}"
HEAP="${SEARCH_NODE_HEAP:-256m}"
START_TIMEOUT="${SEARCH_NODE_START_TIMEOUT:-90}"
URL="http://127.0.0.1:$PORT"
MAIN_CLASS="nl.buurtwijzer.searchnode.Main"

log() { printf 'search-node: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
now_ms() { local t="${EPOCHREALTIME/[.,]/}"; echo $((t / 1000)); }
since() { local ms=$(($(now_ms) - $1)); printf '%d.%01d s' $((ms / 1000)) $((ms % 1000 / 100)); }

java_bin() {
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        echo "$JAVA_HOME/bin/java"
    else
        command -v java || die "java (17+) not found"
    fi
}

needs_build() {
    [[ -f "$JAR" && -d "$LIB" ]] || return 0
    [[ -n "$(find "$NODE_DIR/pom.xml" "$NODE_DIR/src" -newer "$JAR" -print -quit)" ]]
}

cmd_build() {
    if ! needs_build; then
        return 0
    fi
    command -v mvn >/dev/null || die "mvn not found"
    local offline=()
    [[ "${SEARCH_NODE_MVN_OFFLINE:-0}" == 1 ]] && offline=(-o)
    log "building $JAR (mvn package)"
    local t0
    t0="$(now_ms)"
    # (sed drops the colour codes that mvn -q prints even without a terminal)
    (cd "$NODE_DIR" && mvn -q -B "${offline[@]}" package </dev/null 2>&1 | sed -e $'s/\x1b\\[[0-9;]*m//g' >&2) ||
        die "mvn package failed"
    touch "$JAR"   # jar may be left unchanged by the jar plugin; mark it as up to date
    log "built in $(since "$t0")"
}

# PID from the pid file if that process is alive and really is our node
node_pid() {
    [[ -f "$PID_FILE" ]] || return 1
    local pid
    pid="$(tr -dc '0-9' <"$PID_FILE")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -e "$MAIN_CLASS" -e "search-node.jar" || return 1
    echo "$pid"
}

healthy() {
    curl -sf -m 5 -o /dev/null "$URL/_cluster/health?wait_for_status=yellow&timeout=2s"
}

cmd_start() {
    local pid t0=$SECONDS t0ms
    t0ms="$(now_ms)"
    if healthy; then
        pid="$(node_pid || true)"
        log "already running and healthy at $URL${pid:+ (pid $pid)}"
        return 0
    fi
    if pid="$(node_pid)"; then
        log "already starting (pid $pid); waiting for health"
    else
        rm -f "$PID_FILE"
        if curl -s -m 2 -o /dev/null "$URL/"; then
            die "port $PORT answers but is not healthy, and not our node (no live pid in $PID_FILE)"
        fi
        cmd_build
        t0=$SECONDS t0ms="$(now_ms)"   # time the start, not the build
        mkdir -p "$HOME_DIR"
        local java
        java="$(java_bin)"
        # shellcheck disable=SC2086
        setsid "$java" -Xms"$HEAP" -Xmx"$HEAP" ${SEARCH_NODE_JAVA_OPTS:-} \
            -cp "$JAR:$LIB/*" "$MAIN_CLASS" \
            --port "$PORT" --transport-port "$TRANSPORT_PORT" --pid-file "$PID_FILE" "$HOME_DIR" \
            </dev/null >"$LOG_FILE" 2>&1 &
        pid=$!
        echo "$pid" >"$PID_FILE"   # Main rewrites the same pid; written here too so a quick stop finds it
        log "started pid $pid, log $LOG_FILE; waiting up to ${START_TIMEOUT}s for $URL"
    fi
    while ((SECONDS - t0 < START_TIMEOUT)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            log "node exited during start-up; last lines of $LOG_FILE:"
            tail -n 30 "$LOG_FILE" >&2 || true
            rm -f "$PID_FILE"
            exit 1
        fi
        if healthy; then
            log "healthy after $(since "$t0ms") at $URL (pid $pid)"
            return 0
        fi
        sleep 0.5
    done
    die "not healthy after ${START_TIMEOUT}s (pid $pid still running; see $LOG_FILE)"
}

cmd_stop() {
    local pid
    if ! pid="$(node_pid)"; then
        rm -f "$PID_FILE"
        log "not running"
        return 0
    fi
    log "stopping pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 60; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "still running after 30 s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        for ((i = 0; i < 20; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.25
        done
    fi
    rm -f "$PID_FILE"
    log "stopped"
}

cmd_status() {
    local pid
    if pid="$(node_pid)"; then
        local rss
        rss="$(ps -o rss= -p "$pid" | tr -d ' ')"
        if healthy; then
            echo "running, healthy: pid $pid, $URL, rss $((rss / 1024)) MiB"
            curl -s -m 5 "$URL/_cluster/health" && echo
            return 0
        fi
        echo "running, not (yet) healthy: pid $pid, $URL, rss $((rss / 1024)) MiB"
        return 1
    fi
    if healthy; then
        echo "something healthy answers at $URL, but it is not the node from $PID_FILE"
        return 1
    fi
    echo "stopped"
    return 3
}

case "${1:-}" in
    build) cmd_build ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    restart) cmd_stop; cmd_start ;;
    *) echo "usage: $0 {build|start|stop|status|restart}" >&2; exit 2 ;;
esac
