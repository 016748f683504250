#!/usr/bin/env bash
# `npm start` on a bare machine: DATABASE_URL and REDIS_URL unset, so an embedded PostgreSQL holds
# the data and the jobs. Waits for its "Ready" banner, runs `npm run demo` against it, sends the
# SIGINT a Ctrl-C sends, and fails if any process it started is still running afterwards.
# Expects a build (npm start's `prestart` builds; CI has just built). START_CHECK_PORT: API port.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${START_CHECK_PORT:-3000}
log=$(mktemp)
env -u DATABASE_URL -u REDIS_URL -u QUEUE_BACKEND PORT="$port" node scripts/start.mjs >"$log" 2>&1 &
pid=$!
stop() { kill -INT "$pid" 2>/dev/null || true; wait "$pid" || true; }

for _ in $(seq 1 240); do
  grep -q '^Ready:' "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "npm start exited before it was ready" >&2; exit 1; }
  sleep 0.5
done
grep -q '^Ready:' "$log" || { stop; cat "$log"; echo "npm start was not ready within 120 s" >&2; exit 1; }
sed -n '/^Ready:/,/^Ctrl-C/p' "$log"

BASE_URL="http://localhost:$port" npm run demo || { stop; cat "$log"; exit 1; }

stop
tail -n 2 "$log"
# The apps' watchdog notices within 250 ms that they are gone; allow it 5 s.
started="$PWD/(\.data/postgres|dist/apps/|scripts/watchdog.mjs)"
for _ in $(seq 1 20); do pgrep -f "$started" >/dev/null || break; sleep 0.25; done
if pgrep -f "$started" >/dev/null; then
  pgrep -af "$started" >&2
  echo "processes started by npm start outlived it" >&2
  exit 1
fi
echo "npm start: demo served and completed; Ctrl-C stopped everything"
