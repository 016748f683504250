#!/usr/bin/env bash
# CI: boots the whole stack (fake partners, API, worker) on a fresh database and runs the Postman
# collection against it. Assumes `npm run build` already ran and PostgreSQL and Redis answer on
# 127.0.0.1 (.ci/ensure-services.sh). Uses its own database, Redis index and ports, so it does not
# disturb a developer's stack or the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node 24 first on the PATH (a no-op when it already is).
# shellcheck source=.ci/node24.sh
source .ci/node24.sh

for entry in dist/apps/api/src/main.js dist/apps/worker/src/main.js dist/apps/fake-partners/src/main.js; do
  [ -f "$entry" ] || { echo "postman: $entry is missing; run npm run build first" >&2; exit 1; }
done

API_PORT=3100
PARTNERS_PORT=4110
API_URL="http://127.0.0.1:$API_PORT"
PARTNERS_URL="http://127.0.0.1:$PARTNERS_PORT"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$API_PORT" "$PARTNERS_PORT"; do
  if port_open "$port"; then
    echo "postman: port $port is already in use; stop whatever listens there first" >&2
    exit 1
  fi
done

# --- A fresh database and Redis index ---------------------------------------------------------
export PGOPTIONS='--client-min-messages=warning'
psql -h 127.0.0.1 -U postgres -c 'drop database if exists pharmacy_postman with (force)' -c 'create database pharmacy_postman' -v ON_ERROR_STOP=1 -q
redis-cli -n 11 flushdb >/dev/null

export DATABASE_URL=postgres://postgres@127.0.0.1:5432/pharmacy_postman
export REDIS_URL=redis://127.0.0.1:6379/11
JWT_SECRET="$(node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))")"
export JWT_SECRET
export DEMO_MODE=true
# The collection logs in as every seeded user, and some twice; the default limit is 10 a minute.
export RATE_LIMIT_LOGIN=100
export PORT="$API_PORT"
export FAKE_PARTNERS_PORT="$PARTNERS_PORT"
export ERX_BASE_URL="$PARTNERS_URL"
export PHARMACY_BASE_URL="$PARTNERS_URL"
export LOG_LEVEL=info
export RELAY_POLL_MS=200
# The durable backend (the default), which the admin endpoints of the collection look at.
export EVENT_BUS_BACKEND=registry
# No fault injection, whatever the calling shell has.
export FAKE_FAIL_RATE=0 FAKE_HANG_RATE=0 FAKE_LATENCY_MS=0

npm run db:migrate
npm run db:seed

# --- The stack, each process in its own process group, logging to a file ----------------------
LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/ci-postman.XXXXXX")"
PIDS=()
NAMES=()

stop_stack() {
  local status=$?
  trap - EXIT INT TERM
  set +e
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null; done
  # A graceful stop first (active jobs finish), then no more waiting.
  for _ in $(seq 1 50); do
    local alive=0
    for pid in "${PIDS[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.2
  done
  for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
  if [ "$status" -ne 0 ]; then
    for name in "${NAMES[@]}"; do
      echo "----- last 60 lines of $LOG_DIR/$name.log -----" >&2
      tail -n 60 "$LOG_DIR/$name.log" >&2
    done
    echo "postman: FAILED (exit $status); logs are in $LOG_DIR" >&2
  else
    echo "postman: passed; logs are in $LOG_DIR"
  fi
  exit "$status"
}
trap stop_stack EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Job control: every background job leads its own process group, so `kill -- -PID` stops npm,
# its shell and the node process under it together.
set -m

{ npm run start:fake-partners & } >"$LOG_DIR/fake-partners.log" 2>&1 </dev/null
PIDS+=("$!"); NAMES+=(fake-partners)
{ npm run start:api & } >"$LOG_DIR/api.log" 2>&1 </dev/null
PIDS+=("$!"); NAMES+=(api)
{ npm run start:worker & } >"$LOG_DIR/worker.log" 2>&1 </dev/null
PIDS+=("$!"); NAMES+=(worker)

set +m

# --- Wait until the API and the fake partners answer (60 s at most) ---------------------------
wait_for() {
  local url=$1 deadline=$((SECONDS + 60))
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    for i in "${!PIDS[@]}"; do
      if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
        echo "postman: ${NAMES[$i]} exited before $url answered" >&2
        return 1
      fi
    done
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "postman: $url did not answer within 60 s" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "postman: $url answers"
}
wait_for "$API_URL/api/health/ready"
wait_for "$PARTNERS_URL/health"

# The worker serves no HTTP: it is up once it logs that it started.
deadline=$((SECONDS + 60))
until grep -q '"msg":"Worker started"' "$LOG_DIR/worker.log"; do
  if ! kill -0 "${PIDS[2]}" 2>/dev/null; then
    echo "postman: the worker exited before it started" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "postman: the worker did not start within 60 s" >&2
    exit 1
  fi
  sleep 0.5
done
echo "postman: the worker started"

# --- The collection ---------------------------------------------------------------------------
BASE_URL="$API_URL" bash scripts/run-postman.sh
