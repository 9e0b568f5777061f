#!/usr/bin/env bash
# Runs a command with the search node up (scripts/search_node.sh, search-node/README.md):
# starts the node when it is not running yet and waits for green health, exports
# SEARCH_NODE_URL (what tests/contract reads; not OPENSEARCH_URL, which would switch the
# site's own backend in commands and subprocesses the tests start), runs the command, and
# stops the node again by its PID if this script started it, also when the command fails.
#
#   scripts/with_search_node.sh make test-sqlite      # SEARCH_NODE_PORT: another port
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE="$ROOT/scripts/search_node.sh"
URL="http://127.0.0.1:${SEARCH_NODE_PORT:-9200}"

if ! "$NODE" status >/dev/null 2>&1; then
    trap '"$NODE" stop' EXIT
    "$NODE" start </dev/null
fi
if ! curl -sf -m 70 -o /dev/null "$URL/_cluster/health?wait_for_status=green&timeout=60s"; then
    echo "search-node: not green at $URL" >&2
    exit 1
fi
export SEARCH_NODE_URL="$URL"
"$@"
